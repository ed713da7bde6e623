#include "model/shape_text.h"

namespace tunebench {

std::string shapeText(c10::IntArrayRef shape, bool batch) {
  std::string text = batch ? "[N" : "[";
  for (std::size_t i = 0; i < shape.size(); ++i)
    text += (i > 0 || batch ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

}  // namespace tunebench
