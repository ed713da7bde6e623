#include "ui/app_icon.h"

#include <QPainter>
#include <QPixmap>

namespace tunebench::ui {
namespace {

QPixmap paintIcon(int size) {
  QPixmap pixmap(size, size);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.scale(size / 64.0, size / 64.0);
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(0x1f3b57));
  painter.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12);
  painter.setPen(QPen(QColor(0xcfd8dc), 2));
  painter.drawLine(10, 56, 56, 56);
  painter.drawLine(10, 10, 10, 56);
  auto curve = [&](const QColor& color, const QPolygonF& points) {
    painter.setPen(QPen(color, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(points);
  };
  curve(QColor(0xff9f43), QPolygonF({{10, 16}, {20, 34}, {30, 42}, {40, 46}, {54, 48}}));
  curve(QColor(0x4fc3f7), QPolygonF({{10, 22}, {20, 40}, {30, 48}, {40, 51}, {54, 52}}));
  return pixmap;
}

}  // namespace

QIcon applicationIcon() {
  QIcon icon;
  for (int size : {16, 24, 32, 48, 64, 128, 256}) icon.addPixmap(paintIcon(size));
  return icon;
}

}  // namespace tunebench::ui
