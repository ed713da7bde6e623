#include "storage/lifecycle_support.h"

#include <chrono>

namespace tunebench {

std::string acceptingSql(TrialEventKind kind, const std::string& prefix,
                         const std::string& worker_param) {
  const TrialPrecondition rule = preconditionOf(kind);
  std::string list;
  for (const TrialState state : rule.states)
    list += (list.empty() ? "'" : ", '") + trialStateName(state) + "'";
  std::string sql = prefix + "state IN (" + list + ")";
  if (rule.held_by_event_worker) sql += " AND " + prefix + "worker = " + worker_param;
  return sql;
}

std::string transitionSetSql(const TrialTransition& next,
                             const std::function<std::string()>& placeholder,
                             const std::string& now) {
  std::string sql = "state = '" + trialStateName(next.to) + "'";  // a name from the enum
  if (!next.reason.empty()) sql += ", reason = " + placeholder();
  if (next.take_worker) {
    sql += ", worker = " + placeholder();
    sql += ", device = " + placeholder();
  }
  if (next.beat) sql += ", heartbeat = " + now;
  return sql;
}

std::string queueSeedSql(const std::string& trials_table, const std::string& study,
                         const std::string& seed) {
  const std::string& t = trials_table;
  return "INSERT INTO " + t +
         "(study_id, configuration_index, seed, params, configuration, state) "
         "SELECT study_id, configuration_index, " +
         seed + ", params, configuration, 'WAITING' FROM " + t +
         " AS first WHERE study_id = " + study + " AND id = (SELECT MIN(id) FROM " + t +
         " AS same WHERE same.study_id = first.study_id AND same.configuration_index = "
         "first.configuration_index) AND NOT EXISTS (SELECT 1 FROM " +
         t +
         " AS seeded WHERE seeded.study_id = first.study_id AND seeded.configuration_index = "
         "first.configuration_index AND seeded.seed = " +
         seed + ") ORDER BY configuration_index";
}

double unixSecondsNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace tunebench
