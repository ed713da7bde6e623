// The window's "Find learning rate": the range test on the configuration being edited.
#include <QAction>
#include <QJsonArray>
#include <QJsonObject>
#include <QTableWidget>

#include "ui/bridge/lr_find_job.h"
#include "ui/main_window.h"
#include "ui/setup/configurations_editor.h"
#include "ui/setup/setup_panel.h"
#include "ui/teaching/lr_find_dialog.h"

namespace tunebench::ui {

LrFindDialog* MainWindow::findLearningRate() {
  const QTableWidget* listed = setup_->configurationsEditor()->table();
  const int configuration = std::max(0, listed->currentRow());
  auto* dialog = new LrFindDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(lr_find_, &LrFindJob::found, dialog, &LrFindDialog::showCurve);
  connect(lr_find_, &LrFindJob::failed, dialog, &LrFindDialog::showFailure);
  connect(dialog, &LrFindDialog::rangeChosen, this, [this](double low, double high) {
    StudyDraft draft = setup_->draft();
    draft.lr = NumberChoice{low, high, true, true};
    // The listed configurations leave the rate to the search, so every one meets the range
    // (the plan above the setup shows the change).
    QJsonArray listed;
    for (const QJsonValue& configuration : draft.configurations) {
      QJsonObject object = configuration.toObject();
      object.remove(QStringLiteral("lr"));
      listed.append(object);
    }
    draft.configurations = listed;
    setup_->setDraft(draft);
    onSetupEdited();
  });
  const QString origin = study_path_.isEmpty() ? QStringLiteral("study") : study_path_;
  if (!lr_find_->start(studyText(), origin, base_folder_, configuration))
    dialog->showFailure(tr("a range test is still running"));
  find_lr_action_->setEnabled(false);
  dialog->show();
  return dialog;
}

}  // namespace tunebench::ui
