#pragma once
#include <QIcon>

namespace tunebench::ui {

// The application icon (two falling loss curves), painted at every size a window system asks
// for, so no image plugin is needed; resources/icons/tunebench.svg is the same drawing for the
// desktop entry.
QIcon applicationIcon();

}  // namespace tunebench::ui
