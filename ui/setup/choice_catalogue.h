#pragma once
#include <QList>
#include <QString>

namespace tunebench::ui {

// A value the setup panel offers in a list or combo: the study file's name for it, what the
// panel shows, and a one-line explanation for its tooltip. `label` and `explanation` are source
// texts of the "ChoiceCatalogue" translation context: show them through label() / explanation().
struct Choice {
  QString name;
  const char* label_source;
  const char* explanation_source;
  QString label() const;
  QString explanation() const;
};

const QList<Choice>& initializerChoices();
const QList<Choice>& optimizerChoices();
const QList<Choice>& activationChoices();
const QList<Choice>& datasetChoices();
const QList<Choice>& generatorChoices();
const QList<Choice>& samplerChoices();
const QList<Choice>& prunerChoices();

}  // namespace tunebench::ui
