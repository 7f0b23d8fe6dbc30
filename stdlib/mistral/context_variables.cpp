// Mistral's context variables, bound into lists reused from one evaluation to the next.
#include "stdlib/mistral/context_variables.h"

#include <array>
#include <deque>

namespace sirocco::mistral {

namespace {

constexpr const char* kContextNames[] = {"__env", "__execution", "__task_execution"};

// The four shapes of a list, by index: (underscore ? 2 : 0) + (data is a dict ? 1 : 0).
using Shapes = std::array<NamedValues, 4>;

Shapes make_shapes() {
  Shapes shapes;
  for (size_t shape = 0; shape < shapes.size(); ++shape) {
    if (shape & 2) shapes[shape].emplace_back("_", Value());
    if (shape & 1)
      for (const char* name : kContextNames) shapes[shape].emplace_back(name, Value());
  }
  return shapes;
}

// The lists of this thread, one set per nesting depth of the evaluations using them (a
// deque, so a set stays in place as deeper ones are added).
thread_local std::deque<Shapes> t_lists;
thread_local size_t t_depth = 0;

}  // namespace

ContextVariables::ContextVariables(const Value& data, bool underscore) {
  if (t_lists.size() == t_depth) t_lists.push_back(make_shapes());
  list_ = &t_lists[t_depth][(underscore ? 2 : 0) + (data.is_dict() ? 1 : 0)];
  ++t_depth;
  auto variable = list_->begin();
  if (underscore) (variable++)->second = data;
  if (!data.is_dict()) return;
  static const Value kKeys[] = {Value::string(kContextNames[0]), Value::string(kContextNames[1]),
                                Value::string(kContextNames[2])};
  for (const Value& key : kKeys) {
    const Value* value = data.as_dict().find(key);
    (variable++)->second = value ? *value : Value();
  }
}

ContextVariables::~ContextVariables() {
  for (auto& variable : *list_) variable.second = Value();  // keeps no data alive
  --t_depth;
}

}  // namespace sirocco::mistral
