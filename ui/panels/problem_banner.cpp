#include "ui/panels/problem_banner.h"

#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace tunebench::ui {
namespace {
bool isSqliteFile(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3\0", 16);
}
}  // namespace

ProblemBanner::ProblemBanner(QWidget* parent)
    : QFrame(parent),
      text_(new QLabel(this)),
      open_results_(new QPushButton(tr("Open as results"), this)),
      open_study_(new QPushButton(tr("Open Study..."), this)) {
  setObjectName(QStringLiteral("problemBanner"));
  setFrameShape(QFrame::StyledPanel);
  setAutoFillBackground(true);
  QPalette tinted = palette();
  tinted.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xea));
  tinted.setColor(QPalette::WindowText, QColor(0x5f, 0x1d, 0x16));
  setPalette(tinted);
  auto* icon = new QLabel(this);
  icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
  text_->setObjectName(QStringLiteral("problemText"));
  text_->setWordWrap(true);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  open_results_->setObjectName(QStringLiteral("problemOpenResults"));
  open_study_->setObjectName(QStringLiteral("problemOpenStudy"));
  auto* dismiss = new QPushButton(tr("Dismiss"), this);
  dismiss->setObjectName(QStringLiteral("problemDismiss"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(icon, 0, Qt::AlignTop);
  layout->addWidget(text_, 1);
  layout->addWidget(open_results_);
  layout->addWidget(open_study_);
  layout->addWidget(dismiss);
  connect(open_results_, &QPushButton::clicked, this, [this] {
    hide();
    Q_EMIT openResultsRequested(path_);
  });
  connect(open_study_, &QPushButton::clicked, this, [this] {
    hide();
    Q_EMIT openStudyRequested();
  });
  connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
  hide();
}

void ProblemBanner::showProblem(const QString& path, const QString& message) {
  path_ = path;
  text_->setText(message);
  open_results_->setVisible(!path.isEmpty() && isSqliteFile(path));
  open_study_->setVisible(!path.isEmpty());
  show();
}

QString ProblemBanner::message() const { return text_->text(); }

bool ProblemBanner::offersResults() const { return !open_results_->isHidden(); }

}  // namespace tunebench::ui
