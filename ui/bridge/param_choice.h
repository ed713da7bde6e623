#pragma once
#include <QString>

namespace tunebench::ui {

// A value the window offers in a list or combo: the study file's name for it, what the window
// shows, and a one-line explanation for its tooltip. `label_source` and `explanation_source` are
// source texts of the "ChoiceCatalogue" translation context (the parameter table's, or the
// study settings' in ui/setup/choice_catalogue): show them through label() / explanation().
struct Choice {
  QString name;
  const char* label_source = nullptr;  // nullptr: the name is shown
  const char* explanation_source = nullptr;
  QString label() const;
  QString explanation() const;
};

}  // namespace tunebench::ui
