#include "ui/setup/choice_catalogue.h"

#include <QCoreApplication>

namespace tunebench::ui {

QString Choice::label() const {
  return QCoreApplication::translate("ChoiceCatalogue", label_source);
}

QString Choice::explanation() const {
  return explanation_source == nullptr
             ? QString()
             : QCoreApplication::translate("ChoiceCatalogue", explanation_source);
}

const QList<Choice>& initializerChoices() {
  static const QList<Choice> list{
      {QStringLiteral("xavier_uniform"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "Xavier (Glorot) uniform"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "U(-a, a), a = gain·sqrt(6 / (fan_in + fan_out)): keeps the signal's "
                         "variance for tanh/linear layers")},
      {QStringLiteral("xavier_normal"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "Xavier (Glorot) normal"),
       QT_TRANSLATE_NOOP(
           "ChoiceCatalogue",
           "N(0, gain²·2 / (fan_in + fan_out)): the normal form of Glorot & Bengio's rule")},
      {QStringLiteral("kaiming_normal"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "He (Kaiming) normal"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "N(0, 2 / fan_in) for ReLU: makes up for the half of the signal ReLU "
                         "drops (He et al. 2015)")},
      {QStringLiteral("kaiming_uniform"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "He (Kaiming) uniform"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "U(-a, a), a = sqrt(6 / fan_in) for ReLU")},
      {QStringLiteral("lecun_normal"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "LeCun normal"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "N(0, 1 / fan_in): for SELU and linear layers")},
      {QStringLiteral("orthogonal"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Orthogonal"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "A random orthogonal matrix times a gain (Saxe et al. 2014)")},
      {QStringLiteral("normal"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Plain normal N(0, σ²)"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "Same σ in every layer (0.01 by default): the signal shrinks layer by "
                         "layer in deep nets")},
      {QStringLiteral("uniform"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Plain uniform U(-a, a)"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "Same bound in every layer (0.05 by default)")},
      {QStringLiteral("torch_default"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "LibTorch default"),
       QT_TRANSLATE_NOOP(
           "ChoiceCatalogue",
           "What LibTorch does for Linear/Conv2d: U(-1/sqrt(fan_in), 1/sqrt(fan_in))-like")},
      {QStringLiteral("zeros"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Zeros"),
       QT_TRANSLATE_NOOP(
           "ChoiceCatalogue",
           "All weights 0: every unit in a layer stays identical (a lesson, not a choice)")},
  };
  return list;
}

const QList<Choice>& optimizerChoices() {
  static const QList<Choice> list{
      {QStringLiteral("sgd"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "SGD"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "w -= lr·g")},
      {QStringLiteral("momentum"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "SGD + momentum"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "v = μ·v + g; w -= lr·v")},
      {QStringLiteral("nesterov"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Nesterov momentum"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "Momentum with the gradient taken ahead")},
      {QStringLiteral("adam"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Adam"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "Per-weight steps from running means of g and g² (Kingma & Ba 2015)")},
      {QStringLiteral("adamw"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "AdamW"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "Adam with decoupled weight decay (Loshchilov & Hutter 2019)")},
      {QStringLiteral("rmsprop"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "RMSprop"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue", "Steps divided by a running RMS of the gradient")},
      {QStringLiteral("adagrad"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Adagrad"),
       QT_TRANSLATE_NOOP("ChoiceCatalogue",
                         "Steps divided by the root of all past g²: they only shrink")},
  };
  return list;
}

const QList<Choice>& activationChoices() {
  static const QList<Choice> list{
      {QStringLiteral("relu"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "ReLU"), nullptr},
      {QStringLiteral("tanh"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "tanh"), nullptr},
      {QStringLiteral("sigmoid"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "sigmoid"), nullptr},
      {QStringLiteral("leaky_relu"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "Leaky ReLU"), nullptr},
      {QStringLiteral("gelu"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "GELU"), nullptr},
      {QStringLiteral("linear"), QT_TRANSLATE_NOOP("ChoiceCatalogue", "linear (none)"), nullptr},
  };
  return list;
}

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
