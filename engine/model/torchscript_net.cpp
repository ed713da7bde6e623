#include "model/torchscript_net.h"

#include <torch/script.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>

#include "common/abandonable.h"
#include "common/user_error.h"
#include "model/shape_text.h"

namespace tunebench {
namespace {

// nn::Module names may not contain dots: "fc1.weight" is registered as "fc1_weight".
std::string registeredName(const std::string& name) {
  std::string out = name;
  for (char& c : out) {
    if (c == '.') c = '_';
  }
  return out;
}

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

struct TorchScriptNet::Scripted {
  torch::jit::Module module;
  std::string first_weight;
};

TorchScriptNet::TorchScriptNet(const std::string& path) : scripted_(std::make_unique<Scripted>()) {
  // Its type and size first, never by opening it: a FIFO would wait for a writer forever, a
  // device never end.
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) throw UserError("model.path", path + ": no such file");
  if (!std::filesystem::is_regular_file(status))
    throw UserError("model.path",
                    path + ": not a regular file (a TorchScript module is a .pt file)");
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error || size > kMostModelFileBytes) {
    throw UserError("model.path", path + ": " +
                                      (error ? "cannot read its size"
                                             : std::to_string(size) + " bytes, more than the " +
                                                   std::to_string(kMostModelFileBytes >> 30) +
                                                   " GiB a model file may be"));
  }
  try {
    scripted_->module = torch::jit::load(path, torch::kCPU);
  } catch (const c10::Error& error) {
    throw UserError("model.path", path + ": not a TorchScript module LibTorch can load (" +
                                      firstLine(error.what_without_backtrace()) + ")");
  } catch (const std::exception& error) {
    throw UserError("model.path", path + ": " + firstLine(error.what()));
  }
  torch::jit::Module& module = scripted_->module;
  if (module.hasattr("input_shape")) {
    const c10::IValue shape = module.attr("input_shape");
    if (shape.isIntList()) input_shape_ = shape.toIntVector();
  }
  std::map<std::string, torch::Tensor> parameters;
  std::vector<std::string> order;
  for (const auto& named : module.named_parameters(/*recurse=*/true)) {
    parameters[named.name] = named.value;
    order.push_back(named.name);
    register_parameter(registeredName(named.name), named.value);
  }
  for (const auto& named : module.named_buffers(/*recurse=*/true))
    register_buffer(registeredName(named.name), named.value);
  std::vector<std::string> biases_used;
  for (const std::string& name : order) {
    const torch::Tensor& weight = parameters[name];
    if (weight.dim() < 2) continue;
    const std::string::size_type dot = name.rfind('.');
    const std::string layer = dot == std::string::npos ? name : name.substr(0, dot);
    const std::string bias_name = (dot == std::string::npos ? "" : layer + ".") + "bias";
    const auto bias = parameters.find(bias_name);
    const bool has_bias =
        bias != parameters.end() && bias->second.dim() == 1 && dot != std::string::npos;
    if (has_bias) biases_used.push_back(bias_name);
    if (scripted_->first_weight.empty())
      scripted_->first_weight = name + " " + shapeText(weight.sizes());
    addWeightLayer(layer, weight, has_bias ? bias->second : torch::Tensor());
  }
  for (const std::string& name : order) {
    const torch::Tensor& tensor = parameters[name];
    const bool used = tensor.dim() >= 2 ||
                      std::find(biases_used.begin(), biases_used.end(), name) != biases_used.end();
    if (!used) left_alone_.push_back(name + " " + shapeText(tensor.sizes()));
  }
  if (weightLayers().empty())
    throw UserError("model.path", path + ": the module has no weight of rank >= 2 to initialize");
}

TorchScriptNet::~TorchScriptNet() = default;

torch::Tensor TorchScriptNet::forward(const torch::Tensor& inputs) {
  return scripted_->module.forward({inputs}).toTensor();
}

void TorchScriptNet::train(bool on) {
  ClassifierNet::train(on);
  scripted_->module.train(on);
}

std::string TorchScriptNet::firstWeightText() const { return scripted_->first_weight; }

torch::Tensor TorchScriptNet::forwardWithin(const torch::Tensor& inputs, double seconds,
                                            const std::string& path) {
  // Handles, not copies: the module and the answer live as long as the thread needs them.
  const auto module = std::make_shared<torch::jit::Module>(scripted_->module);
  const auto answer = std::make_shared<torch::Tensor>();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  const bool returned = runOrAbandon(
      [module, inputs, answer] {
        torch::NoGradGuard no_grad;
        *answer = module->forward({inputs}).toTensor();
      },
      [deadline] { return std::chrono::steady_clock::now() > deadline; });
  if (!returned) {
    throw UserError("model.path", path + ": its forward on a batch of " +
                                      std::to_string(inputs.size(0)) + " did not return within " +
                                      std::to_string(static_cast<int>(seconds)) +
                                      " s (a loop that never ends?)");
  }
  return *answer;
}

void checkTorchScriptFits(TorchScriptNet& net, const std::string& path,
                          const std::vector<std::int64_t>& sample_shape, std::int64_t num_classes) {
  const std::string given = shapeText(sample_shape, true);
  const std::vector<std::int64_t>& declared = net.declaredInputShape();
  const std::string expects = !declared.empty()
                                  ? shapeText(declared, true)
                                  : "what its first layer takes (" + net.firstWeightText() + ")";
  if (!declared.empty() && declared != sample_shape)
    throw UserError("model.path", path + " expects " + expects + ", the data set gives " + given);
  std::vector<std::int64_t> batch_shape{2};
  batch_shape.insert(batch_shape.end(), sample_shape.begin(), sample_shape.end());
  torch::Tensor logits;
  try {
    const bool training = net.is_training();
    net.train(false);
    logits = net.forwardWithin(torch::zeros(batch_shape), kFitCheckSeconds, path);
    net.train(training);
  } catch (const UserError&) {
    throw;
  } catch (const std::exception& error) {
    std::string why = error.what();
    if (const auto* c10_error = dynamic_cast<const c10::Error*>(&error))
      why = c10_error->what_without_backtrace();
    throw UserError("model.path", path + " expects " + expects + ", the data set gives " + given +
                                      " (" + firstLine(why) + ")");
  }
  if (logits.dim() != 2 || logits.size(0) != 2 || logits.size(1) != num_classes)
    throw UserError("model.path",
                    path + " gives outputs " + shapeText(logits.sizes().slice(1), true) +
                        " for a batch of N; the data set has " + std::to_string(num_classes) +
                        " classes, so it must give [N, " + std::to_string(num_classes) +
                        "] logits");
}

}  // namespace tunebench
