#include "ui/setup/setup_fields.h"

#include <QtGlobal>

#include "ui/bridge/param_table_view.h"
#include "ui/setup/choice_catalogue.h"

namespace tunebench::ui {
namespace {

const QList<Choice>& modelChoices() { return parameterChoices(QStringLiteral("model")); }
const QList<Choice>& activationChoices() { return parameterChoices(QStringLiteral("activation")); }

using G = SetupField::Group;
using E = SetupField::Editor;

SetupField row(G group, const char* key, const char* label, E editor) {
  SetupField field;
  field.group = group;
  field.key = key;
  field.label = label;
  field.editor = editor;
  return field;
}

SetupField choice(G group, const char* key, const char* label, QString StudyDraft::*value,
                  const QList<Choice>& (*choices)()) {
  SetupField field = row(group, key, label, E::kChoice);
  field.text = value;
  field.choices = choices;
  return field;
}

SetupField whole(G group, const char* key, const char* label, int StudyDraft::*value, int low,
                 int high, const char* tooltip = nullptr, const char* lowest_says = nullptr) {
  SetupField field = row(group, key, label, E::kWhole);
  field.whole = value;
  field.low = low;
  field.high = high;
  field.tooltip = tooltip;
  field.lowest_says = lowest_says;
  return field;
}

SetupField text(G group, const char* key, const char* label, E editor, QString StudyDraft::*value) {
  SetupField field = row(group, key, label, editor);
  field.text = value;
  return field;
}

SetupField shownWhen(SetupField field, const char* key, std::vector<const char*> values) {
  field.shown_when = key;
  field.shown_for = std::move(values);
  return field;
}

std::vector<SetupField> makeFields() {
  std::vector<SetupField> fields;
  // Data
  fields.push_back(choice(G::kData, "dataset.kind",
                          QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Data set"),
                          &StudyDraft::dataset_kind, &datasetChoices));
  const std::vector<const char*> synthetic{"synthetic-2d"};
  fields.push_back(shownWhen(
      choice(G::kData, "dataset.generator", QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Shape"),
             &StudyDraft::generator, &generatorChoices),
      "dataset.kind", synthetic));
  SetupField noise = row(G::kData, "dataset.noise",
                         QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Noise"), E::kNumber);
  noise.number = &StudyDraft::noise;
  noise.high = 1.0;
  noise.step = 0.05;
  fields.push_back(shownWhen(noise, "dataset.kind", synthetic));
  fields.push_back(shownWhen(
      whole(G::kData, "dataset.samples", QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Samples"),
            &StudyDraft::samples, 10, 1000000),
      "dataset.kind", synthetic));
  SetupField folder =
      text(G::kData, "dataset.folder", QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Folder"),
           E::kFolder, &StudyDraft::folder);
  fields.push_back(shownWhen(folder, "dataset.kind", {"mnist-folder", "image-folder"}));
  SetupField csv =
      text(G::kData, "dataset.path", QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "CSV file"),
           E::kFile, &StudyDraft::csv_path);
  csv.file_filter =
      QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "CSV files (*.csv);;All files (*)");
  fields.push_back(shownWhen(csv, "dataset.kind", {"csv"}));
  fields.push_back(shownWhen(text(G::kData, "dataset.label_column",
                                  QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Label column"),
                                  E::kText, &StudyDraft::label_column),
                             "dataset.kind", {"csv"}));
  fields.push_back(whole(G::kData, "dataset.subset",
                         QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Subset"),
                         &StudyDraft::subset, 0, 10000000,
                         QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel",
                                           "Train on the first N samples only (quick looks)"),
                         QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "all")));
  // Model
  fields.push_back(choice(G::kModel, "model.kind",
                          QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Network"),
                          &StudyDraft::model_kind, &modelChoices));
  SetupField path =
      text(G::kModel, "model.path", QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "File"),
           E::kFile, &StudyDraft::model_path);
  path.file_filter = QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel",
                                       "TorchScript modules (*.pt *.pth);;All files (*)");
  path.tooltip =
      QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel",
                        "A module saved from PyTorch with torch.jit.script(net).save(...)");
  path.editor_name = "modelPath";
  path.shows_model_summary = true;
  fields.push_back(shownWhen(path, "model.kind", {"torchscript"}));
  fields.push_back(
      shownWhen(whole(G::kModel, "model.depth",
                      QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Depth"), &StudyDraft::depth,
                      1, 100, QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Hidden layers")),
                "model.kind", {"mlp"}));
  fields.push_back(shownWhen(
      whole(G::kModel, "model.width", QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Width"),
            &StudyDraft::width, 1, 8192,
            QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Units per hidden layer")),
      "model.kind", {"!torchscript"}));
  fields.push_back(choice(G::kModel, "model.activation",
                          QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Activation"),
                          &StudyDraft::activation, &activationChoices));
  // Study
  fields.push_back(whole(G::kStudy, "training.epochs",
                         QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Epochs"),
                         &StudyDraft::epochs, 1, 10000));
  fields.push_back(
      whole(G::kStudy, "seeds", QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Seeds each"),
            &StudyDraft::seeds, 1, 1000,
            QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel",
                              "Each configuration runs under seeds 0..N-1, the same seeds "
                              "for every configuration")));
  fields.push_back(choice(G::kStudy, "sampler.kind",
                          QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Sampler"),
                          &StudyDraft::sampler, &samplerChoices));
  fields.push_back(
      whole(G::kStudy, "budget", QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Configurations"),
            &StudyDraft::budget, 0, 100000,
            QT_TRANSLATE_NOOP(
                "tunebench::ui::SetupPanel",
                "Configurations in all; auto: every listed one, the whole grid, or 20 searched "
                "(see the plan above)"),
            QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "auto")));
  fields.push_back(shownWhen(
      whole(G::kStudy, "sampler.grid_points",
            QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Grid points"), &StudyDraft::grid_points,
            1, 100,
            QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel",
                              "Points per numeric range in the grid (log-spaced on a log scale)")),
      "sampler.kind", {"grid"}));
  fields.push_back(choice(G::kStudy, "pruner.kind",
                          QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Pruner"),
                          &StudyDraft::pruner, &prunerChoices));
  fields.push_back(whole(G::kStudy, "jobs",
                         QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Parallel trials"),
                         &StudyDraft::jobs, 1, 256,
                         QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel",
                                           "Trials at once; the CPU cores are shared among them "
                                           "(%1 here)")));
  SetupField fuse;
  fuse.group = G::kStudy;
  fuse.key = "training.fuse";
  fuse.label = QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Train same-shape trials together");
  fuse.editor = E::kCheck;
  fuse.flag = &StudyDraft::fuse;
  fuse.tooltip = QT_TRANSLATE_NOOP(
      "tunebench::ui::SetupPanel",
      "Trials of one network shape and batch size train as one batched model on the CPU, each "
      "with its own initializer, optimizer, seed and fate: the same results, sooner");
  fields.push_back(fuse);
  fields.push_back(text(G::kStudy, "device",
                        QT_TRANSLATE_NOOP("tunebench::ui::SetupPanel", "Device"), E::kChoice,
                        &StudyDraft::device));
  return fields;
}

}  // namespace

const std::vector<SetupField>& setupFields() {
  static const std::vector<SetupField> fields = makeFields();
  return fields;
}

}  // namespace tunebench::ui
