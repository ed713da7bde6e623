// An image-folder study through the window: opened, shown in the setup panel as an image folder,
// run, and its trials complete on pictures the test wrote.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>

#include "support/image_folder_writer.h"
#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/main_window.h"
#include "ui/panels/trial_table_model.h"
#include "ui/setup/setup_panel.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

TEST(ImageFolderWindowTest, AnImageFolderStudyRunsFromTheWindow) {
  tunebench::testing::TempDir dir;
  tunebench::testing::writeFashionImageFolder(dir.path() / "pictures", {1, 8}, 40);
  const std::string study = dir.write("pictures.json", R"({"name": "pictures",
    "dataset": {"kind": "image-folder", "folder": "pictures", "size": [28, 28], "channels": 1},
    "model": {"kind": "mlp", "depth": 1, "width": 32},
    "training": {"epochs": 2, "batch_size": 16},
    "seeds": 2,
    "configurations": [{"initializer": "kaiming_normal", "optimizer": "adam", "lr": 0.003}]})");
  MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  window.resize(1200, 800);
  window.show();
  ASSERT_TRUE(window.openStudy(QString::fromStdString(study)));
  SetupPanel* setup = window.findChild<SetupPanel*>();
  auto* kind = qobject_cast<QComboBox*>(setup->fieldWidget(QStringLiteral("dataset.kind")));
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(kind->currentData().toString(), QStringLiteral("image-folder"));
  EXPECT_TRUE(setup->fieldWidget(QStringLiteral("dataset.folder"))->isVisible());
  ASSERT_TRUE(window.runAction()->isEnabled()) << window.runAction()->toolTip().toStdString();
  ASSERT_TRUE(testing::clickRunAndWaitUntilFinished(window, 120000));
  EXPECT_EQ(testing::rowsInState(*window.trials(), QStringLiteral("COMPLETE")), 2);
}

}  // namespace
}  // namespace tunebench::ui
