#include "ui/panels/effects_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "ui/charts/interaction_chart.h"
#include "ui/charts/level_distribution_chart.h"
#include "ui/panels/effects_text.h"

namespace tunebench::ui {
namespace {

constexpr int kDistribution = -1;  // a plot choice's data: QPoint(factor, interaction or this)

}  // namespace

EffectsView::EffectsView(QWidget* parent)
    : QWidget(parent),
      text_(new QTextBrowser(this)),
      more_seeds_(new QPushButton(this)),
      plot_choice_(new QComboBox(this)),
      plots_(new QStackedWidget(this)),
      chart_(new InteractionChart(this)),
      distribution_(new LevelDistributionChart(this)) {
  text_->setObjectName(QStringLiteral("effectsText"));
  more_seeds_->setObjectName(QStringLiteral("moreSeedsButton"));
  plot_choice_->setObjectName(QStringLiteral("interactionChoice"));
  plot_choice_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  chart_->setObjectName(QStringLiteral("interactionChart"));
  distribution_->setObjectName(QStringLiteral("distributionChart"));
  plots_->addWidget(chart_);
  plots_->addWidget(distribution_);
  auto* answer = new QWidget(this);
  auto* answer_layout = new QVBoxLayout(answer);
  answer_layout->setContentsMargins(0, 0, 0, 0);
  answer_layout->addWidget(text_, 1);
  auto* buttons = new QHBoxLayout();
  buttons->addWidget(more_seeds_);
  buttons->addStretch(1);
  answer_layout->addLayout(buttons);
  auto* bar = new QHBoxLayout();
  bar->addWidget(new QLabel(tr("Plot:"), this));
  bar->addWidget(plot_choice_);
  bar->addStretch(1);
  auto* plot = new QWidget(this);
  auto* plot_layout = new QVBoxLayout(plot);
  plot_layout->setContentsMargins(0, 0, 0, 0);
  plot_layout->addLayout(bar);
  plot_layout->addWidget(plots_, 1);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(answer);
  split->addWidget(plot);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  split->setSizes({1000, 1000});  // half each, whatever the tables ask for
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);
  connect(plot_choice_, &QComboBox::currentIndexChanged, this, &EffectsView::showPlot);
  // A plot the person picked stays picked; until then it follows the headline's parameter.
  connect(plot_choice_, &QComboBox::activated, this,
          [this] { picked_ = plot_choice_->currentText(); });
  connect(more_seeds_, &QPushButton::clicked, this, [this] {
    if (effects_.more_seeds > 0) Q_EMIT moreSeedsRequested(effects_.more_seeds);
  });
  setEffects({});
}

void EffectsView::setEffects(const EffectsRow& effects) {
  effects_ = effects;
  text_->setHtml(effectsHtml(effects));
  const QString chosen = picked_;
  const QSignalBlocker blocker(plot_choice_);
  plot_choice_->clear();
  for (int f = 0; f < effects.factors.size(); ++f) {
    const FactorRow& factor = effects.factors[f];
    plot_choice_->addItem(tr("%1: results per level").arg(factor.title), QPoint(f, kDistribution));
    for (int i = 0; i < factor.interactions.size(); ++i)
      plot_choice_->addItem(tr("%1 by %2").arg(factor.title, factor.interactions[i].other),
                            QPoint(f, i));
  }
  // A plot the person picked stays; else the headline's interaction, else the first
  // parameter's levels.
  int index = chosen.isEmpty() ? -1 : plot_choice_->findText(chosen);
  if (index < 0 && effects.headline_factor >= 0) {
    for (int k = 0; k < plot_choice_->count(); ++k) {
      const QPoint at = plot_choice_->itemData(k).toPoint();
      if (at.x() == effects.headline_factor && at.y() != kDistribution) {
        index = k;
        break;
      }
    }
  }
  plot_choice_->setCurrentIndex(std::max(0, index));
  showPlot();
  showMoreSeeds();
}

void EffectsView::setResumable(bool resumable) {
  resumable_ = resumable;
  showMoreSeeds();
}

void EffectsView::showMoreSeeds() {
  more_seeds_->setVisible(effects_.more_seeds > 0);
  more_seeds_->setEnabled(resumable_);
  more_seeds_->setText(tr("Resume with %1 seeds per configuration").arg(effects_.more_seeds));
  more_seeds_->setToolTip(
      resumable_ ? tr("About %1 seeds would detect %2 at 80% power: the new seeds run for every "
                      "configuration, the finished trials stay.")
                       .arg(effects_.more_seeds)
                       .arg(effects_.more_seeds_for)
                 : tr("Available when the study's results are stored and nothing is running."));
}

void EffectsView::showPlot() {
  if (plot_choice_->count() == 0) {
    plots_->setCurrentWidget(chart_);
    chart_->setInteraction(QString(), InteractionRow(), effects_.accuracy);
    return;
  }
  const QPoint at = plot_choice_->currentData().toPoint();
  const FactorRow& factor = effects_.factors[at.x()];
  if (at.y() == kDistribution) {
    distribution_->setFactor(factor, effects_.accuracy);
    plots_->setCurrentWidget(distribution_);
  } else {
    chart_->setInteraction(factor.title, factor.interactions[at.y()], effects_.accuracy);
    plots_->setCurrentWidget(chart_);
  }
}

QString EffectsView::text() const { return text_->toPlainText(); }

}  // namespace tunebench::ui
