#include "ui/charts/parallel_coordinates.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

#include "ui/charts/search_plot.h"

namespace tunebench::ui {
namespace {
constexpr int kGrab = 12;            // pixels either side of an axis that start a brush
constexpr int kClickPixels = 4;      // a drag shorter than this is a click: it clears the brush
constexpr int kAntialiasMax = 3000;  // more lines than this are drawn without antialiasing
}  // namespace

ParallelCoordinates::ParallelCoordinates(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("parallelCoordinates"));
  setMouseTracking(false);
  setCursor(Qt::CrossCursor);
  setAutoFillBackground(true);
  setBackgroundRole(QPalette::Base);
}

void ParallelCoordinates::setData(const QVector<SearchAxis>& parameters,
                                  const QVector<TrialRow>& rows) {
  parameters_ = parameters;
  rows_ = rows;
  rebuild();
  if (isBrushing()) emitBrush();  // new trials may fall inside the brushes
}

void ParallelCoordinates::setAccuracy(bool accuracy) {
  if (accuracy_ == accuracy) return;
  accuracy_ = accuracy;
  brushes_.remove(QString());  // the objective axis is another one now
  rebuild();
  emitBrush();
}

void ParallelCoordinates::rebuild() {
  const CompletedTrials completed = completedTrials(rows_, accuracy_);
  const QVector<const TrialRow*>& complete = completed.rows;
  const QVector<double>& objectives = completed.objectives;
  axes_ = parameters_;
  axes_.append(SearchAxis::linearOver(objectiveTitle(accuracy_), objectives));
  const SearchAxis& objective_axis = axes_.back();
  const auto [worst_it, best_it] = std::minmax_element(objectives.begin(), objectives.end());
  const double lo = objectives.isEmpty() ? 0.0 : *worst_it;
  const double hi = objectives.isEmpty() ? 1.0 : *best_it;
  lines_.clear();
  lines_.reserve(complete.size());
  for (qsizetype i = 0; i < complete.size(); ++i) {
    Line line{complete[i]->trial_id, {}, 0.5};
    for (qsizetype a = 0; a + 1 < axes_.size(); ++a) {
      line.positions.append(axes_[a].position(complete[i]->params.value(axes_[a].key)));
    }
    line.positions.append(objective_axis.position(objectives[i]));
    if (hi > lo) line.goodness = (objectives[i] - lo) / (hi - lo);
    if (!accuracy_) line.goodness = 1.0 - line.goodness;
    lines_.push_back(std::move(line));
  }
  std::sort(lines_.begin(), lines_.end(),
            [](const Line& a, const Line& b) { return a.goodness < b.goodness; });
  // Brushes on axes that are gone go too.
  for (auto it = brushes_.begin(); it != brushes_.end();) {
    const bool kept = std::any_of(axes_.begin(), axes_.end(),
                                  [&](const SearchAxis& axis) { return axis.key == it.key(); });
    it = kept ? std::next(it) : brushes_.erase(it);
  }
  update();
}

QVector<std::optional<ParallelCoordinates::Range>> ParallelCoordinates::brushRanges() const {
  QVector<std::optional<Range>> ranges(axes_.size());
  for (qsizetype a = 0; a < axes_.size(); ++a) {
    const auto it = brushes_.constFind(axes_[a].key);
    if (it == brushes_.constEnd()) continue;
    Range range = it.value();
    if (range.by_value) {
      const double from = axes_[a].position(range.from), to = axes_[a].position(range.to);
      range = {std::min(from, to), std::max(from, to), false};
    }
    ranges[a] = range;
  }
  return ranges;
}

bool ParallelCoordinates::inside(const Line& line,
                                 const QVector<std::optional<Range>>& ranges) const {
  for (qsizetype a = 0; a < ranges.size(); ++a) {
    if (!ranges[a]) continue;
    const double p = line.positions[a];
    if (!(p >= ranges[a]->from - 1e-9 && p <= ranges[a]->to + 1e-9)) return false;  // NaN: out
  }
  return true;
}

QSet<qint64> ParallelCoordinates::brushedTrials() const {
  const QVector<std::optional<Range>> ranges = brushRanges();
  QSet<qint64> ids;
  for (const Line& line : lines_) {
    if (inside(line, ranges)) ids.insert(line.trial_id);
  }
  return ids;
}

QRect ParallelCoordinates::plotRect() const {
  const int line = fontMetrics().height();
  // Room for the titles above (two lines), the tick labels left of the first axis and the hint.
  return rect().adjusted(100, 2 * line + 16, -70, -line - 12);
}

QPoint ParallelCoordinates::axisPoint(int axis, double position) const {
  const QRect plot = plotRect();
  const qsizetype n = axes_.size();
  const int x =
      n <= 1 ? plot.center().x()
             : plot.left() + static_cast<int>(std::lround(axis * plot.width() / double(n - 1)));
  const int y = static_cast<int>(std::lround(plot.bottom() - position * plot.height()));
  return {x, y};
}

int ParallelCoordinates::axisAt(int x) const {
  for (int a = 0; a < axes_.size(); ++a) {
    if (std::abs(axisPoint(a, 0.0).x() - x) <= kGrab) return a;
  }
  return -1;
}

double ParallelCoordinates::positionAt(int y) const {
  const QRect plot = plotRect();
  return std::clamp((plot.bottom() - y) / double(std::max(1, plot.height())), 0.0, 1.0);
}

