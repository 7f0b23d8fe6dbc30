// The variables Mistral binds besides the data in both languages: `__env`, `__execution`
// and `__task_execution`, each the data's key of that name (None when missing), when the
// data is a dict; none otherwise.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "interp/value.h"

namespace sirocco::mistral {

using NamedValues = std::vector<std::pair<std::string, Value>>;

inline NamedValues context_variables(const Value& data) {
  NamedValues variables;
  if (!data.is_dict()) return variables;
  variables.reserve(3);
  static const Value kNames[] = {Value::string("__env"), Value::string("__execution"),
                                 Value::string("__task_execution")};
  for (const Value& name : kNames) {
    const Value* v = data.as_dict().find(name);
    variables.emplace_back(name.as_string(), v ? *v : Value());
  }
  return variables;
}

}  // namespace sirocco::mistral
