#include "ui/panels/problem_banner.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

#include "ui/bridge/study_controller.h"

namespace tunebench::ui {
namespace {
bool isSqliteFile(const QString& path) {
  // A regular file only: opening a FIFO or a device would wait (or read forever).
  if (!QFileInfo(path).isFile()) return false;
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
  // Whatever the message quotes (a server's URL, a libpq error), no password reaches the screen.
  text_->setText(StudyController::redacted(message));
  open_results_->setVisible(!path.isEmpty() && isSqliteFile(path));
  open_study_->setVisible(!path.isEmpty());
  show();
}

QString ProblemBanner::message() const { return text_->text(); }

bool ProblemBanner::offersResults() const { return !open_results_->isHidden(); }

}  // namespace tunebench::ui
