// Jinja's filters that apply a filter or a test to every item: map, select, reject,
// selectattr and rejectattr. Filters and tests are called by name through the runtime;
// attribute paths go through the runtime's getitem.
#include <algorithm>
#include <optional>

#include "interp/error.h"
#include "interp/text.h"
#include "stdlib/jinja/filters_internal.h"

namespace sirocco::jinja::filters {
namespace {

// A filter or test name; looking a strict Undefined up in the environment's dict fails.
Outcome<std::string> name_of(const Value& name) {
  SIROCCO_RETURN_IF_ERROR(refuse_strict(name));
  return name.is_string() ? name.as_string() : python_repr(name);
}

using ItemMap = std::function<Outcome<Value>(const Value&)>;

// prepare_map: `map(attribute=..., default=...)` or `map(filter_name, *args, **kwargs)`.
Outcome<ItemMap> prepare_map(Call& c) {
  std::vector<Value> args = c.rest();
  Kwargs kwargs = c.kwargs;
  auto attribute = std::find_if(kwargs.begin(), kwargs.end(),
                                [](const auto& kw) { return kw.first == "attribute"; });
  if (args.empty() && attribute != kwargs.end()) {
    Value path = attribute->second;
    kwargs.erase(attribute);
    Value default_value;
    auto given_default = std::find_if(kwargs.begin(), kwargs.end(),
                                      [](const auto& kw) { return kw.first == "default"; });
    if (given_default != kwargs.end()) {
      default_value = given_default->second;
      kwargs.erase(given_default);
    }
    if (!kwargs.empty())
      return Error("FilterArgumentError", "Unexpected keyword argument " +
                                              python_repr(Value::string(kwargs.front().first)));
    return ItemMap(AttributeGetter(c.runtime, path, false, default_value));
  }
  if (args.empty()) return Error("FilterArgumentError", "map requires a filter argument");
  SIROCCO_ASSIGN_OR_RETURN(std::string name, name_of(args.front()));
  args.erase(args.begin());
  Runtime& runtime = c.runtime;
  Span span = c.span;
  return ItemMap([&runtime, name, args, kwargs, span](const Value& item) {
    std::vector<Value> call_args{item};
    call_args.insert(call_args.end(), args.begin(), args.end());
    return runtime.call_filter(name, std::move(call_args), kwargs, span);
  });
}

Value map(Call& c) {
  return produced_sequence([&c](List& out) -> Status {
    SIROCCO_ASSIGN_OR_RETURN(const bool any, truth(c[0]));
    if (!any) return {};
    SIROCCO_ASSIGN_OR_RETURN(const ItemMap apply, prepare_map(c));
    SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(c[0]));
    for (const Value& item : items) {
      SIROCCO_ASSIGN_OR_RETURN(Value mapped, apply(item));
      out.push_back(std::move(mapped));
    }
    return {};
  });
}

// select_or_reject: keeps the items whose test result (or truth, without a test name)
// equals `keep`; with lookup_attr the first argument names the attribute to test.
Value select_or_reject(Call& c, bool keep, bool lookup_attr) {
  return produced_sequence([&c, keep, lookup_attr](List& out) -> Status {
    SIROCCO_ASSIGN_OR_RETURN(const bool any, truth(c[0]));
    if (!any) return {};
    std::vector<Value> args = c.rest();
    std::optional<AttributeGetter> attribute;
    if (lookup_attr) {
      if (args.empty()) return Error("FilterArgumentError", "Missing parameter for attribute name");
      attribute.emplace(c.runtime, args.front());
      args.erase(args.begin());
    }
    std::optional<std::string> test;
    if (!args.empty()) {
      SIROCCO_ASSIGN_OR_RETURN(test, name_of(args.front()));
      args.erase(args.begin());
    }
    SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(c[0]));
    for (const Value& item : items) {
      Value subject = item;
      if (attribute) {
        SIROCCO_ASSIGN_OR_RETURN(subject, (*attribute)(item));
      }
      bool passed;
      if (test) {
        std::vector<Value> call_args{subject};
        call_args.insert(call_args.end(), args.begin(), args.end());
        SIROCCO_ASSIGN_OR_RETURN(
            passed, c.runtime.call_test(*test, std::move(call_args), c.kwargs, c.span));
      } else {
        SIROCCO_ASSIGN_OR_RETURN(passed, truth(subject));
      }
      if (passed == keep) out.push_back(item);
    }
    return {};
  });
}

}  // namespace

void register_selection_filters(Registry& r) {
  r.add("map(value: any, *args: any, **kwargs: any)", map);
  r.add("select(value: any, *args: any, **kwargs: any)",
        [](Call& c) { return select_or_reject(c, true, false); });
  r.add("reject(value: any, *args: any, **kwargs: any)",
        [](Call& c) { return select_or_reject(c, false, false); });
  r.add("selectattr(value: any, *args: any, **kwargs: any)",
        [](Call& c) { return select_or_reject(c, true, true); });
  r.add("rejectattr(value: any, *args: any, **kwargs: any)",
        [](Call& c) { return select_or_reject(c, false, true); });
}

}  // namespace sirocco::jinja::filters
