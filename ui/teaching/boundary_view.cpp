#include "ui/teaching/boundary_view.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "ui/bridge/study_controller.h"

namespace tunebench::ui {
namespace {

QColor classColor(int label) {
  static const QColor palette[] = {QColor(0xf59322), QColor(0x0877bd), QColor(0x2ca02c),
                                   QColor(0xd62728), QColor(0x9467bd), QColor(0x8c564b),
                                   QColor(0xe377c2), QColor(0x17becf)};
  return palette[std::abs(label) % 8];
}

// The map as an image: each cell the predicted class's colour, blended towards white where the
// network is unsure (confidence near 1/classes).
QImage boundaryImage(const BoundaryRow& b) {
  QImage image(b.grid, b.grid, QImage::Format_RGB32);
  for (int row = 0; row < b.grid; ++row) {
    for (int col = 0; col < b.grid; ++col) {
      const int cell = row * b.grid + col;
      const QColor color = classColor(b.predicted.value(cell));
      const double sure = std::clamp((b.confidence.value(cell) - 0.5) * 2.0, 0.0, 1.0);
      const double mix = 0.25 + 0.55 * sure;
      image.setPixelColor(
          col, b.grid - 1 - row,  // y grows upwards
          QColor::fromRgbF(1.0 - mix * (1.0 - color.redF()), 1.0 - mix * (1.0 - color.greenF()),
                           1.0 - mix * (1.0 - color.blueF())));
    }
  }
  return image;
}

}  // namespace

BoundaryView::BoundaryView(QWidget* parent) : QWidget(parent) { setMinimumSize(320, 240); }

void BoundaryView::clear() {
  trials_.clear();
  boundaries_.clear();
  update();
}

void BoundaryView::addTrial(const TrialRow& row) { trials_.insert(row.trial_id, row); }

void BoundaryView::setBoundary(qint64 trial_id, const BoundaryRow& boundary) {
  boundaries_.insert(trial_id, boundary);
  update();
}

QHash<QString, qint64> BoundaryView::shownTrials() const {
  QHash<QString, qint64> shown;
  for (auto it = boundaries_.begin(); it != boundaries_.end(); ++it) {
    const TrialRow row = trials_.value(it.key());
    auto current = shown.find(row.configuration);
    if (current == shown.end() || trials_.value(*current).seed > row.seed)
      shown.insert(row.configuration, it.key());
  }
  return shown;
}

int BoundaryView::mapCount() const { return static_cast<int>(shownTrials().size()); }

int BoundaryView::shownEpoch(const QString& configuration) const {
  const auto shown = shownTrials();
  return shown.contains(configuration) ? boundaries_.value(shown.value(configuration)).epoch : -1;
}

void BoundaryView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const QHash<QString, qint64> shown = shownTrials();
  if (shown.isEmpty()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(
        rect(), Qt::AlignCenter | Qt::TextWordWrap,
        tr("Decision boundaries appear here for 2-D data sets (circle, xor, gaussians, spiral): "
           "try the playground-spiral preset."));
    return;
  }
  QStringList configurations = shown.keys();
  configurations.sort();
  const int count = static_cast<int>(configurations.size());
  const int columns =
      static_cast<int>(std::ceil(std::sqrt(count * double(width()) / std::max(1, height()))));
  const int rows = (count + columns - 1) / columns;
  const int cell_w = width() / columns, cell_h = height() / rows;
  for (int i = 0; i < count; ++i) {
    const qint64 trial_id = shown[configurations[i]];
    const BoundaryRow& b = boundaries_[trial_id];
    const QRect cell((i % columns) * cell_w, (i / columns) * cell_h, cell_w, cell_h);
    const int side = std::max(10, std::min(cell.width() - 12, cell.height() - 34));
    const QRect map(cell.left() + (cell.width() - side) / 2, cell.top() + 20, side, side);
    painter.setPen(palette().color(QPalette::WindowText));
    const QString title = painter.fontMetrics().elidedText(
        tr("%1 · epoch %2").arg(trials_.value(trial_id).label).arg(b.epoch), Qt::ElideMiddle,
        cell.width() - 8);
    painter.drawText(QRect(cell.left() + 4, cell.top() + 2, cell.width() - 8, 16), Qt::AlignCenter,
                     title);
    painter.drawImage(map, boundaryImage(b));
    painter.setPen(QPen(Qt::white, 1));
    for (int p = 0; p < b.point_x.size(); ++p) {
      const double x = map.left() + (b.point_x[p] - b.x_min) / (b.x_max - b.x_min) * map.width();
      const double y = map.bottom() - (b.point_y[p] - b.y_min) / (b.y_max - b.y_min) * map.height();
      painter.setBrush(classColor(b.point_label[p]));
      painter.drawEllipse(QPointF(x, y), 2.6, 2.6);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(map);
  }
}

void BoundaryView::follow(const StudyController* controller) {
  connect(controller, &StudyController::runStarted, this, &BoundaryView::clear);
  connect(controller, &StudyController::trialStarted, this, &BoundaryView::addTrial);
  connect(controller, &StudyController::labelsChanged, this, [this, controller] {
    for (const TrialRow& row : controller->book().rows()) addTrial(row);
  });
  connect(controller, &StudyController::boundaryRecorded, this, &BoundaryView::setBoundary);
}

}  // namespace tunebench::ui
