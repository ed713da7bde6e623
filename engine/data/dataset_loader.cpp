#include "data/dataset_loader.h"

#include <ATen/ATen.h>

#include "common/user_error.h"
#include "data/csv_loader.h"
#include "data/idx_reader.h"
#include "data/image_folder.h"

namespace tunebench {
namespace {

std::string countsText(const DataSplit& split) {
  return std::to_string(split.train.size()) + " train / " +
         std::to_string(split.validation.size()) + " validation";
}

// "10 classes, 5400-6600 training samples each" or "2 classes (cat, dog), 40 training samples
// each": what the data line says of the labels, so a lopsided or empty class shows at once.
std::string classesText(const Dataset& train) {
  const at::Tensor counts = at::bincount(train.targets, {}, train.num_classes);
  const auto fewest = counts.min().item<std::int64_t>();
  const auto most = counts.max().item<std::int64_t>();
  std::string text = std::to_string(train.num_classes) + " classes";
  if (!train.class_names.empty()) {
    std::string names;
    for (std::size_t i = 0; i < train.class_names.size() && i < 6; ++i) {
      names += (i ? ", " : "") + train.class_names[i];
    }
    text += " (" + names + (train.class_names.size() > 6 ? ", ...)" : ")");
  }
  return text + ", " + std::to_string(fewest) + (fewest == most ? "" : "-" + std::to_string(most)) +
         " training samples each";
}

// The hold-out needs a sample on each side: a UserError naming the data when there are too few.
DataSplit holdOut(const Dataset& all, double fraction, std::uint64_t seed,
                  const std::string& source) {
  const std::int64_t n = all.size();
  const auto validation = static_cast<std::int64_t>(std::llround(fraction * n));
  if (validation < 1 || validation >= n) {
    throw UserError(source, "too few samples to train and validate: " + std::to_string(n) +
                                " in all, " + std::to_string(validation) +
                                " of them held out for validation (need at least 1 on each side)");
  }
  return splitHoldOut(all, fraction, seed);
}

}  // namespace

DataSplit loadDataSplit(const DatasetSpec& spec) {
  DataSplit split;
  Normalization normalization = Normalization::kPerFeature;
  std::string origin;
  const bool idx =
      spec.kind == DatasetKind::kFashionMnist || spec.kind == DatasetKind::kMnistFolder;
  if (idx) {
    normalization = Normalization::kGlobal;
    origin = (spec.kind == DatasetKind::kFashionMnist ? "Fashion-MNIST" : "MNIST-format") +
             std::string(" from ") + spec.folder;
    Dataset train = firstSamples(loadMnistFolder(spec.folder, "train", spec.classes), spec.subset);
    if (spec.validation_fraction) {
      split = holdOut(train, *spec.validation_fraction, spec.split_seed, spec.folder);
    } else {
      split.train = std::move(train);
      split.validation = loadMnistFolder(spec.folder, "t10k", spec.classes);
    }
  } else if (spec.kind == DatasetKind::kImageFolder) {
    normalization = Normalization::kPerChannel;
    ImageFolderOptions options;
    options.height = spec.image_height;
    options.width = spec.image_width;
    options.channels = spec.image_channels;
    options.skip_bad_images = spec.skip_bad_images;
    BadImages skipped;
    Dataset train = firstSamples(loadImageFolder(spec.folder, options, {}, skipped), spec.subset);
    if (!spec.validation_folder.empty()) {
      split.train = std::move(train);
      split.validation =
          loadImageFolder(spec.validation_folder, options, split.train.class_names, skipped);
    } else {
      split = holdOut(train, spec.validation_fraction.value_or(0.2), spec.split_seed, spec.folder);
    }
    origin = "images from " + spec.folder;
    if (!skipped.images.empty())
      origin += ", " + std::to_string(skipped.images.size()) + " unusable skipped";
  } else {
    Dataset all;
    if (spec.kind == DatasetKind::kCsv) {
      all = loadCsv(spec.csv_path, spec.label_column);
      origin = "CSV " + spec.csv_path;
    } else {
      all = generateSynthetic2d(spec.generator, spec.samples, spec.noise, spec.data_seed);
      origin = "2-D " + synthetic2dKindName(spec.generator);
    }
    split = holdOut(firstSamples(all, spec.subset), spec.validation_fraction.value_or(0.2),
                    spec.split_seed,
                    spec.kind == DatasetKind::kCsv ? spec.csv_path : std::string("dataset"));
  }
  const std::string source = idx || spec.kind == DatasetKind::kImageFolder ? spec.folder
                             : spec.kind == DatasetKind::kCsv              ? spec.csv_path
                                                                           : std::string("dataset");
  if (split.train.size() < 2 || split.validation.size() < 1) {
    throw UserError(source, "too few samples to train and validate: " + countsText(split) +
                                " (need at least 2 to train on and 1 to validate)");
  }
  if (spec.normalize) normalizeWithTrainStatistics(split, normalization);
  split.train.inputs = split.train.inputs.contiguous();
  split.validation.inputs = split.validation.inputs.contiguous();
  split.description = origin + " (" + countsText(split) + ", " + classesText(split.train) + ")";
  return split;
}

}  // namespace tunebench
