// The YAQL evaluator: scopes, lambdas, and overload resolution the way python-yaql does it —
// candidates by scope level, arity and keyword names first, then the lazy parameters stay
// unevaluated, the others are evaluated once and the most specific matching overload wins.
#include "interp/yaql_eval.h"

#include "interp/budget.h"

#include <algorithm>

#include "interp/memory_quota.h"
#include "interp/text.h"

namespace sirocco::yaql {

// --- scopes -----------------------------------------------------------------------------

Scope::Scope(boost::intrusive_ptr<Scope> parent)
    : parent_(std::move(parent)), defines_functions_(parent_ && parent_->defines_functions_) {}

const Value* Scope::lookup(std::string_view name) const {
  for (const Scope* s = this; s; s = s->parent_.get())
    for (auto it = s->vars_.rbegin(); it != s->vars_.rend(); ++it)
      if (it->first == name) return &it->second;
  return nullptr;
}

void Scope::set(std::string_view name, Value value) {
  if (name.empty()) name = "1";
  for (auto& [n, v] : vars_)
    if (n == name) {
      v = std::move(value);
      return;
    }
  vars_.emplace_back(std::string(name), std::move(value));
}

void Scope::define(FunctionDefPtr f) {
  functions_.push_back(std::move(f));
  defines_functions_ = true;
}

ScopePtr child_scope(const ScopePtr& parent) { return ScopePtr(new Scope(parent)); }

ScopePtr scope_of(const Value& v) {
  if (!v.is_opaque()) return nullptr;
  auto* s = dynamic_cast<const Scope*>(v.as_opaque());
  return ScopePtr(const_cast<Scope*>(s));
}

// --- lambdas ----------------------------------------------------------------------------

Value Lambda::operator()(const std::vector<Value>& args) const {
  if (!node_) return callable_.is_function() ? callable_.as_function().call(args) : callable_;
  ScopePtr s = child_scope(scope_);
  for (size_t i = 0; i < args.size(); ++i) s->set(std::to_string(i + 1), args[i]);
  return ev_->eval(*node_, s);
}

Value Lambda::operator()(const Value& arg) const {
  if (!node_) return callable_.is_function() ? callable_.as_function().call({arg}) : callable_;
  ScopePtr s = child_scope(scope_);
  s->set("1", arg);
  return ev_->eval(*node_, s);
}

Value Lambda::call_method(const Value& receiver) const {
  if (!node_) return callable_.is_function() ? callable_.as_function().call({receiver}) : callable_;
  return ev_->eval(*node_, child_scope(scope_), &receiver);
}

Value Lambda::call_in(const ScopePtr& context) const {
  if (!node_) return callable_.is_function() ? callable_.as_function().call({}) : callable_;
  return ev_->eval(*node_, context);
}

Lambda Call::lambda(size_t i) const {
  const Slot& s = slots[i];
  if (s.node) return Lambda(&ev, s.node, scope);
  return Lambda(s.value);
}

std::vector<Value> Call::rest() const {
  std::vector<Value> out;
  for (size_t i = rest_begin(); i < slots.size(); ++i) out.push_back(slots[i].value);
  return out;
}

std::pair<Lambda, Lambda> Call::rule(size_t i) const {
  const Node* n = slots[i].node;
  return {Lambda(&ev, n->args[0].get(), scope), Lambda(&ev, n->args[1].get(), scope)};
}

// --- evaluation -------------------------------------------------------------------------

Evaluator::Evaluator(const Registry& registry, const Limits& limits)
    : registry_(registry), limits_(limits) {
  if (limits_.timeout_ms > 0)
    deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(limits_.timeout_ms);
}

void Evaluator::enter(Span span) {
  if (++depth_ > limits_.max_eval_depth) {
    --depth_;
    throw Error("RecursionError", "maximum recursion depth exceeded", span);
  }
  ++steps_;
  if (limits_.max_steps >= 0 && steps_ > limits_.max_steps) {
    --depth_;
    throw Error("StepLimitExceeded", "evaluation exceeded its step budget", span);
  }
  if (limits_.timeout_ms > 0 && (steps_ & 63) == 0 &&
      std::chrono::steady_clock::now() > deadline_) {
    --depth_;
    throw Error("TimeoutError", "evaluation timed out", span);
  }
}

void Evaluator::check_collection_size(size_t items) const {
  if (limits_.max_collection_items >= 0 &&
      static_cast<int64_t>(items) > limits_.max_collection_items)
    throw Error(
        "CollectionTooLargeException",
        "Collection length exceeds " + std::to_string(limits_.max_collection_items) + " elements");
  if (items % kBudgetCheckInterval == 0) charge_items(items);
}

namespace {

// A collection argument under the iterator limit: pulling more items than the limit from it
// raises, as the reference's limit_iterable() does.
class LimitedSequence final : public SequenceObject {
 public:
  LimitedSequence(Value source, const Evaluator& ev) : source_(std::move(source)), ev_(ev) {}
  bool next(Value& out) override {
    if (!source_.as_sequence().next(out)) return false;
    ev_.check_collection_size(++pulled_);
    return true;
  }

