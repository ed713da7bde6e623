#include "model/small_mlp_step.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

#include "model/small_matmul.h"
#include "model/stacked_matmul.h"

namespace tunebench {
namespace {

constexpr float kInverseSqrt2 = 0.70710678118654752f;
constexpr float kInverseSqrt2Pi = 0.39894228040143268f;

float activate(Activation activation, float z) {
  switch (activation) {
    case Activation::kRelu:
      return z > 0.0f ? z : (std::isnan(z) ? z : 0.0f);
    case Activation::kLeakyRelu:
      return z > 0.0f ? z : z * static_cast<float>(kLeakyReluSlope);
    case Activation::kTanh:
      return std::tanh(z);
    case Activation::kSigmoid:
      return 1.0f / (1.0f + std::exp(-z));
    case Activation::kGelu:
      return 0.5f * z * (1.0f + std::erf(z * kInverseSqrt2));
    case Activation::kLinear:
      return z;
  }
  return z;
}

// d activation(z) / dz, from z and h = activation(z).
float derivative(Activation activation, float z, float h) {
  switch (activation) {
    case Activation::kRelu:
      return h > 0.0f ? 1.0f : 0.0f;
    case Activation::kLeakyRelu:
      return z > 0.0f ? 1.0f : static_cast<float>(kLeakyReluSlope);
    case Activation::kTanh:
      return 1.0f - h * h;
    case Activation::kSigmoid:
      return h * (1.0f - h);
    case Activation::kGelu:
      return 0.5f * (1.0f + std::erf(z * kInverseSqrt2)) +
             z * std::exp(-0.5f * z * z) * kInverseSqrt2Pi;
    case Activation::kLinear:
      return 1.0f;
  }
  return 1.0f;
}

}  // namespace

bool smallMlpStepApplies(const StackedMlpView& mlp, std::int64_t batch) {
  for (const at::Tensor& weight : *mlp.weights) {
    if (!weight.device().is_cpu() || weight.scalar_type() != at::kFloat ||
        batch * weight.size(1) * weight.size(2) > kMostSmallMatmulMultiplyAdds)
      return false;
  }
  return !mlp.weights->empty();
}

at::Tensor smallMlpTrainingStep(const StackedMlpView& mlp, const at::Tensor& inputs,
                                const at::Tensor& targets) {
  at::NoGradGuard no_grad;
  const std::vector<at::Tensor>& weights = *mlp.weights;
  const std::vector<at::Tensor>& biases = *mlp.biases;
  const std::size_t layers = weights.size();
  const std::int64_t slices = weights.front().size(0), batch = inputs.size(1);
  const std::int64_t classes = weights.back().size(2);
  TORCH_CHECK(inputs.dim() >= 3 && inputs.size(0) == slices &&
                  inputs.numel() == slices * batch * weights.front().size(1),
              "smallMlpTrainingStep: inputs are not [K, B, features]");
  TORCH_CHECK(targets.numel() == slices * batch, "smallMlpTrainingStep: targets are not [K, B]");
  for (std::size_t l = 0; l < layers; ++l)
    TORCH_CHECK(weights[l].is_contiguous() && biases[l].is_contiguous(),
                "smallMlpTrainingStep: a layer's weights are not contiguous");
  // Forward: z[l] = h[l] W[l] + b[l]; h[l + 1] = activation(z[l]) for the hidden layers.
  std::vector<at::Tensor> h{inputs.reshape({slices, batch, -1}).to(at::kFloat).contiguous()};
  std::vector<at::Tensor> z;
  for (std::size_t l = 0; l < layers; ++l) {
    const at::Tensor& w = weights[l];
    const std::int64_t in = w.size(1), out = w.size(2);
    at::Tensor zl = at::empty({slices, batch, out}, w.options());
    smallBatchedMatmul(h[l].data_ptr<float>(), batch * in, in, 1, w.data_ptr<float>(), in * out,
                       zl.data_ptr<float>(), batch * out, slices, batch, in, out);
    float* zp = zl.data_ptr<float>();
    const float* bp = biases[l].data_ptr<float>();
    for (std::int64_t k = 0; k < slices; ++k)
      for (std::int64_t b = 0; b < batch; ++b)
        for (std::int64_t o = 0; o < out; ++o) zp[(k * batch + b) * out + o] += bp[k * out + o];
    z.push_back(zl);
    if (l + 1 == layers) break;
    at::Tensor hl = at::empty_like(zl);
    float* hp = hl.data_ptr<float>();
    for (const ActivationRun& run : *mlp.runs) {
      const std::int64_t begin = run.first * batch * out,
                         end = (run.first + run.count) * batch * out;
      for (std::int64_t i = begin; i < end; ++i) hp[i] = activate(run.activation, zp[i]);
    }
    h.push_back(hl);
  }
  // Each slice's mean cross-entropy, and its gradient on the logits: (softmax - one-hot) / B.
  const at::Tensor& logits = z.back();
  at::Tensor dz = at::empty_like(logits);
  at::Tensor losses = at::empty({slices}, logits.options());
  float* loss_out = losses.data_ptr<float>();
  const at::Tensor labels = targets.reshape({slices, batch}).to(at::kLong).contiguous();
  const float* lp = logits.data_ptr<float>();
  const std::int64_t* yp = labels.data_ptr<std::int64_t>();
  float* dp = dz.data_ptr<float>();
  const float inverse_batch = 1.0f / static_cast<float>(batch);
  for (std::int64_t k = 0; k < slices; ++k) {
    double loss = 0.0;
    for (std::int64_t b = 0; b < batch; ++b) {
      const float* row = lp + (k * batch + b) * classes;
      float* grad = dp + (k * batch + b) * classes;
      const float top = *std::max_element(row, row + classes);
      float sum = 0.0f;
      for (std::int64_t c = 0; c < classes; ++c) sum += std::exp(row[c] - top);
      const std::int64_t label = yp[k * batch + b];
      TORCH_CHECK(label >= 0 && label < classes,
                  "smallMlpTrainingStep: a target is not a class index below ", classes);
      loss += static_cast<double>(top + std::log(sum) - row[label]);
      for (std::int64_t c = 0; c < classes; ++c)
        grad[c] = std::exp(row[c] - top) / sum * inverse_batch;
      grad[label] -= inverse_batch;
    }
    loss_out[k] = static_cast<float>(loss / static_cast<double>(batch));
  }
  // Backward, layer by layer from the top: dW = h^T dz, db = the batch's sum of dz, and
  // dz for the layer below = (dz W^T) times the activation's derivative.
  for (std::size_t l = layers; l-- > 0;) {
    const at::Tensor& w = weights[l];
    const std::int64_t in = w.size(1), out = w.size(2);
    at::Tensor dw = at::empty_like(w);
    smallBatchedMatmul(h[l].data_ptr<float>(), batch * in, 1, in, dz.data_ptr<float>(), batch * out,
                       dw.data_ptr<float>(), in * out, slices, in, batch, out);
    at::Tensor db = at::zeros_like(biases[l]);
    float* dbp = db.data_ptr<float>();
    const float* dzp = dz.data_ptr<float>();
    for (std::int64_t k = 0; k < slices; ++k)
      for (std::int64_t b = 0; b < batch; ++b)
        for (std::int64_t o = 0; o < out; ++o) dbp[k * out + o] += dzp[(k * batch + b) * out + o];
    w.mutable_grad() = dw;
    biases[l].mutable_grad() = db;
    if (l == 0) break;
    at::Tensor below = at::empty({slices, batch, in}, dz.options());
    // dz W^T, with W^T laid out row by row (a few floats) for the one product loop.
    const at::Tensor w_t = w.detach().transpose(1, 2).contiguous();
    smallBatchedMatmul(dzp, batch * out, out, 1, w_t.data_ptr<float>(), out * in,
                       below.data_ptr<float>(), batch * in, slices, batch, out, in);
    float* bp = below.data_ptr<float>();
    const float* zp = z[l - 1].data_ptr<float>();
    const float* hp = h[l].data_ptr<float>();
    for (const ActivationRun& run : *mlp.runs) {
      const std::int64_t begin = run.first * batch * in, end = (run.first + run.count) * batch * in;
      for (std::int64_t i = begin; i < end; ++i) bp[i] *= derivative(run.activation, zp[i], hp[i]);
    }
    dz = below;
  }
  return losses;
}

}  // namespace tunebench
