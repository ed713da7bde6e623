#include "data/dataset_loader.h"

#include <ATen/ATen.h>

#include "data/csv_loader.h"
#include "data/idx_reader.h"

namespace tunebench {
namespace {

std::string countsText(const DataSplit& split) {
  return std::to_string(split.train.size()) + " train / " +
         std::to_string(split.validation.size()) + " validation";
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
    Dataset train = firstSamples(loadMnistFolder(spec.folder, "train"), spec.subset);
    if (spec.validation_fraction) {
      split = splitHoldOut(train, *spec.validation_fraction, spec.split_seed);
    } else {
      split.train = std::move(train);
      split.validation = loadMnistFolder(spec.folder, "t10k");
    }
  } else {
    Dataset all;
    if (spec.kind == DatasetKind::kCsv) {
      all = loadCsv(spec.csv_path, spec.label_column);
      origin = "CSV " + spec.csv_path;
    } else {
      all = generateSynthetic2d(spec.generator, spec.samples, spec.noise, spec.data_seed);
      origin = "2-D " + synthetic2dKindName(spec.generator);
    }
    split = splitHoldOut(firstSamples(all, spec.subset), spec.validation_fraction.value_or(0.2),
                         spec.split_seed);
  }
  if (spec.normalize) normalizeWithTrainStatistics(split, normalization);
  split.train.inputs = split.train.inputs.contiguous();
  split.validation.inputs = split.validation.inputs.contiguous();
  split.description = origin + " (" + countsText(split) + ")";
  return split;
}

}  // namespace tunebench
