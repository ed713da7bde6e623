#pragma once
#include <string>

#include "config/study_file.h"

namespace tunebench {

// What storage keeps as a study's definition: the study file's text as written, where it came
// from and the folder relative data paths start from (JSON). Resume, show and the window's
// Open Results read it back, so a stored study needs no study file beside it.
std::string storedDefinition(const StudyFile& study);

// Parses a stored definition back into the study. Throws UserError naming `storage_path` when the
// definition is damaged, and the study file's own errors when its text no longer validates.
// `data_root`, when set, replaces the stored base folder (each host's own copy of the data).
StudyFile studyFromStoredDefinition(const std::string& definition, const std::string& storage_path,
                                    const std::string& data_root = "");

// A stored definition whose study runs `seed_count` seeds per configuration: its seeds, then the
// smallest unused ones (the study text's "seeds" written as a count when they are 0..N-1, else
// as the list), with the new seeds alone in `added`. Throws UserError naming `storage_path` when
// `seed_count` is below the study's seeds (seeds are only added) or above 1000.
std::string definitionWithSeeds(const std::string& definition, const StudyFile& study,
                                std::int64_t seed_count, const std::string& storage_path,
                                std::vector<std::uint64_t>& added);

// The text of a study that runs one trial again: `study_text` with its configurations replaced
// by `params`, no search, budget or pruner, `seed` as its only seed, and `name` as its name.
std::string rerunStudyText(const std::string& study_text, const ParamMap& params,
                           std::uint64_t seed, const std::string& name);

}  // namespace tunebench
