#include "config/study_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/json_reader.h"
#include "config/param_catalogue.h"
#include "config/search_space_reader.h"
#include "study/samplers/grid_sampler.h"

namespace tunebench {
namespace {

namespace fs = std::filesystem;

std::string resolvePath(const std::string& path, const std::string& base_folder) {
  if (path.empty() || fs::path(path).is_absolute() || base_folder.empty()) return path;
  return (fs::path(base_folder) / path).lexically_normal().string();
}

// An integer field that must lie in [low, high]: out of range, `rule` is the message (", got N"
// follows) and `target` keeps its default. Checked before the value is narrowed to T.
template <typename T>
void readInteger(JsonObjectReader& reader, const std::string& key, T& target, std::int64_t low,
                 std::int64_t high, const std::string& rule) {
  const std::optional<std::int64_t> value = reader.integer(key);
  if (!value) return;
  if (*value < low || *value > high) {
    reader.problems().add(reader.fieldPath(key), rule + ", got " + std::to_string(*value));
    return;
  }
  target = static_cast<T>(*value);
}

constexpr std::int64_t kMaxInteger = JsonObjectReader::kMaxInteger;

// Reads a JSON object whose keys are parameter names into `params`.
void readParams(JsonObjectReader& reader, const nlohmann::json& object, ParamMap& params) {
  if (!reader.isObject()) return;
  for (auto it = object.begin(); it != object.end(); ++it) {
    reader.raw(it.key());
    std::string why;
    auto value = paramFromJson(it.key(), it.value(), why);
    if (value) {
      params[it.key()] = *value;
    } else {
      reader.problems().add(reader.fieldPath(it.key()), why);
    }
  }
}

// Reads named keys of a section as parameters ("model": {"depth": 2} -> depth=2).
void readSectionParams(JsonObjectReader& reader,
                       const std::vector<std::pair<std::string, std::string>>& keys,
                       ParamMap& params) {
  for (const auto& [key, param] : keys) {
    const nlohmann::json* value = reader.raw(key);
    if (value == nullptr) continue;
    std::string why;
    auto parsed = paramFromJson(param, *value, why);
    if (parsed) {
      params[param] = *parsed;
    } else {
      reader.problems().add(reader.fieldPath(key), why);
    }
  }
}

void readDataset(const nlohmann::json& json, const std::string& base_folder, ProblemList& problems,
                 DatasetSpec& spec) {
  JsonObjectReader reader(json, "dataset", problems);
  const std::string kind = reader.string("kind").value_or("fashion-mnist");
  if (kind == "fashion-mnist" || kind == "mnist-folder") {
    spec.kind = kind == "fashion-mnist" ? DatasetKind::kFashionMnist : DatasetKind::kMnistFolder;
    auto folder = reader.string("folder");
    if (folder) spec.folder = resolvePath(*folder, base_folder);
    if (!folder && spec.kind == DatasetKind::kMnistFolder) {
      problems.add("dataset.folder", "required for kind mnist-folder");
    }
    readInteger(reader, "classes", spec.classes, 2, 256, "must be in 2..256");
  } else if (kind == "csv") {
    spec.kind = DatasetKind::kCsv;
    spec.csv_path = resolvePath(reader.string("path").value_or(""), base_folder);
    spec.label_column = reader.string("label_column").value_or("");
    if (spec.csv_path.empty()) problems.add("dataset.path", "required for kind csv");
    if (spec.label_column.empty()) problems.add("dataset.label_column", "required for kind csv");
  } else if (kind == "image-folder") {
    spec.kind = DatasetKind::kImageFolder;
    const auto folder = reader.string("folder");
    if (folder)
      spec.folder = resolvePath(*folder, base_folder);
    else
      problems.add("dataset.folder", "required for kind image-folder (one sub-folder per class)");
    if (const auto validation_folder = reader.string("validation_folder"))
      spec.validation_folder = resolvePath(*validation_folder, base_folder);
    if (const nlohmann::json* size = reader.raw("size")) {
      if (size->is_array() && size->size() == 2 && (*size)[0].is_number_integer() &&
          (*size)[1].is_number_integer() && (*size)[0].get<std::int64_t>() >= 1 &&
          (*size)[1].get<std::int64_t>() >= 1 && (*size)[0].get<std::int64_t>() <= 4096 &&
          (*size)[1].get<std::int64_t>() <= 4096) {
        spec.image_height = (*size)[0].get<std::int64_t>();
        spec.image_width = (*size)[1].get<std::int64_t>();
      } else {
        problems.add("dataset.size", "expected [height, width] in pixels, each 1..4096, got " +
                                         describeJson(*size));
      }
    }
    std::int64_t channels = 3;
    readInteger(reader, "channels", channels, 1, 3, "must be 1 (grey) or 3 (RGB)");
    if (channels == 2) problems.add("dataset.channels", "must be 1 (grey) or 3 (RGB)");
    spec.image_channels = static_cast<int>(channels);
    spec.skip_bad_images = reader.boolean("skip_bad_images").value_or(false);
  } else if (kind == "synthetic-2d") {
    spec.kind = DatasetKind::kSynthetic2d;
    const std::string generator = reader.string("generator").value_or("spiral");
    auto parsed = parseSynthetic2dKind(generator);
    if (parsed) {
      spec.generator = *parsed;
    } else {
      problems.add("dataset.generator", "unknown generator '" + generator +
                                            "' (expected circle, xor, gaussians, spiral)");
    }
    readInteger(reader, "samples", spec.samples, 10, 10000000, "must be in 10..10000000");
    spec.noise = reader.number("noise").value_or(spec.noise);
    if (spec.noise < 0.0 || spec.noise > 1.0) problems.add("dataset.noise", "must be in [0, 1]");
    readInteger(reader, "seed", spec.data_seed, 0, kMaxInteger, "must be >= 0");
  } else {
    problems.add("dataset.kind",
                 "unknown dataset kind '" + kind +
                     "' (expected fashion-mnist, mnist-folder, csv, synthetic-2d, image-folder)");
  }
  readInteger(reader, "subset", spec.subset, 0, kMaxInteger, "must be >= 0 (0 keeps every sample)");
  if (const nlohmann::json* validation = reader.raw("validation")) {
    if (validation->is_number() && validation->get<double>() > 0.0 &&
        validation->get<double>() < 1.0) {
      spec.validation_fraction = validation->get<double>();
    } else if (!(validation->is_string() && validation->get<std::string>() == "test")) {
      problems.add("dataset.validation",
                   "expected a fraction in (0, 1) or \"test\", got " + describeJson(*validation));
    } else if (spec.kind != DatasetKind::kFashionMnist && spec.kind != DatasetKind::kMnistFolder) {
      problems.add("dataset.validation", "\"test\" needs an IDX folder with t10k files");
    }
  }
  readInteger(reader, "split_seed", spec.split_seed, 0, kMaxInteger, "must be >= 0");
  spec.normalize = reader.boolean("normalize").value_or(true);
  reader.rejectUnknownKeys();
}

void readTraining(JsonObjectReader& reader, TrialSpec& base, FuseMode& fuse, ParamMap& params) {
  readSectionParams(reader, {{"epochs", "epochs"}, {"batch_size", "batch_size"}}, params);
  readInteger(reader, "log_every", base.log_every_steps, 1, kMaxInteger, "must be >= 1");
  base.divergence_loss = reader.number("divergence_loss").value_or(base.divergence_loss);
  if (!(base.divergence_loss > 0.0))
    reader.problems().add("training.divergence_loss", "must be > 0");
  readInteger(reader, "boundary_grid", base.boundary_grid, 0, 512, "must be in 0..512");
  base.time_limit_seconds = reader.number("time_limit", 0.0, 1e9).value_or(0.0);
  if (const auto name = reader.string("fuse")) {
    if (const auto mode = parseFuseMode(*name)) {
      fuse = *mode;
    } else {
      reader.problems().add("training.fuse",
                            "unknown value '" + *name + "' (expected " + kFuseModeNames + ")");
    }
  }
  ProbeSettings& probes = base.probes;
  readInteger(reader, "probe_every", probes.every_steps, 0, kMaxInteger,
              "must be >= 0 (0: no probes)");
  readInteger(reader, "probe_bins", probes.bins, 2, 1000, "must be in 2..1000");
  probes.range = reader.number("probe_range").value_or(probes.range);
  if (!(probes.range > 0.0)) reader.problems().add("training.probe_range", "must be > 0");
  reader.rejectUnknownKeys();
}

void readSampler(const nlohmann::json& json, ProblemList& problems, SamplerSpec& spec) {
  JsonObjectReader reader(json, "sampler", problems);
  const std::string kind = reader.string("kind").value_or("random");
  if (kind == "grid") {
    spec.kind = SamplerSpec::Kind::kGrid;
  } else if (kind == "random") {
    spec.kind = SamplerSpec::Kind::kRandom;
  } else if (kind == "tpe") {
    spec.kind = SamplerSpec::Kind::kTpe;
  } else {
    problems.add("sampler.kind", "unknown sampler '" + kind + "' (expected grid, random, tpe)");
  }
  readInteger(reader, "seed", spec.seed, 0, kMaxInteger, "must be >= 0");
  readInteger(reader, "grid_points", spec.grid_points, 1, 100, "must be in 1..100");
  readInteger(reader, "startup_trials", spec.startup_trials, 0, 1000000, "must be in 0..1000000");
  reader.rejectUnknownKeys();
}

void readPruner(const nlohmann::json& json, ProblemList& problems, PrunerSpec& spec) {
  JsonObjectReader reader(json, "pruner", problems);
  const std::string kind = reader.string("kind").value_or("none");
  if (kind == "none") {
    spec.kind = PrunerSpec::Kind::kNone;
  } else if (kind == "median") {
    spec.kind = PrunerSpec::Kind::kMedian;
  } else if (kind == "asha") {
    spec.kind = PrunerSpec::Kind::kAsha;
  } else {
    problems.add("pruner.kind", "unknown pruner '" + kind + "' (expected none, median, asha)");
  }
  auto field = [&](const char* key, int& target, int minimum) {
    readInteger(reader, key, target, minimum, 1000000,
                "must be >= " + std::to_string(minimum) + " (at most 1000000)");
  };
  field("startup_trials", spec.startup_trials, 0);
  field("warmup_epochs", spec.warmup_epochs, 0);
  field("grace_period", spec.grace_period, 1);
  field("reduction_factor", spec.reduction_factor, 2);
  reader.rejectUnknownKeys();
}

// "translations": {"zh_CN": {"description": "...", "explanation": "..."}, ...}
void readTranslations(const nlohmann::json& json, ProblemList& problems, StudyFile& study) {
  if (!json.is_object()) {
    problems.add("translations",
                 "expected {\"language\": {\"description\": ..., \"explanation\": ...}}");
    return;
  }
  for (auto it = json.begin(); it != json.end(); ++it) {
    JsonObjectReader reader(it.value(), "translations." + it.key(), problems);
    if (auto text = reader.string("description")) study.description_by_language[it.key()] = *text;
    if (auto text = reader.string("explanation")) study.explanation_by_language[it.key()] = *text;
    reader.rejectUnknownKeys();
  }
}

// "seeds": a count N (seeds 0..N-1, the paired repeats) or a list of distinct seeds (to run
// chosen seeds again, e.g. one trial's).
void readSeeds(JsonObjectReader& top, ProblemList& problems, StudyFile& study) {
  const nlohmann::json* seeds = top.raw("seeds");
  study.seed_list.clear();
  if (seeds != nullptr && seeds->is_array()) {
    for (std::size_t i = 0; i < seeds->size(); ++i) {
      const nlohmann::json& seed = (*seeds)[i];
      if (!seed.is_number_integer() || seed.get<std::int64_t>() < 0) {
        problems.add("seeds[" + std::to_string(i) + "]",
                     "expected a whole number >= 0, got " + describeJson(seed));
      } else if (std::find(study.seed_list.begin(), study.seed_list.end(),
                           seed.get<std::uint64_t>()) != study.seed_list.end()) {
        problems.add("seeds[" + std::to_string(i) + "]", "repeats seed " + describeJson(seed));
      } else {
        study.seed_list.push_back(seed.get<std::uint64_t>());
      }
    }
    if (seeds->empty() || seeds->size() > 1000) problems.add("seeds", "expected 1 to 1000 seeds");
  } else {
    std::int64_t count = 1;
    readInteger(top, "seeds", count, 1, 1000, "must be between 1 and 1000");
    for (std::int64_t seed = 0; seed < count; ++seed) {
      study.seed_list.push_back(static_cast<std::uint64_t>(seed));
    }
  }
  if (study.seed_list.empty()) study.seed_list.push_back(0);
  study.seeds = static_cast<std::int64_t>(study.seed_list.size());
}

// A study's name finds its results (`--study NAME`, the window's list): printable text of 1 to
// 200 bytes, no control characters (a NUL would cut it short in every C string it meets).
void checkStudyName(const std::string& name, ProblemList& problems) {
  if (name.empty() || name.size() > 200) {
    problems.add("name", "must be 1 to 200 characters long, got " + std::to_string(name.size()));
    return;
  }
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      problems.add("name", "holds a control character (code " + std::to_string(byte) +
                               "): use printable text");
      return;
    }
  }
  if (name.find_first_not_of(' ') == std::string::npos) problems.add("name", "is only spaces");
}

