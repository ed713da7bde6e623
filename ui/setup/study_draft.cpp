#include "ui/setup/study_draft.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include "ui/bridge/fuse_setting.h"

namespace tunebench::ui {
namespace {

const QStringList& managedSearchKeys() {
  static const QStringList keys = [] {
    QStringList names{QStringLiteral("initializer"), QStringLiteral("optimizer"),
                      QStringLiteral("lr"), QStringLiteral("batch_size")};
    for (const OptimizerHyperparameter& h : optimizerHyperparameters()) names << h.name;
    return names;
  }();
  return keys;
}

QStringList stringChoices(const QJsonObject& distribution) {
  QStringList values;
  for (const QJsonValue& value : distribution.value(QStringLiteral("choices")).toArray())
    values << value.toString();
  return values;
}

// A searched number: a float range, or a categorical with one value (a fixed value).
NumberChoice readNumberChoice(const QJsonObject& distribution, NumberChoice fallback) {
  const QString type = distribution.value(QStringLiteral("type")).toString();
  if (type == QLatin1String("float")) {
    return {distribution.value(QStringLiteral("low")).toDouble(),
            distribution.value(QStringLiteral("high")).toDouble(), true,
            distribution.value(QStringLiteral("log")).toBool()};
  }
  const QJsonArray choices = distribution.value(QStringLiteral("choices")).toArray();
  if (type == QLatin1String("categorical") && !choices.isEmpty()) {
    fallback.low = fallback.high = choices.first().toDouble();
    fallback.is_range = false;
  }
  return fallback;
}

QJsonObject numberChoiceJson(const NumberChoice& choice) {
  if (!choice.is_range) {
    return {{QStringLiteral("type"), QStringLiteral("categorical")},
            {QStringLiteral("choices"), QJsonArray{choice.low}}};
  }
  QJsonObject range{{QStringLiteral("type"), QStringLiteral("float")},
                    {QStringLiteral("low"), choice.low},
                    {QStringLiteral("high"), choice.high}};
  if (choice.log) range.insert(QStringLiteral("log"), true);
  return range;
}

QJsonObject categorical(const QJsonArray& choices) {
  return {{QStringLiteral("type"), QStringLiteral("categorical")},
          {QStringLiteral("choices"), choices}};
}

void setOrRemove(QJsonObject& object, const QString& key, const QJsonValue& value, bool keep) {
  if (keep) {
    object.insert(key, value);
  } else {
    object.remove(key);
  }
}

QJsonObject datasetJson(const StudyDraft& draft) {
  QJsonObject dataset = draft.original.value(QStringLiteral("dataset")).toObject();
  const QString& kind = draft.dataset_kind;
  dataset.insert(QStringLiteral("kind"), kind);
  const bool synthetic = kind == QLatin1String("synthetic-2d");
  const bool idx = kind == QLatin1String("fashion-mnist") || kind == QLatin1String("mnist-folder");
  setOrRemove(dataset, QStringLiteral("generator"), draft.generator, synthetic);
  setOrRemove(dataset, QStringLiteral("noise"), draft.noise, synthetic);
  setOrRemove(dataset, QStringLiteral("samples"), draft.samples, synthetic);
  if (!synthetic) dataset.remove(QStringLiteral("seed"));
  const bool images = kind == QLatin1String("image-folder");
  setOrRemove(dataset, QStringLiteral("folder"), draft.folder,
              (idx || images) && !draft.folder.isEmpty());
  if (!images) {  // what only an image folder has
    for (const char* key : {"size", "channels", "skip_bad_images", "validation_folder"})
      dataset.remove(QLatin1String(key));
  }
  setOrRemove(dataset, QStringLiteral("path"), draft.csv_path, kind == QLatin1String("csv"));
  setOrRemove(dataset, QStringLiteral("label_column"), draft.label_column,
              kind == QLatin1String("csv"));
  setOrRemove(dataset, QStringLiteral("subset"), draft.subset, draft.subset > 0);
  // "test" means the IDX t10k files; other kinds hold out a fraction of the training data.
  if (!idx && dataset.value(QStringLiteral("validation")).isString())
    dataset.remove(QStringLiteral("validation"));
  return dataset;
}

QJsonObject searchJson(const StudyDraft& draft) {
  QJsonObject search = draft.original.value(QStringLiteral("search")).toObject();
  for (const QString& key : managedSearchKeys()) search.remove(key);
  if (draft.usesSearch()) {
    if (!draft.initializers.isEmpty()) {
      search.insert(QStringLiteral("initializer"),
                    categorical(QJsonArray::fromStringList(draft.initializers)));
    }
    if (!draft.optimizers.isEmpty()) {
      search.insert(QStringLiteral("optimizer"),
                    categorical(QJsonArray::fromStringList(draft.optimizers)));
    }
    // A fixed rate the file's defaults already give needs no search entry (Open then Save keeps
    // it).
    const QJsonValue default_lr =
        draft.original.value(QStringLiteral("defaults")).toObject().value(QStringLiteral("lr"));
    if (draft.lr.is_range || !default_lr.isDouble() || default_lr.toDouble() != draft.lr.low) {
      search.insert(QStringLiteral("lr"), numberChoiceJson(draft.lr));
    }
    for (const OptimizerHyperparameter& h : optimizerHyperparameters()) {
      const NumberChoice choice =
          draft.hyperparameters.value(h.name, {h.default_value, h.default_value});
      // Written for the ticked optimizers that read it, unless it is their own default: a study
      // opened and saved again stays as it was, and each optimizer gets the value shown.
      QStringList takers;
      for (const QString& optimizer : draft.optimizers) {
        if (h.optimizers.contains(optimizer) &&
            (choice.is_range || choice.low != h.defaultFor(optimizer)))
          takers << optimizer;
      }
      if (takers.isEmpty()) continue;
      QJsonObject distribution = numberChoiceJson(choice);
      distribution.insert(
          QStringLiteral("condition"),
          QJsonObject{{QStringLiteral("optimizer"), QJsonArray::fromStringList(takers)}});
      search.insert(h.name, distribution);
    }
  }
  // With listed configurations a range is searched too: each listed configuration that leaves
  // the learning rate unset meets every searched rate (config/study_plan.h).
  if (!draft.usesSearch() && draft.lr.is_range)
    search.insert(QStringLiteral("lr"), numberChoiceJson(draft.lr));
  if (draft.batch_sizes.size() > 1) {
    QJsonArray sizes;
    for (int size : draft.batch_sizes) sizes.append(size);
    search.insert(QStringLiteral("batch_size"), categorical(sizes));
  }
  return search;
}

}  // namespace

QStringList valuesUsed(const QJsonArray& configurations, const QString& key) {
  QStringList values;
  for (const QJsonValue& configuration : configurations) {
    const QString value = configuration.toObject().value(key).toString();
    if (!value.isEmpty() && !values.contains(value)) values << value;
  }
  return values;
}

QStringList StudyDraft::otherSearchedParameters() const {
  QStringList names = original.value(QStringLiteral("search")).toObject().keys();
  names.removeIf([](const QString& name) { return managedSearchKeys().contains(name); });
  return names;
}

bool StudyDraft::usesSearch() const {
  return !initializers.isEmpty() || !optimizers.isEmpty() || listedConfigurations() == 0;
}

StudyDraft draftFromJson(const QJsonObject& study) {
  StudyDraft draft;
  draft.original = study;
  draft.name = study.value(QStringLiteral("name")).toString(draft.name);
  const QJsonObject dataset = study.value(QStringLiteral("dataset")).toObject();
  draft.dataset_kind = dataset.value(QStringLiteral("kind")).toString(draft.dataset_kind);
  draft.generator = dataset.value(QStringLiteral("generator")).toString(draft.generator);
  draft.noise = dataset.value(QStringLiteral("noise")).toDouble(draft.noise);
  draft.samples = dataset.value(QStringLiteral("samples")).toInt(draft.samples);
  draft.folder = dataset.value(QStringLiteral("folder")).toString();
  draft.csv_path = dataset.value(QStringLiteral("path")).toString();
  draft.label_column = dataset.value(QStringLiteral("label_column")).toString();
  draft.subset = dataset.value(QStringLiteral("subset")).toInt(0);

  const QJsonObject model = study.value(QStringLiteral("model")).toObject();
  draft.model_kind = model.value(QStringLiteral("kind")).toString(draft.model_kind);
  draft.model_path = model.value(QStringLiteral("path")).toString();
  draft.depth = model.value(QStringLiteral("depth")).toInt(draft.depth);
  draft.width = model.value(QStringLiteral("width")).toInt(draft.width);
  draft.activation = model.value(QStringLiteral("activation")).toString(draft.activation);

  const QJsonObject training = study.value(QStringLiteral("training")).toObject();
  draft.epochs = training.value(QStringLiteral("epochs")).toInt(draft.epochs);
  draft.batch_sizes = {training.value(QStringLiteral("batch_size")).toInt(128)};
  draft.fuse = fusesTogether(training.value(QStringLiteral("fuse")).toString());

  draft.configurations = study.value(QStringLiteral("configurations")).toArray();
  const QJsonObject search = study.value(QStringLiteral("search")).toObject();
  draft.initializers = stringChoices(search.value(QStringLiteral("initializer")).toObject());
  draft.optimizers = stringChoices(search.value(QStringLiteral("optimizer")).toObject());
  const QJsonValue default_lr =
      study.value(QStringLiteral("defaults")).toObject().value(QStringLiteral("lr"));
  if (default_lr.isDouble())
    draft.lr = {default_lr.toDouble(), default_lr.toDouble(), false, draft.lr.log};
  draft.lr = readNumberChoice(search.value(QStringLiteral("lr")).toObject(), draft.lr);
  for (const OptimizerHyperparameter& h : optimizerHyperparameters()) {
    draft.hyperparameters.insert(
        h.name, readNumberChoice(search.value(h.name).toObject(),
                                 {h.default_value, h.default_value, false, false}));
  }
  const QJsonArray sizes = search.value(QStringLiteral("batch_size"))
                               .toObject()
                               .value(QStringLiteral("choices"))
                               .toArray();
  if (!sizes.isEmpty()) {
    draft.batch_sizes.clear();
    for (const QJsonValue& size : sizes) draft.batch_sizes << size.toInt();
  }

  const QJsonValue seeds = study.value(QStringLiteral("seeds"));
  draft.seeds =
      seeds.isArray() ? static_cast<int>(seeds.toArray().size()) : seeds.toInt(draft.seeds);
  const QJsonObject sampler = study.value(QStringLiteral("sampler")).toObject();
  draft.sampler = sampler.value(QStringLiteral("kind")).toString(draft.sampler);
  draft.grid_points = sampler.value(QStringLiteral("grid_points")).toInt(draft.grid_points);
  draft.budget = study.value(QStringLiteral("budget")).toInt(0);
  draft.pruner = study.value(QStringLiteral("pruner"))
                     .toObject()
                     .value(QStringLiteral("kind"))
                     .toString(draft.pruner);
  draft.jobs = study.value(QStringLiteral("jobs")).toInt(draft.jobs);
  draft.device = study.value(QStringLiteral("device")).toString(draft.device);
  return draft;
}

QJsonObject draftToJson(const StudyDraft& draft) {
  QJsonObject study = draft.original;
  study.insert(QStringLiteral("name"), draft.name);
  study.insert(QStringLiteral("dataset"), datasetJson(draft));

  QJsonObject model = study.value(QStringLiteral("model")).toObject();
  model.insert(QStringLiteral("kind"), draft.model_kind);
  if (draft.model_kind == QLatin1String("torchscript")) {  // its layers are the module's own
    model.insert(QStringLiteral("path"), draft.model_path);
    model.remove(QStringLiteral("depth"));
    model.remove(QStringLiteral("width"));
  } else {
    model.remove(QStringLiteral("path"));
    model.insert(QStringLiteral("depth"), draft.depth);
    model.insert(QStringLiteral("width"), draft.width);
  }
  model.insert(QStringLiteral("activation"), draft.activation);
  study.insert(QStringLiteral("model"), model);

  QJsonObject training = study.value(QStringLiteral("training")).toObject();
  training.insert(QStringLiteral("epochs"), draft.epochs);
  setOrRemove(training, QStringLiteral("batch_size"), draft.batch_sizes.value(0),
              draft.batch_sizes.size() == 1);
  // Written when the file says it or it differs from the default (a file stays as it was).
  if (training.contains(QStringLiteral("fuse")) || draft.fuse != fusesTogether(QString()))
    training.insert(QStringLiteral("fuse"), fuseSettingValue(draft.fuse));
  study.insert(QStringLiteral("training"), training);

  setOrRemove(study, QStringLiteral("configurations"), draft.configurations,
              !draft.configurations.isEmpty());
  const QJsonObject search = searchJson(draft);
  setOrRemove(study, QStringLiteral("search"), search, !search.isEmpty());

  QJsonObject sampler = study.value(QStringLiteral("sampler")).toObject();
  sampler.insert(QStringLiteral("kind"), draft.sampler);
  setOrRemove(sampler, QStringLiteral("grid_points"), draft.grid_points,
              draft.sampler == QLatin1String("grid"));
  study.insert(QStringLiteral("sampler"), sampler);
  QJsonObject pruner = study.value(QStringLiteral("pruner")).toObject();
  pruner.insert(QStringLiteral("kind"), draft.pruner);
  study.insert(QStringLiteral("pruner"), pruner);

  // A list of chosen seeds (a trial run again) stays as it is while its count is unchanged.
  const QJsonValue seeds = draft.original.value(QStringLiteral("seeds"));
  if (!(seeds.isArray() && seeds.toArray().size() == draft.seeds))
    study.insert(QStringLiteral("seeds"), draft.seeds);
  setOrRemove(study, QStringLiteral("budget"), draft.budget, draft.budget > 0);
  study.insert(QStringLiteral("jobs"), draft.jobs);
  study.insert(QStringLiteral("device"), draft.device);
  return study;
}

FieldProblems draftProblems(const StudyDraft& draft, const QString& base_folder) {
  FieldProblems problems;
  // Unticking every choice of a parameter the file searches is an error unless the file's
  // defaults name the value to use; a parameter the file does not search takes the engine's
  // default (LibTorch's initializer, Adam).
  const QJsonObject defaults = draft.original.value(QStringLiteral("defaults")).toObject();
  const QJsonObject searched = draft.original.value(QStringLiteral("search")).toObject();
  auto needs_choice = [&](const QString& key) {
    return searched.contains(key) && !defaults.contains(key);
  };
  if (draft.usesSearch()) {
    if (draft.initializers.isEmpty() && needs_choice(QStringLiteral("initializer"))) {
      problems.append(
          {QStringLiteral("search.initializer"),
           QCoreApplication::translate("StudyDraft", "choose at least one initializer")});
    }
    if (draft.optimizers.isEmpty() && needs_choice(QStringLiteral("optimizer"))) {
      problems.append({QStringLiteral("search.optimizer"),
                       QCoreApplication::translate("StudyDraft", "choose at least one optimizer")});
    }
  }
  if (draft.batch_sizes.isEmpty()) {
    problems.append(
        {QStringLiteral("training.batch_size"),
         QCoreApplication::translate("StudyDraft", "give at least one batch size, e.g. 64, 128")});
  }
  const QDir base(base_folder);
  if ((draft.dataset_kind == QLatin1String("mnist-folder") ||
       draft.dataset_kind == QLatin1String("image-folder")) &&
      !draft.folder.isEmpty() && !QFileInfo(base.absoluteFilePath(draft.folder)).isDir()) {
    problems.append(
        {QStringLiteral("dataset.folder"),
         QCoreApplication::translate("StudyDraft", "no such folder: %1").arg(draft.folder)});
  }
  if (draft.dataset_kind == QLatin1String("csv") && !draft.csv_path.isEmpty() &&
      !QFileInfo(base.absoluteFilePath(draft.csv_path)).isFile()) {
    problems.append(
        {QStringLiteral("dataset.path"),
         QCoreApplication::translate("StudyDraft", "no such file: %1").arg(draft.csv_path)});
  }
  return problems;
}

}  // namespace tunebench::ui
