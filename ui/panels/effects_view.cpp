#include "ui/panels/effects_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "ui/charts/interaction_chart.h"
#include "ui/panels/effects_text.h"

namespace tunebench::ui {

EffectsView::EffectsView(QWidget* parent)
    : QWidget(parent),
      text_(new QTextBrowser(this)),
      plot_choice_(new QComboBox(this)),
      chart_(new InteractionChart(this)) {
  text_->setObjectName(QStringLiteral("effectsText"));
  plot_choice_->setObjectName(QStringLiteral("interactionChoice"));
  chart_->setObjectName(QStringLiteral("interactionChart"));
  auto* bar = new QHBoxLayout();
  bar->addWidget(new QLabel(tr("Interaction plot:"), this));
  bar->addWidget(plot_choice_);
  bar->addStretch(1);
  auto* plot = new QWidget(this);
  auto* plot_layout = new QVBoxLayout(plot);
  plot_layout->setContentsMargins(0, 0, 0, 0);
  plot_layout->addLayout(bar);
  plot_layout->addWidget(chart_, 1);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(text_);
  split->addWidget(plot);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);
  connect(plot_choice_, &QComboBox::currentIndexChanged, this, &EffectsView::showInteraction);
  // A plot the person picked stays picked; until then it follows the headline's parameter.
  connect(plot_choice_, &QComboBox::activated, this,
          [this] { picked_ = plot_choice_->currentText(); });
  setEffects({});
}

void EffectsView::setEffects(const EffectsRow& effects) {
  effects_ = effects;
  text_->setHtml(effectsHtml(effects));
  const QString chosen = picked_;
  const QSignalBlocker blocker(plot_choice_);
  plot_choice_->clear();
  for (int f = 0; f < effects.factors.size(); ++f) {
    for (int i = 0; i < effects.factors[f].interactions.size(); ++i)
      plot_choice_->addItem(
          tr("%1 by %2").arg(effects.factors[f].title, effects.factors[f].interactions[i].other),
          QPoint(f, i));
  }
  // The headline's parameter first; a plot the person picked stays.
  int index = chosen.isEmpty() ? -1 : plot_choice_->findText(chosen);
  if (index < 0 && effects.headline_factor >= 0) {
    for (int k = 0; k < plot_choice_->count(); ++k) {
      if (plot_choice_->itemData(k).toPoint().x() == effects.headline_factor) {
        index = k;
        break;
      }
    }
  }
  plot_choice_->setCurrentIndex(std::max(0, index));
  showInteraction();
}

void EffectsView::showInteraction() {
  const QPoint at = plot_choice_->currentData().toPoint();
  if (plot_choice_->count() == 0) {
    chart_->setInteraction(QString(), InteractionRow(), effects_.accuracy);
    return;
  }
  const FactorRow& factor = effects_.factors[at.x()];
  chart_->setInteraction(factor.title, factor.interactions[at.y()], effects_.accuracy);
}

QString EffectsView::text() const { return text_->toPlainText(); }

}  // namespace tunebench::ui