void ParallelCoordinates::setBrush(int axis, double from, double to) {
  if (axis < 0 || axis >= axes_.size()) return;
  const SearchAxis& a = axes_[axis];
  Range range{std::min(from, to), std::max(from, to), false};
  if (a.kind != SearchAxis::Kind::kCategorical) {
    range = {a.valueAt(range.from), a.valueAt(range.to), true};
  }
  brushes_.insert(a.key, range);
  update();
  emitBrush();
}

void ParallelCoordinates::clearBrushes() {
  if (brushes_.isEmpty()) return;
  brushes_.clear();
  update();
  emitBrush();
}

void ParallelCoordinates::emitBrush() { Q_EMIT brushChanged(brushedTrials(), isBrushing()); }

void ParallelCoordinates::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
  drag_axis_ = axisAt(event->position().toPoint().x());
  drag_from_ = drag_to_ = positionAt(event->position().toPoint().y());
}

void ParallelCoordinates::mouseMoveEvent(QMouseEvent* event) {
  if (drag_axis_ < 0) return QWidget::mouseMoveEvent(event);
  drag_to_ = positionAt(event->position().toPoint().y());
  update();
}

void ParallelCoordinates::mouseReleaseEvent(QMouseEvent* event) {
  if (drag_axis_ < 0 || event->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(event);
  const int axis = std::exchange(drag_axis_, -1);
  drag_to_ = positionAt(event->position().toPoint().y());
  const double pixels = std::abs(drag_to_ - drag_from_) * plotRect().height();
  if (pixels < kClickPixels) {
    if (brushes_.remove(axes_[axis].key) > 0) emitBrush();
    update();
    return;
  }
  setBrush(axis, drag_from_, drag_to_);
}

void ParallelCoordinates::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QRect plot = plotRect();
  const QFontMetrics metrics = fontMetrics();
  if (lines_.empty()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Parallel coordinates appear when trials have completed"));
    return;
  }
  painter.setRenderHint(QPainter::Antialiasing, lines_.size() <= kAntialiasMax);
  const bool brushing = isBrushing();
  const QVector<std::optional<Range>> ranges = brushRanges();
  std::vector<char> in_brushes(lines_.size(), 1);
  int brushed = 0;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (brushing) in_brushes[i] = inside(lines_[i], ranges);
    brushed += in_brushes[i];
  }
  // Where each axis is drawn, once (not per point of 10,000 lines).
  QVector<double> axis_x;
  for (int a = 0; a < axes_.size(); ++a) axis_x.append(axisPoint(a, 0.0).x());
  auto at = [&](int a, double p) { return QPointF(axis_x[a], plot.bottom() - p * plot.height()); };
  // Lines outside the brushes first, in grey; then the rest, worst first.
  const QColor faded = palette().color(QPalette::Mid).lighter(130);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      const bool in = in_brushes[i] != 0;
      if (in != (pass == 1)) continue;
      painter.setPen(QPen(in ? goodnessColor(line.goodness) : faded, in && brushing ? 1.6 : 1.0));
      QPainterPath path;
      bool open = false;
      for (int a = 0; a < line.positions.size(); ++a) {
        const double p = line.positions[a];
        if (!std::isfinite(p)) {
          open = false;  // a parameter this trial does not have (a condition): a gap
          continue;
        }
        const QPointF point = at(a, p);
        if (open)
          path.lineTo(point);
        else
          path.moveTo(point);
        open = true;
      }
      painter.drawPath(path);
    }
  }
  painter.setRenderHint(QPainter::Antialiasing, true);
  const int spacing = axes_.size() > 1 ? plot.width() / int(axes_.size() - 1) : plot.width();
  for (int a = 0; a < axes_.size(); ++a) {
    const QPoint base = axisPoint(a, 0.0);
    drawVerticalAxis(painter, palette(), axes_[a], base.x(), plot.top(), plot.bottom());
    QString title = axes_[a].title;
    if (axes_[a].kind == SearchAxis::Kind::kLog) title += tr(" (log)");
    const int width = std::max(60, spacing - 8);
    painter.setPen(palette().color(QPalette::WindowText));
    QRect title_rect(base.x() - width / 2, 4, width, 2 * metrics.height() + 4);
    if (title_rect.right() > rect().right() - 2) title_rect.moveRight(rect().right() - 2);
    painter.drawText(title_rect, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, title);
    // The brush (or the one being dragged) as a band over the axis.
    std::optional<Range> band = ranges[a];
    if (a == drag_axis_)
      band = Range{std::min(drag_from_, drag_to_), std::max(drag_from_, drag_to_), false};
    if (band) {
      QColor fill = palette().color(QPalette::Highlight);
      fill.setAlpha(70);
      const QPoint top = axisPoint(a, std::clamp(band->to, 0.0, 1.0));
      const QPoint bottom = axisPoint(a, std::clamp(band->from, 0.0, 1.0));
      painter.fillRect(QRect(QPoint(top.x() - 7, top.y()), QPoint(bottom.x() + 7, bottom.y())),
                       fill);
      painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
      painter.drawRect(QRect(QPoint(top.x() - 7, top.y()), QPoint(bottom.x() + 7, bottom.y())));
    }
  }
  painter.setPen(palette().color(QPalette::WindowText));
  const QString hint =
      brushing ? tr("%1 of %n completed trial(s) inside the brushes; click an axis to clear its "
                    "brush",
                    nullptr, drawnTrials())
                     .arg(brushed)
               : tr("%n completed trial(s), darker is better; drag along an axis to keep a range",
                    nullptr, drawnTrials());
  painter.drawText(QRect(0, height() - metrics.height() - 4, width(), metrics.height()),
                   Qt::AlignCenter, hint);
}

}  // namespace tunebench::ui
