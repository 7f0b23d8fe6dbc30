// Reading one JSON object of a document field by field, for the snapshot reader: required
// and optional fields of each kind, unknown fields refused, and every error a SnapshotError
// that names the field's path (`executions[1].tasks[0].state: ...`).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "interp/value.h"

namespace sirocco::mistral {

// Throws Error("SnapshotError", "PATH: what").
[[noreturn]] void fail_at(const std::string& path, const std::string& what);

class FieldReader {
 public:
  // `object` must be a JSON object whose keys are all in `known`.
  FieldReader(const Value& object, std::string path, std::initializer_list<const char*> known);

  // The path of one of its fields.
  std::string at(std::string_view name) const;
  const Value* find(const char* name) const;

  std::string text(const char* name) const;                          // required, non-empty
  std::optional<std::string> optional_text(const char* name) const;  // absent or null: none
  Value text_or_null(const char* name) const;
  // A required text that must be one of `choices` (`fallback` when absent, if given).
  std::string one_of(const char* name, std::initializer_list<const char*> choices,
                     const char* fallback = nullptr) const;
  Value object(const char* name) const;                      // absent: {}
  Value any(const char* name) const;                         // absent: null
  const List& array(const char* name, bool required) const;  // absent: []
  // 'YYYY-MM-DD HH:MM:SS[.ffffff]' ('T' may separate): a naive datetime; absent or null:
  // null unless required.
  Value time(const char* name, bool required) const;

 private:
  std::string path_;
  const Dict* dict_ = nullptr;
};

}  // namespace sirocco::mistral
