// YAQL system functions: the `.`, `?.` and `->` operators, contexts (let, with, unpack,
// def), assert, call, and the `#property#` fallback for `x.name`.
#include "stdlib/yaql/stdlib.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {

namespace {

Value context_value(ScopePtr s) { return Value::opaque(boost::intrusive_ptr<Object>(s.get())); }

// A function defined by def(): its arguments become $1.., its keyword arguments $name.
FunctionDefPtr defined_function(const std::string& name, Lambda body) {
  auto def = std::make_shared<FunctionDef>(parse_signature(name + "(*args: any, **kwargs: any)"));
  def->impl = [body](Call& c) {
    ScopePtr s = child_scope(c.scope);
    std::vector<Value> args = c.rest();
    for (size_t i = 0; i < args.size(); ++i) s->set(std::to_string(i + 1), args[i]);
    for (const auto& [k, slot] : c.kwargs) s->set(k, slot.value);
    return body.try_call_in(s);
  };
  return def;
}

}  // namespace

void register_system(Registry& r) {
  r.add("#operator_.(receiver: any, expr: method_lambda)",
        [](Call& c) { return c.lambda(1).try_call_method(c[0]); });

  r.add("#operator_?.(receiver: any, expr: expr)", [](Call& c) {
    if (c[0].is_null()) return Value();
    return c.ev.call("#operator_.", c.scope, {RawArg::of(c[0]), RawArg::of(c.node(1))});
  });

  // `x.name` when nothing more specific matches: the '#property#name' function of x.
  r.add(
      "#operator_.(obj: any, name: keyword)",
      [](Call& c) { return c.ev.call("#property#" + c.keyword(1), c.scope, {RawArg::of(c[0])}); },
      1);

  r.add("#operator_->(left: context, right: context_lambda)",
        [](Call& c) { return c.lambda(1).try_call_in(scope_of(c[0])); });

  r.add("let(*args: any, **kwargs: any)", [](Call& c) {
    ScopePtr s = child_scope(c.scope);
    std::vector<Value> args = c.rest();
    for (size_t i = 0; i < args.size(); ++i) s->set(std::to_string(i + 1), args[i]);
    for (const auto& [k, slot] : c.kwargs) s->set(k, slot.value);
    return context_value(s);
  });

  r.add("with(*args: any)", [](Call& c) {
    ScopePtr s = child_scope(c.scope);
    std::vector<Value> args = c.rest();
    for (size_t i = 0; i < args.size(); ++i) s->set(std::to_string(i + 1), args[i]);
    return context_value(s);
  });

  r.add("method unpack(sequence: iterable, *args: string)", [](Call& c) {
    std::vector<Value> names = c.rest();
    List items = to_list(c[0]);
    if (!names.empty() && names.size() != items.size())
      throw Error("ValueError", "Cannot unpack " + std::to_string(items.size()) +
                                    " elements into " + std::to_string(names.size()));
    ScopePtr s = child_scope(c.scope);
    for (size_t i = 0; i < items.size(); ++i)
      s->set(names.empty() ? std::to_string(i + 1) : names[i].as_string(), items[i]);
    return context_value(s);
  });

  r.add("def(name: string, func: lambda)", [](Call& c) {
    ScopePtr s = child_scope(c.scope);
    s->define(defined_function(c[0].as_string(), c.lambda(1)));
    return context_value(s);
  });

  r.add("method assert(obj: any, condition: lambda, message: string = 'Assertion failed')",
        [](Call& c) {
          Value obj = materialize(c[0]);
          if (!truthy(c.lambda(1)(obj))) throw Error("AssertionError", c[2].as_string());
          return obj;
        });

  // A fourth argument, even null, makes it a method call on that receiver.
  r.add("call(name: string, args: sequence, kwargs: mapping, *receiver: any)", [](Call& c) {
    const std::vector<Value> receiver = c.rest();
    if (receiver.size() > 1)
      throw Error("NoMatchingFunctionException", "No function \"call\" matches supplied arguments");
    RawArgs args;
    for (const auto& a : c[1].as_list()) args.push_back(RawArg::of(a));
    std::vector<std::pair<std::string, RawArg>> kwargs;
    for (const auto& [k, v] : c[2].as_dict())
      if (k.is_string()) kwargs.emplace_back(k.as_string(), RawArg::of(v));
    return c.ev.call(c[0].as_string(), c.scope, std::move(args),
                     receiver.empty() ? nullptr : &receiver[0], c.span, kwargs);
  });
}

}  // namespace sirocco::yaql
