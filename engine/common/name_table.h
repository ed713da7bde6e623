#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tunebench {

// One row of an enum's table of user-facing names ("xavier_uniform" <-> InitKind::kXavierUniform).
template <typename Enum>
struct NamedValue {
  const char* name;
  Enum value;
};

template <typename Enum, std::size_t N>
std::optional<Enum> valueForName(const NamedValue<Enum> (&table)[N], const std::string& name) {
  for (const auto& row : table) {
    if (name == row.name) return row.value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string nameForValue(const NamedValue<Enum> (&table)[N], Enum value) {
  for (const auto& row : table) {
    if (row.value == value) return row.name;
  }
  return "?";
}

// Every name of a table, in its order.
template <typename Enum, std::size_t N>
std::vector<std::string> namesOf(const NamedValue<Enum> (&table)[N]) {
  std::vector<std::string> names;
  for (const auto& row : table) names.emplace_back(row.name);
  return names;
}

}  // namespace tunebench
