// Switching the interface to Simplified Chinese: every text the main window shows is translated.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolBar>

#include "ui/charts/curve_chart.h"
#include "ui/i18n.h"
#include "ui/main_window.h"

namespace tunebench::ui {
namespace {

const QString kPresets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets");

// Names that stay as they are in any language: methods, formats, products, and the study's own
// data (its name, its parameter names, the device).
const QSet<QString>& keptWords() {
  static const QSet<QString> words{
      QStringLiteral("SGD"),        QStringLiteral("Adam"),    QStringLiteral("AdamW"),
      QStringLiteral("RMSprop"),    QStringLiteral("Adagrad"), QStringLiteral("Nesterov"),
      QStringLiteral("ReLU"),       QStringLiteral("Leaky"),   QStringLiteral("GELU"),
      QStringLiteral("tanh"),       QStringLiteral("sigmoid"), QStringLiteral("MLP"),
      QStringLiteral("CNN"),        QStringLiteral("TPE"),     QStringLiteral("ASHA"),
      QStringLiteral("CSV"),        QStringLiteral("Fashion"), QStringLiteral("MNIST"),
      QStringLiteral("LibTorch"),   QStringLiteral("Xavier"),  QStringLiteral("Glorot"),
      QStringLiteral("He"),         QStringLiteral("Kaiming"), QStringLiteral("LeCun"),
      QStringLiteral("TuneBench"),  QStringLiteral("English"), QStringLiteral("U"),
      QStringLiteral("N"),          QStringLiteral("a"),       QStringLiteral("p"),
      QStringLiteral("CI"),         QStringLiteral("Ctrl"),    QStringLiteral("cpu"),
      QStringLiteral("playground"), QStringLiteral("spiral"),  QStringLiteral("activation")};
  return words;
}

bool hasChinese(const QString& text) {
  for (const QChar c : text) {
    if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) return true;
  }
  return false;
}

// The words of `text` that are neither Chinese nor kept as they are.
QStringList untranslatedWords(QString text) {
  text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));  // rich-text tags
  if (text.isEmpty() || hasChinese(text)) return {};
  QStringList left;
  for (const QString& word :
       text.split(QRegularExpression(QStringLiteral("[^A-Za-z]+")), Qt::SkipEmptyParts)) {
    if (!keptWords().contains(word)) left << word;
  }
  return left;
}

QStringList shownTexts(MainWindow& window) {
  QStringList texts;
  for (QWidget* widget : window.findChildren<QWidget*>()) {
    if (!widget->isVisibleTo(&window) || widget == window.explanation())
      continue;  // the preset's own prose
    if (auto* label = qobject_cast<QLabel*>(widget)) texts << label->text();
    if (auto* button = qobject_cast<QAbstractButton*>(widget)) texts << button->text();
    if (auto* group = qobject_cast<QGroupBox*>(widget)) texts << group->title();
    if (auto* dock = qobject_cast<QDockWidget*>(widget)) texts << dock->windowTitle();
    if (auto* combo = qobject_cast<QComboBox*>(widget)) {
      for (int i = 0; i < combo->count(); ++i) texts << combo->itemText(i);
    }
    if (auto* list = qobject_cast<QListWidget*>(widget)) {
      for (int i = 0; i < list->count(); ++i) texts << list->item(i)->text();
    }
    if (auto* tabs = qobject_cast<QTabWidget*>(widget)) {
      for (int i = 0; i < tabs->count(); ++i) texts << tabs->tabText(i);
    }
    if (auto* header = qobject_cast<QHeaderView*>(widget); header && header->model()) {
      for (int i = 0; i < header->count(); ++i)
        texts << header->model()->headerData(i, header->orientation()).toString();
    }
  }
  for (QAction* menu : window.menuBar()->actions()) {
    texts << menu->text();
    if (menu->menu() == nullptr || menu->text().contains(QStringLiteral("P")))
      continue;  // presets: file names
    for (QAction* item : menu->menu()->actions()) texts << item->text();
  }
  for (QToolBar* bar : window.findChildren<QToolBar*>()) {
    for (QAction* action : bar->actions()) texts << action->text();
  }
  texts << window.chart()->chart()->title();
  return texts;
}

TEST(TranslationTest, SwitchingToChineseTranslatesEveryVisibleText) {
  ASSERT_EQ(installLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
  {
    MainWindow window(kPresets);
    window.resize(1200, 800);
    window.show();
    ASSERT_TRUE(window.openStudy(kPresets + QStringLiteral("/playground-spiral.json")));
    const QStringList texts = shownTexts(window);
    ASSERT_GT(texts.size(), 100);
    QStringList untranslated;
    for (const QString& text : texts) {
      if (!untranslatedWords(text).isEmpty()) untranslated << text;
    }
    EXPECT_TRUE(untranslated.isEmpty()) << untranslated.join(QStringLiteral(" | ")).toStdString();
    EXPECT_EQ(window.menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
    EXPECT_EQ(window.runAction()->text(), QStringLiteral("运行"));
    // The preset's own explanation comes in Chinese too (its "translations" section).
    EXPECT_TRUE(hasChinese(window.explanation()->toPlainText()))
        << window.explanation()->toPlainText().toStdString();
  }
  // Back to English: the source texts again.
  EXPECT_EQ(installLanguage(QStringLiteral("en")), QStringLiteral("en"));
  MainWindow english(kPresets);
  EXPECT_EQ(english.menuBar()->actions().first()->text(), QStringLiteral("&File"));
  EXPECT_EQ(english.runAction()->text(), QStringLiteral("Run"));
  ASSERT_TRUE(english.openStudy(kPresets + QStringLiteral("/playground-spiral.json")));
  EXPECT_TRUE(
      english.explanation()->toPlainText().contains(QStringLiteral("Two interleaved spirals")));
}

}  // namespace
}  // namespace tunebench::ui
