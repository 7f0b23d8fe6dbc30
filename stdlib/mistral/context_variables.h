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

// The variables of one evaluation over `data`, as Jinja and YAQL read them: `_` bound to
// the data first when `underscore` (Jinja's), then the context variables. The lists are
// made once per thread and nesting depth and reused, so an evaluation allocates nothing
// for its names; objects of this class must be destroyed in reverse order of creation, as
// locals are.
class ContextVariables {
 public:
  ContextVariables(const Value& data, bool underscore);
  ~ContextVariables();
  ContextVariables(const ContextVariables&) = delete;
  ContextVariables& operator=(const ContextVariables&) = delete;

  const NamedValues& list() const { return *list_; }

 private:
  NamedValues* list_;
};

}  // namespace sirocco::mistral
