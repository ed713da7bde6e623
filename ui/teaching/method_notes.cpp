#include "ui/teaching/method_notes.h"

#include <QCoreApplication>

#include "ui/bridge/param_table_view.h"

namespace tunebench::ui {
namespace {
QString translated(const char* text) { return QCoreApplication::translate("MethodNotes", text); }
}  // namespace

const QList<MethodNote>& initializerNotes() {
  static const QList<MethodNote> notes{
      {"xavier_uniform",
       QT_TRANSLATE_NOOP("MethodNotes",
                         "W ~ U(-a, a), a = gain · sqrt(6 / (fan_in + fan_out)); Var(W) = gain² · "
                         "2 / (fan_in + fan_out)"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Activations roughly linear and symmetric around 0 (tanh, identity); a "
                         "compromise between keeping the forward signal's and the backward "
                         "gradient's variance (Glorot & Bengio 2010)."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Deep ReLU nets: ReLU zeroes half the signal, so the variance halves at "
                         "every layer and the signal vanishes with depth.")},
      {"xavier_normal",
       QT_TRANSLATE_NOOP("MethodNotes", "W ~ N(0, gain² · 2 / (fan_in + fan_out))"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "As Xavier uniform: near-linear, zero-centred activations."),
       QT_TRANSLATE_NOOP("MethodNotes", "As Xavier uniform: deep ReLU nets lose the signal.")},
      {"kaiming_normal",
       QT_TRANSLATE_NOOP("MethodNotes",
                         "W ~ N(0, gain² / fan), gain² = 2 for ReLU; fan = fan_in keeps the "
                         "forward variance, fan_out the backward"),
       QT_TRANSLATE_NOOP(
           "MethodNotes",
           "ReLU-like activations that pass half of a zero-mean input (He et al. 2015)."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "tanh or sigmoid nets: the doubled variance pushes units into saturation; "
                         "very deep plain nets still drift without normalization.")},
      {"kaiming_uniform",
       QT_TRANSLATE_NOOP("MethodNotes", "W ~ U(-b, b), b = gain · sqrt(3 / fan)"),
       QT_TRANSLATE_NOOP("MethodNotes", "As He normal: ReLU-like activations."),
       QT_TRANSLATE_NOOP("MethodNotes", "As He normal: saturating activations.")},
      {"lecun_normal", QT_TRANSLATE_NOOP("MethodNotes", "W ~ N(0, 1 / fan_in)"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Activations that keep unit variance themselves: SELU (self-normalizing "
                         "nets), or linear layers (LeCun et al. 1998)."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "ReLU nets: like Xavier, the signal halves its variance at each layer.")},
      {"orthogonal",
       QT_TRANSLATE_NOOP("MethodNotes",
                         "W = gain · Q, Q from the QR decomposition of a Gaussian matrix"),
       QT_TRANSLATE_NOOP(
           "MethodNotes",
           "Linear (or near-linear) layers: an orthogonal map keeps every vector's norm exactly, "
           "so deep linear nets train as fast as shallow ones (Saxe et al. 2014)."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "The nonlinearity's gain is not included unless you set gain; with ReLU "
                         "use gain sqrt(2).")},
      {"normal",
       QT_TRANSLATE_NOOP("MethodNotes",
                         "W ~ N(0, σ²) with the same σ (0.01 by default) in every layer"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Nothing about the layer sizes: each layer scales the signal's variance "
                         "by fan_in · σ² (times the activation's gain)."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Deep nets: with σ = 0.01 and fan_in = 256 each layer multiplies the "
                         "variance by 0.0256, so the signal and the gradients vanish after a few "
                         "layers; a large σ explodes instead.")},
      {"uniform",
       QT_TRANSLATE_NOOP(
           "MethodNotes",
           "W ~ U(-a, a) with the same a (0.05 by default) in every layer; Var(W) = a² / 3"),
       QT_TRANSLATE_NOOP("MethodNotes", "As the plain normal: nothing about the layer sizes."),
       QT_TRANSLATE_NOOP(
           "MethodNotes",
           "As the plain normal: the signal shrinks or grows geometrically with depth.")},
      {"torch_default",
       QT_TRANSLATE_NOOP("MethodNotes",
                         "W ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)); Var(W) = 1 / (3 · fan_in)"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "The old heuristic Glorot & Bengio measured (LibTorch's Linear default: "
                         "Kaiming uniform with a = sqrt(5))."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Deeper tanh or ReLU nets: each layer scales the variance by about 1/3 "
                         "(1/6 with ReLU), so activations and gradients shrink with depth.")},
      {"zeros", QT_TRANSLATE_NOOP("MethodNotes", "W = 0"),
       QT_TRANSLATE_NOOP("MethodNotes", "Nothing: a teaching case."),
       QT_TRANSLATE_NOOP(
           "MethodNotes",
           "Always: every unit of a layer computes the same output and gets the same gradient, so "
           "the symmetry is never broken (and with ReLU no gradient flows at all).")},
      {"constant", QT_TRANSLATE_NOOP("MethodNotes", "W = c"),
       QT_TRANSLATE_NOOP("MethodNotes", "Nothing: a teaching case."),
       QT_TRANSLATE_NOOP("MethodNotes", "Always: identical units, as with zeros.")},
  };
  return notes;
}

const QList<MethodNote>& optimizerNotes() {
  static const QList<MethodNote> notes{
      {"sgd", QT_TRANSLATE_NOOP("MethodNotes", "w ← w − η g"),
       QT_TRANSLATE_NOOP(
           "MethodNotes",
           "A well-conditioned loss and a tuned learning rate (usually with a decay schedule)."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Ravines (it oscillates across and crawls along them) and plateaus; too "
                         "large an η diverges, too small barely moves.")},
      {"momentum",
       QT_TRANSLATE_NOOP("MethodNotes",
                         "v ← μ v + g;  w ← w − η v   (LibTorch's form; steady directions move η / "
                         "(1 − μ) per step)"),
       QT_TRANSLATE_NOOP(
           "MethodNotes",
           "Gradients that keep their direction for a while (Polyak 1964; Sutskever et al. 2013)."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Overshoot and oscillation when η / (1 − μ) is too large; remember the "
                         "effective step is about 10× η at μ = 0.9.")},
      {"nesterov", QT_TRANSLATE_NOOP("MethodNotes", "v ← μ v + g;  w ← w − η (g + μ v)"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "As momentum, with the gradient taken after the momentum step (Nesterov "
                         "1983), which damps oscillation."),
       QT_TRANSLATE_NOOP("MethodNotes", "As momentum: too large a step; a little more forgiving.")},
      {"adagrad", QT_TRANSLATE_NOOP("MethodNotes", "G ← G + g²;  w ← w − η g / (sqrt(G) + ε)"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Sparse features that deserve larger steps when they rarely appear (Duchi "
                         "et al. 2011)."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Long non-convex training: G only grows, so the steps shrink towards zero "
                         "and learning stalls.")},
      {"rmsprop",
       QT_TRANSLATE_NOOP("MethodNotes", "s ← α s + (1 − α) g²;  w ← w − η g / (sqrt(s) + ε)"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "A running (forgetting) average of g² to normalize steps per weight "
                         "(Tieleman & Hinton 2012)."),
       QT_TRANSLATE_NOOP(
           "MethodNotes",
           "No bias correction: the first steps are too large; sensitive to η and ε.")},
      {"adam",
       QT_TRANSLATE_NOOP("MethodNotes",
                         "m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²;  w ← w − η m̂ / "
                         "(sqrt(v̂) + ε),  m̂ = m / (1 − β1ᵗ), v̂ = v / (1 − β2ᵗ)"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Momentum plus per-weight step sizes with bias correction: every weight "
                         "moves about η per step (Kingma & Ba 2015)."),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Can generalize worse than SGD with momentum; L2 weight decay gets scaled "
                         "by the adaptive step (use AdamW); there are convex problems where it "
                         "does not converge (Reddi et al. 2018).")},
      {"adamw",
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Adam's step, then w ← w − η λ w (decay decoupled from the gradient)"),
       QT_TRANSLATE_NOOP("MethodNotes",
                         "Weight decay meant as shrinkage, independent of the adaptive scaling "
                         "(Loshchilov & Hutter 2019)."),
       QT_TRANSLATE_NOOP("MethodNotes", "As Adam otherwise; λ must be tuned together with η.")},
  };
  return notes;
}

QString methodTooltip(const QString& name) {
  for (const auto* list : {&initializerNotes(), &optimizerNotes()}) {
    for (const MethodNote& note : *list) {
      if (name != QLatin1String(note.name)) continue;
      return QStringLiteral("<p><tt>%1</tt></p><p><b>%2</b> %3</p><p><b>%4</b> %5</p>")
          .arg(translated(note.formula).toHtmlEscaped(),
               QCoreApplication::translate("MethodNotes", "Assumes:"),
               translated(note.assumes).toHtmlEscaped(),
               QCoreApplication::translate("MethodNotes", "Fails:"),
               translated(note.fails).toHtmlEscaped());
    }
  }
  return {};
}

QString methodsHtml() {
  QString html =
      QStringLiteral("<h2>%1</h2>").arg(QCoreApplication::translate("MethodNotes", "Initializers"));
  // Headings in the window's words ("He (Kaiming) normal"), as the setup panel lists them.
  auto section = [&html](const QList<MethodNote>& notes, const QString& parameter) {
    for (const MethodNote& note : notes) {
      QString heading = QLatin1String(note.name);
      for (const Choice& choice : parameterChoices(parameter)) {
        if (choice.name == heading) heading = choice.label();
      }
      html += QStringLiteral("<h3>%1</h3>").arg(heading.toHtmlEscaped()) +
              methodTooltip(QLatin1String(note.name));
    }
  };
  section(initializerNotes(), QStringLiteral("initializer"));
  html +=
      QStringLiteral("<h2>%1</h2>").arg(QCoreApplication::translate("MethodNotes", "Optimizers"));
  section(optimizerNotes(), QStringLiteral("optimizer"));
  return html;
}

}  // namespace tunebench::ui