 private:
  Value source_;
  const Evaluator& ev_;
  size_t pulled_ = 0;
};

}  // namespace

void Evaluator::limit_collection_args(const FunctionDef& def, Call& call) const {
  auto limit = [&](const Param& p, Value& v) {
    if (p.type.code != TypeCode::Iterable) return;
    if (v.is_list()) check_collection_size(v.as_list().size());
    if (v.is_set()) check_collection_size(v.as_set().size());
    if (v.is_sequence() && v.as_sequence().is_iterator())
      v = Value::sequence(boost::intrusive_ptr<SequenceObject>(new LimitedSequence(v, *this)));
  };
  const size_t positional = def.positional_count();
  for (size_t i = 0; i < call.slots.size(); ++i) {
    if (call.slots[i].node) continue;  // lazy
    if (i < positional) {
      limit(def.params[i], call.slots[i].value);
    } else if (def.has_varargs()) {
      limit(def.params[positional], call.slots[i].value);
    }
  }
}

Value Evaluator::eval(const Node& node, const ScopePtr& scope, const Value* receiver) {
  switch (node.kind) {
    case NodeKind::Constant:
      return node.value;
    case NodeKind::Keyword:
      return Value::string(node.name);
    case NodeKind::Variable: {
      const Value* v = scope->lookup(node.name);
      return v ? *v : Value();
    }
    case NodeKind::Call:
      return call_node(node, scope, node.uses_receiver ? receiver : nullptr);
    case NodeKind::Skipped:
      return Value();
    case NodeKind::MappingRule:
      break;
  }
  throw Error("MappingTranslationException", "Cannot convert mapping to keyword argument",
              node.span);
}

Value Evaluator::call_node(const Node& node, const ScopePtr& scope, const Value* receiver) {
  std::vector<RawArg> args;
  args.reserve(node.args.size() + 1);
  for (const auto& a : node.args) args.push_back(RawArg::of(a.get()));
  std::vector<std::pair<std::string, RawArg>> kwargs;
  try {
    return resolve_and_call(node.name, scope, args, kwargs, receiver, node.span);
  } catch (Error& e) {
    e.attach_span(node.span);
    throw;
  }
}

Value Evaluator::call(std::string_view name, const ScopePtr& scope, std::vector<RawArg> args,
                      const Value* receiver, Span span,
                      std::vector<std::pair<std::string, RawArg>> kwargs) {
  return resolve_and_call(name, scope, args, kwargs, receiver, span);
}

Evaluator::Overloads Evaluator::collect(std::string_view name, const Scope* scope,
                                        bool method) const {
  Overloads out;
  int level = 0;
  auto wanted = [&](const FunctionDef& f) { return method ? f.is_method : f.is_function; };
  if (scope->defines_functions()) {
    for (const Scope* s = scope; s; s = s->parent()) {
      bool any = false;
      for (const auto& f : s->own_functions()) {
        if (f->name != name || !wanted(*f)) continue;
        out.push_back({level, f.get()});
        any = true;
      }
      level += any;
    }
  }
  if (const auto* defs = registry_.find(name)) {
    int max_level = 0;
    for (const auto& f : *defs) max_level = std::max(max_level, f->level);
    for (int lv = 0; lv <= max_level; ++lv) {
      bool any = false;
      for (const auto& f : *defs) {
        if (f->level != lv || !wanted(*f)) continue;
        out.push_back({level, f.get()});
        any = true;
      }
      level += any;
    }
  }
  return out;
}

namespace {

// Short vectors of resolution bookkeeping stay on the stack.
template <class T>
using Small = boost::container::small_vector<T, 4>;

constexpr size_t kNoArg = static_cast<size_t>(-1);

// Where each param's value comes from: an index into the positional args, a kwarg, or the
// default. `kw` indexes the kwargs list.
struct Binding {
  size_t positional = kNoArg;
  size_t kw = kNoArg;
};

struct Mapping {
  const FunctionDef* def = nullptr;
  Small<Binding> params;         // one per positional param
  Small<size_t> varargs;         // positional arg indices going to *args
  Small<size_t> kwargs_to_rest;  // kwarg indices going to **kwargs
  Small<bool> lazy_positional;   // per positional arg
  Small<bool> lazy_kw;           // per kwarg
};

bool is_skipped(const RawArg& a) { return a.node && a.node->kind == NodeKind::Skipped; }

// The value a non-lazy argument is known to have before evaluation, if any (constants and
// bare keywords are strings already).
const Value* static_value(const RawArg& a, Value& scratch) {
  if (a.evaluated) return &a.value;
  if (a.node->kind == NodeKind::Constant) return &a.node->value;
  if (a.node->kind == NodeKind::Keyword) {
    scratch = Value::string(a.node->name);
    return &scratch;
  }
  return nullptr;
}

bool node_fits(const ParamType& t, const RawArg& a) {
  if (a.evaluated)
    return t.code != TypeCode::Expr && t.code != TypeCode::Keyword &&
           t.code != TypeCode::StringConstant && t.code != TypeCode::MappingRule;
  const Node& n = *a.node;
  switch (t.code) {
    case TypeCode::Keyword:
      return n.kind == NodeKind::Keyword;
    case TypeCode::StringConstant:
      return n.kind == NodeKind::Constant && n.value.is_string();
    case TypeCode::MappingRule:
      return n.kind == NodeKind::MappingRule;
    case TypeCode::MethodLambda:
      return n.uses_receiver;
    default:
      return n.kind != NodeKind::MappingRule;
  }
}

// Static check of one argument against a param (before evaluation).
bool precheck(const Param& p, const RawArg& a) {
  if (is_lazy(p.type.code)) return node_fits(p.type, a);
  if (!a.evaluated && a.node->kind == NodeKind::MappingRule) return false;
  Value scratch;
  const Value* v = static_value(a, scratch);
  return !v || p.type.accepts(*v);
}

// Maps the call's arguments onto one overload's params, or returns false.
bool map_args(const FunctionDef& def, const std::vector<RawArg>& pos,
              const std::vector<std::pair<std::string, RawArg>>& kw, Mapping& m) {
  m.def = &def;
  size_t npos = def.positional_count();
  m.params.assign(npos, Binding{});
  m.varargs.clear();
  m.kwargs_to_rest.clear();
  Small<bool> kw_used(kw.size(), false);
  const Param* varparam = nullptr;
  const Param* kwparam = nullptr;
  for (const auto& p : def.params) {
    if (p.variadic) varparam = &p;
    if (p.kw_variadic) kwparam = &p;
  }
  auto find_kw = [&](const std::string& name) -> size_t {
    for (size_t i = 0; i < kw.size(); ++i)
      if (!kw_used[i] && kw[i].first == name) return i;
    return kNoArg;
  };
  for (size_t i = 0; i < npos; ++i) {
    const Param& p = def.params[i];
    size_t k = find_kw(p.name);
    if (i < pos.size() && !is_skipped(pos[i])) {
      if (k != kNoArg) return false;
      if (!precheck(p, pos[i])) return false;
      m.params[i].positional = i;
    } else if (k != kNoArg) {
      if (!precheck(p, kw[k].second)) return false;
      m.params[i].kw = k;
      kw_used[k] = true;
    } else if (!p.default_value) {
      return false;
    }
  }
  for (size_t i = npos; i < pos.size(); ++i) {
    if (!varparam || is_skipped(pos[i]) || !precheck(*varparam, pos[i])) return false;
    m.varargs.push_back(i);
  }
  for (size_t k = 0; k < kw.size(); ++k) {
    if (kw_used[k]) continue;
    if (!kwparam || !precheck(*kwparam, kw[k].second)) return false;
    m.kwargs_to_rest.push_back(k);
  }
  m.lazy_positional.assign(pos.size(), false);
  m.lazy_kw.assign(kw.size(), false);
  for (size_t i = 0; i < npos; ++i) {
    if (!is_lazy(def.params[i].type.code)) continue;
    if (m.params[i].positional != kNoArg) m.lazy_positional[m.params[i].positional] = true;
    if (m.params[i].kw != kNoArg) m.lazy_kw[m.params[i].kw] = true;
  }
  if (varparam && is_lazy(varparam->type.code))
    for (size_t i : m.varargs) m.lazy_positional[i] = true;
  if (kwparam && is_lazy(kwparam->type.code))
    for (size_t k : m.kwargs_to_rest) m.lazy_kw[k] = true;
  return true;
}

// Splits `name => value` arguments into keyword arguments, for overloads that take them.
bool split_keywords(const std::vector<RawArg>& args, std::vector<RawArg>& pos,
                    std::vector<std::pair<std::string, RawArg>>& kw) {
  for (const auto& a : args) {
    if (!a.evaluated && a.node->kind == NodeKind::MappingRule) {
      const Node& src = *a.node->args[0];
      if (src.kind != NodeKind::Keyword) return false;
      for (const auto& [n, v] : kw)
        if (n == src.name) return false;
      kw.emplace_back(src.name, RawArg::of(a.node->args[1].get()));
    } else {
      pos.push_back(a);
    }
  }
  return true;
}

bool value_fits(const Param& p, const RawArg& a) {
  if (is_lazy(p.type.code)) return true;
  return p.type.accepts(a.value);
}

// How specific each param of a mapped overload is, for the params that received an argument
// (-1 for the others: a default or an empty *args says nothing about the call).
Small<int> used_specificity(const Mapping& m) {
  const FunctionDef& def = *m.def;
  Small<int> out;
  out.reserve(def.params.size());
  size_t positional = 0;
  for (const Param& p : def.params) {
    bool used = false;
    if (p.variadic) {
      used = !m.varargs.empty();
    } else if (p.kw_variadic) {
      used = !m.kwargs_to_rest.empty();
    } else {
      const Binding& b = m.params[positional++];
      used = b.positional != kNoArg || b.kw != kNoArg;
    }
    out.push_back(used ? p.type.specificity() : -1);
  }
  return out;
}

// True when overload a is strictly more specific than b on the arguments both received.
bool more_specific(const Small<int>& a, const Small<int>& b) {
  size_t n = std::min(a.size(), b.size());
  bool better = false;
  for (size_t i = 0; i < n; ++i) {
    if (a[i] < 0 || b[i] < 0) continue;
    if (a[i] < b[i]) return false;
    if (a[i] > b[i]) better = true;
  }
  return better;
}

std::string receiver_text(const Value& v) { return python_str(v, PyStyle::Yaql); }

}  // namespace

Value Evaluator::resolve_and_call(std::string_view name, const ScopePtr& scope,
                                  std::vector<RawArg>& args,
                                  std::vector<std::pair<std::string, RawArg>>& kwargs,
                                  const Value* receiver, Span span) {
  enter(span);
  struct Leave {
    Evaluator* e;
    ~Leave() { e->leave(); }
  } guard{this};
  const Overloads overloads = collect(name, scope.get(), receiver != nullptr);
  if (overloads.empty()) {
    if (receiver)
      throw Error("NoMethodRegisteredException", "Unknown method \"" + std::string(name) +
                                                     "\" for receiver " + receiver_text(*receiver));
    throw Error("NoFunctionRegisteredException", "Unknown function \"" + std::string(name) + "\"");
  }
  auto not_found = [&]() -> Error {
    if (receiver)
      return Error("NoMatchingMethodException", "No method \"" + std::string(name) +
                                                    "\" for receiver " + receiver_text(*receiver) +
                                                    " matches supplied arguments");
    return Error("NoMatchingFunctionException",
                 "No function \"" + std::string(name) + "\" matches supplied arguments");
  };
  if (receiver) args.insert(args.begin(), RawArg::of(*receiver));

  // The two ways to read the arguments: `a => b` as keyword arguments (most functions), or
  // as positional mapping rules (functions that take them, like dict() and switch()).
  std::vector<RawArg> kw_pos;
  std::vector<std::pair<std::string, RawArg>> kw_kw = kwargs;
  bool keywords_ok = split_keywords(args, kw_pos, kw_kw);

  struct Candidate {
    Mapping mapping;
    bool rules_positional;
    int level;
  };
  boost::container::small_vector<Candidate, 4> candidates;
  for (const auto& [level, def] : overloads) {
    Candidate c{{}, def->takes_mapping_rules(), level};
    bool ok = c.rules_positional ? map_args(*def, args, kwargs, c.mapping)
                                 : keywords_ok && map_args(*def, kw_pos, kw_kw, c.mapping);
    if (ok) candidates.push_back(std::move(c));
  }
  if (candidates.empty()) throw not_found();

  // Evaluate, once, every argument that the first candidate does not take lazily.
  const Candidate& first = candidates.front();
  std::vector<RawArg>& pos = first.rules_positional ? args : kw_pos;
  std::vector<std::pair<std::string, RawArg>>& kw = first.rules_positional ? kwargs : kw_kw;
  auto evaluate = [&](RawArg& a, bool lazy) {
    if (lazy || a.evaluated || is_skipped(a)) return;
    a.value = eval(*a.node, scope);
    a.evaluated = true;
  };
  for (size_t i = 0; i < pos.size(); ++i) evaluate(pos[i], first.mapping.lazy_positional[i]);
  for (size_t k = 0; k < kw.size(); ++k) evaluate(kw[k].second, first.mapping.lazy_kw[k]);
  if (limits_.memory_quota > 0) {  // the reference measures every argument it converts
    for (const RawArg& a : pos)
      if (a.evaluated) check_memory_quota(limits_, a.value);
    for (const auto& [name, a] : kw)
      if (a.evaluated) check_memory_quota(limits_, a.value);
  }

  // The overloads the evaluated arguments fit, at the lowest level that has any.
  Small<const Candidate*> fitting;
  for (const Candidate& c : candidates) {
    if (!fitting.empty() && c.level != fitting.front()->level) break;
    if (c.rules_positional != first.rules_positional ||
        c.mapping.lazy_positional != first.mapping.lazy_positional ||
        c.mapping.lazy_kw != first.mapping.lazy_kw)
      continue;
    const FunctionDef& def = *c.mapping.def;
    bool fits = true;
    for (size_t i = 0; fits && i < c.mapping.params.size(); ++i) {
      const Binding& b = c.mapping.params[i];
      if (b.positional != kNoArg) fits = value_fits(def.params[i], pos[b.positional]);
      if (b.kw != kNoArg) fits = value_fits(def.params[i], kw[b.kw].second);
    }
    for (const auto& p : def.params) {
      if (p.variadic)
        for (size_t i : c.mapping.varargs) fits = fits && value_fits(p, pos[i]);
      if (p.kw_variadic)
        for (size_t k : c.mapping.kwargs_to_rest) fits = fits && value_fits(p, kw[k].second);
    }
    if (fits) fitting.push_back(&c);
  }
  if (fitting.empty()) throw not_found();
  const Candidate* winner = fitting.front();
  if (fitting.size() > 1) {
    // The most specific overload wins; when the arguments cannot tell two apart, the call
    // is ambiguous, as in the reference.
    std::vector<Small<int>> specificity;
    for (const Candidate* c : fitting) specificity.push_back(used_specificity(c->mapping));
    size_t best = 0;
    for (size_t i = 1; i < fitting.size(); ++i)
      if (more_specific(specificity[i], specificity[best])) best = i;
    for (size_t i = 0; i < fitting.size(); ++i) {
      if (i == best || more_specific(specificity[best], specificity[i])) continue;
      throw Error("AmbiguousFunctionException", "Ambiguous function \"" + std::string(name) + "\"");
    }
    winner = fitting[best];
  }

  const FunctionDef& def = *winner->mapping.def;
  Call call(*this, scope, def, span);
  auto slot_of = [](const RawArg& a) {
    return Call::Slot{a.value, a.evaluated ? nullptr : a.node};
  };
  call.slots.reserve(def.positional_count() + winner->mapping.varargs.size());
  for (size_t i = 0; i < winner->mapping.params.size(); ++i) {
    const Binding& b = winner->mapping.params[i];
    if (b.positional != kNoArg)
      call.slots.push_back(slot_of(pos[b.positional]));
    else if (b.kw != kNoArg)
      call.slots.push_back(slot_of(kw[b.kw].second));
    else
      call.slots.push_back(Call::Slot{*def.params[i].default_value, nullptr});
  }
  for (size_t i : winner->mapping.varargs) call.slots.push_back(slot_of(pos[i]));
  for (size_t k : winner->mapping.kwargs_to_rest)
    call.kwargs.emplace_back(kw[k].first, slot_of(kw[k].second));
  if (limits_.max_collection_items >= 0) limit_collection_args(def, call);
  Value result = def.impl(call);
  check_memory_quota(limits_, result);  // and every result
  return result;
}

}  // namespace sirocco::yaql