StudyFile parseStudyJson(const nlohmann::json& json, const std::string& base_folder) {
  ProblemList problems;
  StudyFile study;
  JsonObjectReader top(json, "", problems);
  study.name = top.string("name").value_or("study");
  checkStudyName(study.name, problems);
  study.description = top.string("description").value_or("");
  study.explanation = top.string("explanation").value_or("");
  if (const nlohmann::json* translations = top.raw("translations"))
    readTranslations(*translations, problems, study);
  study.device = top.string("device").value_or("auto");
  readSeeds(top, problems, study);
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const nlohmann::json* dataset = top.raw("dataset");
  readDataset(dataset ? *dataset : kEmpty, base_folder, problems, study.dataset);

  ParamMap base_params;
  const nlohmann::json* model = top.raw("model");
  JsonObjectReader model_reader(model ? *model : kEmpty, "model", problems);
  readSectionParams(model_reader,
                    {{"kind", "model"},
                     {"depth", "depth"},
                     {"width", "width"},
                     {"activation", "activation"},
                     {"batch_norm", "batch_norm"},
                     {"dropout", "dropout"}},
                    base_params);
  // A TorchScript module's file: relative paths start at the study file's folder.
  if (const auto path = model_reader.string("path"))
    study.base.model.torchscript_path = resolvePath(*path, base_folder);
  model_reader.rejectUnknownKeys();

  const nlohmann::json* training = top.raw("training");
  JsonObjectReader training_reader(training ? *training : kEmpty, "training", problems);
  // 2-D data sets show their decision boundary by default (48 x 48: cheap next to an epoch).
  if (study.dataset.kind == DatasetKind::kSynthetic2d) study.base.boundary_grid = 48;
  readTraining(training_reader, study.base, study.fuse, base_params);

  if (const nlohmann::json* defaults = top.raw("defaults")) {
    JsonObjectReader reader(*defaults, "defaults", problems);
    readParams(reader, *defaults, base_params);
  }
  for (const auto& [name, value] : base_params) applyParam(name, value, study.base);

  if (const nlohmann::json* search = top.raw("search"))
    study.search = readSearchSpace(*search, problems);
  if (const nlohmann::json* sampler = top.raw("sampler"))
    readSampler(*sampler, problems, study.sampler);
  if (const nlohmann::json* pruner = top.raw("pruner")) readPruner(*pruner, problems, study.pruner);
  study.pruner.max_epochs = static_cast<int>(study.base.epochs);
  // The plan holds every configuration it names (config/study_plan.h): bounded before it is.
  readInteger(top, "budget", study.budget, 1, kMostConfigurations,
              "must be in 1.." + std::to_string(kMostConfigurations) +
                  " (or left out: every listed configuration, the whole grid, "
                  "or " +
                  std::to_string(kDefaultSearchBudget) +
                  " searched ones; see the plan in docs/STUDY_FORMAT.md)");
  study.target_accuracy = top.number("target_accuracy");
  if (study.target_accuracy && !(*study.target_accuracy > 0.0 && *study.target_accuracy <= 1.0)) {
    problems.add("target_accuracy", "must be in (0, 1]");
  }
  readInteger(top, "jobs", study.jobs, 1, 256, "must be between 1 and 256");

  const nlohmann::json* configurations = top.raw("configurations");
  const bool listed =
      configurations != nullptr && configurations->is_array() && !configurations->empty();
  if (!listed && (configurations != nullptr || study.search.empty())) {
    problems.add("configurations",
                 "expected a non-empty list of parameter objects (or a \"search\")");
  } else if (listed) {
    for (std::size_t i = 0; i < configurations->size(); ++i) {
      const std::string path = "configurations[" + std::to_string(i) + "]";
      JsonObjectReader reader((*configurations)[i], path, problems);
      ParamMap params;
      readParams(reader, (*configurations)[i], params);
      study.configurations.push_back(params);
    }
  }
  // The plan lists every grid point, crossed with each listed configuration: count first.
  if (study.sampler.kind == SamplerSpec::Kind::kGrid && !study.search.empty()) {
    const std::uint64_t points =
        GridSampler(study.sampler.grid_points, study.sampler.seed).countAtMost(study.search);
    const auto listed =
        static_cast<std::uint64_t>(std::max<std::size_t>(1, study.configurations.size()));
    const std::uint64_t planned = points > UINT64_MAX / listed ? UINT64_MAX : points * listed;
    if (planned > static_cast<std::uint64_t>(kMostConfigurations)) {
      problems.add(
          "search",
          "the grid has " +
              (points == UINT64_MAX ? std::string("over 10^19") : std::to_string(points)) +
              " points" +
              (listed > 1 ? " for each of " + std::to_string(listed) + " listed configurations"
                          : std::string()) +
              ", more than the " + std::to_string(kMostConfigurations) +
              " configurations a study may plan: use fewer grid_points (" +
              std::to_string(study.sampler.grid_points) +
              " now), narrower integer ranges or fewer parameters, or a "
              "random search with a budget");
    }
  }
  top.rejectUnknownKeys();
  problems.throwIfAny();
  return study;
}

