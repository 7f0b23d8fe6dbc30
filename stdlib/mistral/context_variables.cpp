// Mistral's context variables, bound into lists reused from one evaluation to the next.
#include "stdlib/mistral/context_variables.h"

#include <array>
#include <deque>
#include <string_view>

namespace sirocco::mistral {

namespace {

constexpr std::string_view kContextNames[] = {"__env", "__execution", "__task_execution"};
// Up to this size, a dict's keys are scanned once rather than looked up one by one.
constexpr size_t kScannedEntries = 8;

// The four shapes of a list, by index: (underscore ? 2 : 0) + (data is a dict ? 1 : 0).
using Shapes = std::array<NamedValues, 4>;

Shapes make_shapes() {
  Shapes shapes;
  for (size_t shape = 0; shape < shapes.size(); ++shape) {
    if (shape & 2) shapes[shape].emplace_back("_", Value());
    if (shape & 1)
      for (std::string_view name : kContextNames) shapes[shape].emplace_back(name, Value());
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
  const Dict& dict = data.as_dict();
  // The context variables' values (null since the last use), in kContextNames order.
  const auto bound = [&](size_t i) -> Value& {
    return (variable + static_cast<ptrdiff_t>(i))->second;
  };
  if (dict.size() > kScannedEntries) {
    static const Value kKeys[] = {Value::string(std::string(kContextNames[0])),
                                  Value::string(std::string(kContextNames[1])),
                                  Value::string(std::string(kContextNames[2]))};
    for (size_t i = 0; i < 3; ++i)
      if (const Value* value = dict.find(kKeys[i])) bound(i) = *value;
    return;
  }
  for (const auto& [key, value] : dict) {
    if (!key.is_string() || !key.as_string().starts_with("__")) continue;
    for (size_t i = 0; i < 3; ++i)
      if (key.as_string() == kContextNames[i]) bound(i) = value;
  }
}

ContextVariables::~ContextVariables() {
  for (auto& variable : *list_) variable.second = Value();  // keeps no data alive
  --t_depth;
}

}  // namespace sirocco::mistral
