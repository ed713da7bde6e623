#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "ui/bridge/field_problem.h"
#include "ui/bridge/param_table_view.h"

namespace tunebench::ui {

// A number the user gives either as one fixed value or as a range [low, high], optionally on a
// log scale (a learning rate, a momentum).
struct NumberChoice {
  double low = 0.0;
  double high = 0.0;
  bool is_range = false;
  bool log = false;
};

// What the setup panel edits: the parts of a study file a person picks with the mouse. Converted
// to and from the study file's JSON (docs/STUDY_FORMAT.md); keys the panel does not edit
// (description, defaults, listed configurations, other searched parameters...) are carried over
// from the file unchanged, so Open then Save loses nothing.
struct StudyDraft {
  QJsonObject original;  // the file as loaded

  QString name = QStringLiteral("study");
  // Data
  QString dataset_kind =
      QStringLiteral("fashion-mnist");  // fashion-mnist, synthetic-2d, mnist-folder, csv
  QString generator = QStringLiteral("spiral");
  double noise = 0.1;
  int samples = 500;
  QString folder;
  QString csv_path;
  QString label_column;
  int subset = 0;
  // Model
  QString model_kind = QStringLiteral("mlp");  // mlp, cnn, torchscript
  QString model_path;                          // torchscript: the .pt file
  int depth = 2;
  int width = 256;
  QString activation = QStringLiteral("relu");
  // The listed configurations (each a parameter -> value object), run before any search
  QJsonArray configurations;
  // Search space
  QStringList initializers;
  QStringList optimizers;
  NumberChoice lr{0.001, 0.1, false, true};
  QMap<QString, NumberChoice> hyperparameters;  // by name; see optimizerHyperparameters()
  QList<int> batch_sizes{128};
  // Study
  int epochs = 2;
  int seeds = 1;
  QString sampler = QStringLiteral("random");
  int budget = 0;
  int grid_points = 3;
  QString pruner = QStringLiteral("none");
  int jobs = 1;
  bool fuse = true;  // training.fuse: same-shape trials as one model
  QString device = QStringLiteral("auto");

  int listedConfigurations() const { return static_cast<int>(configurations.size()); }
  // Searched parameters of the file that the panel does not edit (e.g. "width").
  QStringList otherSearchedParameters() const;
  // True when the panel's search section is written: something is chosen, or nothing is listed.
  bool usesSearch() const;
};

// The values of `key` ("initializer") that the listed `configurations` use.
QStringList valuesUsed(const QJsonArray& configurations, const QString& key);

StudyDraft draftFromJson(const QJsonObject& study);
QJsonObject draftToJson(const StudyDraft& draft);

// Problems the engine cannot see from the JSON alone: an empty choice, a data file or folder that
// does not exist (relative paths taken from `base_folder`).
FieldProblems draftProblems(const StudyDraft& draft, const QString& base_folder);

}  // namespace tunebench::ui