std::vector<UserError> prefixed(const std::vector<UserError>& problems, const std::string& origin) {
  std::vector<UserError> result;
  for (const auto& problem : problems)
    result.emplace_back(origin + ": " + problem.where(), problem.why());
  return result;
}

}  // namespace

StudyFile parseStudyText(const std::string& text, const std::string& origin,
                         const std::string& base_folder) {
  const nlohmann::json json = parseUserJson(text, origin);
  try {
    StudyFile study = parseStudyJson(json, base_folder);
    study.path = origin;
    study.text = text;
    study.base_folder = base_folder;
    return study;
  } catch (const UserErrors& errors) {
    throw UserErrors(prefixed(errors.problems(), origin));
  }
}

std::string readStudyFileText(const std::string& path) {
  std::error_code error;
  // Its type first, never by opening it: a FIFO would wait for a writer, /dev/zero never end.
  const fs::file_status status = fs::status(path, error);
  if (fs::is_directory(status)) throw UserError(path, "is a directory, not a study file");
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    throw UserError(path, "is not a regular file (a study file is a JSON file)");
  }
  if (!fs::exists(status)) throw UserError(path, "no such study file");
  const std::uintmax_t size = fs::file_size(path, error);
  if (error || size > kMostStudyFileBytes) {
    throw UserError(
        path, error ? "cannot read its size (" + error.message() + ")"
                    : "is " + std::to_string(size) + " bytes: a study file is at most " +
                          std::to_string(kMostStudyFileBytes / (1024 * 1024)) + " MiB of JSON");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError(path, "cannot open for reading");
  std::string content(static_cast<std::size_t>(size), '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  content.resize(static_cast<std::size_t>(in.gcount()));  // a file that shrank meanwhile
  if (content.rfind(std::string("SQLite format 3\0", 16), 0) == 0) {
    throw UserError(path,
                    "is an SQLite results database, not a study file (read it with "
                    "`tunebench-cli show " +
                        path + "`, or File > Open Results in the window)");
  }
  return content;
}

StudyFile loadStudyFile(const std::string& path) {
  return parseStudyText(readStudyFileText(path), path, fs::absolute(path).parent_path().string());
}

TrialSpec resolveTrial(const TrialSpec& base, const ParamMap& configuration) {
  TrialSpec spec = base;
  for (const auto& [name, value] : configuration) applyParam(name, value, spec);
  spec.configuration = formatParams(configuration);
  spec.params = configuration;
  return spec;
}

}  // namespace tunebench
