#include "ui/setup/choice_catalogue.h"

#include <QCoreApplication>

namespace tunebench::ui {

const QList<Choice>& datasetChoices() {
  static const QList<Choice> list{
      {QStringLiteral("fashion-mnist"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "Fashion-MNIST (built in)"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "70,000 28x28 clothing images, 10 classes")},
      {QStringLiteral("synthetic-2d"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "2-D data set"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "TensorFlow Playground's circle, xor, gaussians and spiral")},
      {QStringLiteral("mnist-folder"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "MNIST-format folder"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "A folder with train-* and t10k-* IDX files")},
      {QStringLiteral("image-folder"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Image folder"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "One sub-folder of PNG or JPEG pictures per class (as torchvision's "
                         "ImageFolder)")},
      {QStringLiteral("csv"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "CSV file"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "A header row, numeric columns and a label column")},
  };
  return list;
}

const QList<Choice>& generatorChoices() {
  static const QList<Choice> list{
      {QStringLiteral("spiral"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "spiral"), nullptr},
      {QStringLiteral("circle"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "circle"), nullptr},
      {QStringLiteral("xor"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "xor"), nullptr},
      {QStringLiteral("gaussians"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "gaussians"), nullptr},
  };
  return list;
}

const QList<Choice>& samplerChoices() {
  static const QList<Choice> list{
      {QStringLiteral("grid"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Grid"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "Every combination; ranges take a number of grid points")},
      {QStringLiteral("random"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Random"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "Independent random draws from the space")},
      {QStringLiteral("tpe"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "TPE"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "Tree-structured Parzen estimator: draws more where results were good")},
  };
  return list;
}

const QList<Choice>& prunerChoices() {
  static const QList<Choice> list{
      {QStringLiteral("none"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "None"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "Every trial runs all its epochs")},
      {QStringLiteral("median"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Median"),
       QT_TRANSLATE_NOOP(
           "ChoiceCatalogue",
           "Stop a trial worse than the median of finished trials at the same epoch")},
      {QStringLiteral("asha"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "ASHA"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "Asynchronous successive halving: keep the best third at each rung")},
  };
  return list;
}

}  // namespace tunebench::ui
