#include "ui/teaching/histogram_grid.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace tunebench::ui {
namespace {
constexpr int kMaxPanels = 10;  // deeper nets show evenly spaced layers, first and last included
constexpr int kTitleHeight = 18;
}  // namespace

HistogramGrid::HistogramGrid(QWidget* parent) : QWidget(parent) { setMinimumHeight(80); }

void HistogramGrid::setRows(const QVector<Row>& rows) {
  rows_ = rows;
  updateGeometry();
  update();
}

void HistogramGrid::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const QPalette& colors = palette();
  if (rows_.isEmpty()) {
    painter.setPen(colors.color(QPalette::PlaceholderText));
    painter.drawText(
        rect(), Qt::AlignCenter | Qt::TextWordWrap,
        tr("No probes yet: studies with training.probe_every > 0 (the teaching presets) show "
           "per-layer activation histograms here."));
    return;
  }
  const int row_height = height() / static_cast<int>(rows_.size());
  for (int r = 0; r < rows_.size(); ++r) {
    const Row& row = rows_[r];
    const QRect band(0, r * row_height, width(), row_height);
    painter.setPen(colors.color(QPalette::WindowText));
    painter.drawText(band.adjusted(4, 0, -4, 0).topLeft() + QPoint(0, 13), row.title);
    const int layers = static_cast<int>(row.layers.size());
    QVector<int> shown;
    for (int k = 0; k < std::min(layers, kMaxPanels); ++k) {
      shown.append(layers <= kMaxPanels
                       ? k
                       : static_cast<int>(k * (layers - 1) / double(kMaxPanels - 1) + 0.5));
    }
    const int panel_width = (width() - 8) / std::max<int>(1, shown.size());
    for (int p = 0; p < shown.size(); ++p) {
      const int layer = shown[p];
      const QRect panel(4 + p * panel_width, band.top() + kTitleHeight, panel_width - 6,
                        row_height - kTitleHeight - 30);
      painter.fillRect(panel, colors.color(QPalette::Base));
      const QVector<double>& bins = row.histograms[layer];
      const double peak =
          bins.isEmpty() ? 1.0 : std::max(1e-9, *std::max_element(bins.begin(), bins.end()));
      const double bar = panel.width() / std::max<double>(1.0, bins.size());
      painter.setPen(Qt::NoPen);
      painter.setBrush(QColor(0x1f77b4));
      for (int b = 0; b < bins.size(); ++b) {
        const double h = bins[b] / peak * panel.height();
        painter.drawRect(
            QRectF(panel.left() + b * bar, panel.bottom() - h, std::max(1.0, bar - 0.5), h));
      }
      painter.setPen(colors.color(QPalette::Mid));
      painter.drawLine(panel.center().x(), panel.top(), panel.center().x(),
                       panel.bottom());  // x = 0
      painter.setPen(colors.color(QPalette::WindowText));
      painter.drawText(
          QRect(panel.left(), panel.bottom() + 1, panel.width(), 28),
          Qt::AlignHCenter | Qt::AlignTop,
          QStringLiteral("%1\nσ %2").arg(row.layers[layer]).arg(row.stds[layer], 0, 'g', 2));
    }
  }
}

}  // namespace tunebench::ui
