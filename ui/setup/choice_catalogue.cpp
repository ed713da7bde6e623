#include "ui/setup/choice_catalogue.h"

#include <QCoreApplication>

namespace tunebench::ui {
namespace {
QString tr(const char* text) { return QCoreApplication::translate("ChoiceCatalogue", text); }
}  // namespace

const QList<Choice>& initializerChoices() {
  static const QList<Choice> list{
      {QStringLiteral("xavier_uniform"), tr("Xavier (Glorot) uniform"),
       tr("U(-a, a), a = gain·sqrt(6 / (fan_in + fan_out)): keeps the signal's variance for tanh/linear layers")},
      {QStringLiteral("xavier_normal"), tr("Xavier (Glorot) normal"),
       tr("N(0, gain²·2 / (fan_in + fan_out)): the normal form of Glorot & Bengio's rule")},
      {QStringLiteral("kaiming_normal"), tr("He (Kaiming) normal"),
       tr("N(0, 2 / fan_in) for ReLU: makes up for the half of the signal ReLU drops (He et al. 2015)")},
      {QStringLiteral("kaiming_uniform"), tr("He (Kaiming) uniform"), tr("U(-a, a), a = sqrt(6 / fan_in) for ReLU")},
      {QStringLiteral("lecun_normal"), tr("LeCun normal"), tr("N(0, 1 / fan_in): for SELU and linear layers")},
      {QStringLiteral("orthogonal"), tr("Orthogonal"), tr("A random orthogonal matrix times a gain (Saxe et al. 2014)")},
      {QStringLiteral("normal"), tr("Plain normal N(0, σ²)"),
       tr("Same σ in every layer (0.01 by default): the signal shrinks layer by layer in deep nets")},
      {QStringLiteral("uniform"), tr("Plain uniform U(-a, a)"), tr("Same bound in every layer (0.05 by default)")},
      {QStringLiteral("torch_default"), tr("LibTorch default"), tr("What LibTorch does for Linear/Conv2d: U(-1/sqrt(fan_in), 1/sqrt(fan_in))-like")},
      {QStringLiteral("zeros"), tr("Zeros"), tr("All weights 0: every unit in a layer stays identical (a lesson, not a choice)")},
  };
  return list;
}

const QList<Choice>& optimizerChoices() {
  static const QList<Choice> list{
      {QStringLiteral("sgd"), tr("SGD"), tr("w -= lr·g")},
      {QStringLiteral("momentum"), tr("SGD + momentum"), tr("v = μ·v + g; w -= lr·v")},
      {QStringLiteral("nesterov"), tr("Nesterov momentum"), tr("Momentum with the gradient taken ahead")},
      {QStringLiteral("adam"), tr("Adam"), tr("Per-weight steps from running means of g and g² (Kingma & Ba 2015)")},
      {QStringLiteral("adamw"), tr("AdamW"), tr("Adam with decoupled weight decay (Loshchilov & Hutter 2019)")},
      {QStringLiteral("rmsprop"), tr("RMSprop"), tr("Steps divided by a running RMS of the gradient")},
      {QStringLiteral("adagrad"), tr("Adagrad"), tr("Steps divided by the root of all past g²: they only shrink")},
  };
  return list;
}

const QList<Choice>& activationChoices() {
  static const QList<Choice> list{
      {QStringLiteral("relu"), tr("ReLU"), {}},       {QStringLiteral("tanh"), tr("tanh"), {}},
      {QStringLiteral("sigmoid"), tr("sigmoid"), {}}, {QStringLiteral("leaky_relu"), tr("Leaky ReLU"), {}},
      {QStringLiteral("gelu"), tr("GELU"), {}},       {QStringLiteral("linear"), tr("linear (none)"), {}},
  };
  return list;
}

const QList<Choice>& datasetChoices() {
  static const QList<Choice> list{
      {QStringLiteral("fashion-mnist"), tr("Fashion-MNIST (built in)"), tr("70,000 28x28 clothing images, 10 classes")},
      {QStringLiteral("synthetic-2d"), tr("2-D data set"), tr("TensorFlow Playground's circle, xor, gaussians and spiral")},
      {QStringLiteral("mnist-folder"), tr("MNIST-format folder"), tr("A folder with train-* and t10k-* IDX files")},
      {QStringLiteral("csv"), tr("CSV file"), tr("A header row, numeric columns and a label column")},
  };
  return list;
}

const QList<Choice>& generatorChoices() {
  static const QList<Choice> list{
      {QStringLiteral("spiral"), tr("spiral"), {}}, {QStringLiteral("circle"), tr("circle"), {}},
      {QStringLiteral("xor"), tr("xor"), {}},       {QStringLiteral("gaussians"), tr("gaussians"), {}},
  };
  return list;
}

const QList<Choice>& samplerChoices() {
  static const QList<Choice> list{
      {QStringLiteral("grid"), tr("Grid"), tr("Every combination; ranges take a number of grid points")},
      {QStringLiteral("random"), tr("Random"), tr("Independent random draws from the space")},
      {QStringLiteral("tpe"), tr("TPE"), tr("Tree-structured Parzen estimator: draws more where results were good")},
  };
  return list;
}

const QList<Choice>& prunerChoices() {
  static const QList<Choice> list{
      {QStringLiteral("none"), tr("None"), tr("Every trial runs all its epochs")},
      {QStringLiteral("median"), tr("Median"), tr("Stop a trial worse than the median of finished trials at the same epoch")},
      {QStringLiteral("asha"), tr("ASHA"), tr("Asynchronous successive halving: keep the best third at each rung")},
  };
  return list;
}

}  // namespace tunebench::ui
