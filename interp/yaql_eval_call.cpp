// The evaluator's walk over the AST and its calls: a call node is resolved from the CallSite it
// keeps when no def() function is in scope, any other call (a delegate, a call inside def()) from
// scratch; both end alike: the arguments evaluated, the winning overload picked and called.
#include <algorithm>

#include "interp/memory_quota.h"
#include "interp/outcome.h"
#include "interp/text.h"
#include "interp/yaql_eval.h"
#include "interp/yaql_resolution.h"

namespace sirocco::yaql {

namespace {

std::string receiver_text(const Value& v) { return python_str(v, PyStyle::Yaql); }

Error unknown_function(std::string_view name, const Value* receiver) {
  if (receiver)
    return Error("NoMethodRegisteredException", "Unknown method \"" + std::string(name) +
                                                    "\" for receiver " + receiver_text(*receiver));
  return Error("NoFunctionRegisteredException", "Unknown function \"" + std::string(name) + "\"");
}

Error no_matching(std::string_view name, const Value* receiver) {
  if (receiver)
    return Error("NoMatchingMethodException", "No method \"" + std::string(name) +
                                                  "\" for receiver " + receiver_text(*receiver) +
                                                  " matches supplied arguments");
  return Error("NoMatchingFunctionException",
               "No function \"" + std::string(name) + "\" matches supplied arguments");
}

const Value kNullValue;

// Counts a call against the depth limit for as long as it runs.
struct Depth {
  size_t& depth;
  ~Depth() { --depth; }
};

}  // namespace

Evaluator::~Evaluator() = default;

Outcome<Value> Evaluator::try_eval(const Node& node, const ScopePtr& scope, const Value* receiver) {
  switch (node.kind) {
    case NodeKind::Constant:
      return node.value;
    case NodeKind::Variable: {
      const Value* v = scope->lookup(node.name);
      return v ? *v : Value();
    }
    case NodeKind::Call:
      return call_node(node, scope, node.uses_receiver ? receiver : nullptr);
    default:
      return eval_other(node);
  }
}

Outcome<Value> Evaluator::eval_other(const Node& node) {
  switch (node.kind) {
    case NodeKind::Keyword:
      return Value::string(node.name);
    case NodeKind::Skipped:
      return Value();
    default:
      break;
  }
  return Error("MappingTranslationException", "Cannot convert mapping to keyword argument",
               node.span);
}

// The errors a call makes without a span take the call's (ErrorSpanScope): an operator's
// from call_operator(), any other call's from the functions below.
Outcome<Value> Evaluator::call_node(const Node& node, const ScopePtr& scope,
                                    const Value* receiver) {
  if (!scope->defines_functions())
    if (const CallSite* site = site_of(node, receiver != nullptr)) {
      if (site->operands[0]) return call_operator(*site, node, scope);
      return call_node_site(*site, node, scope, receiver);
    }
  return call_unresolved(node, scope, receiver);
}

Outcome<Value> Evaluator::operand(const Node& node, const ScopePtr& scope) {
  return node.kind == NodeKind::Call ? call_node(node, scope, nullptr) : try_eval(node, scope);
}

Outcome<Value> Evaluator::call_node_site(const CallSite& site, const Node& node,
                                         const ScopePtr& scope, const Value* receiver) {
  const ErrorSpanScope error_span(node.span);
  if (!receiver) {
    static const RawArgs kNone;
    return call_site(site, node.name, node.span, scope, nullptr, kNone);
  }
  const RawArgs dynamic{RawArg::of(*receiver)};
  return call_site(site, node.name, node.span, scope, receiver, dynamic);
}

Outcome<Value> Evaluator::call_unresolved(const Node& node, const ScopePtr& scope,
                                          const Value* receiver) {
  const ErrorSpanScope error_span(node.span);
  RawArgs args;
  for (const auto& a : node.args) args.push_back(RawArg::of(a.get()));
  RawKwargs kwargs;
  return resolve_and_call(node.name, scope, args, kwargs, receiver, node.span);
}

const CallSite* Evaluator::site_of(const Node& node, bool method) {
  std::atomic<const CallSite*>& slot = node.sites[method];
  const CallSite* site = slot.load(std::memory_order_acquire);
  if (!site) {
    if (node.visits.fetch_add(1, std::memory_order_relaxed) == 0) return nullptr;
    const CallSite* made = make_call_site(registry_, node, method);
    if (slot.compare_exchange_strong(site, made, std::memory_order_acq_rel))
      site = made;
    else
      delete made;  // another thread made it first
  }
  return site->registry == &registry_ ? site : nullptr;
}

const CallSite& Evaluator::delegate_site(std::string_view name, size_t arity, bool method) {
  for (const auto& site : delegate_sites_)
    if (site->arity == arity && site->method == method && site->name == name) return *site;
  delegate_sites_.push_back(make_delegate_site(registry_, name, arity, method));
  return *delegate_sites_.back();
}

Outcome<CandidateList> Evaluator::live_candidates(const CallSite& site, std::string_view name,
                                                  const Value* receiver,
                                                  const RawArgs& dynamic) const {
  CandidateList live;
  for (const Candidate& c : site.candidates)
    if (dynamic_fits(c, dynamic)) live.push_back(&c);
  if (live.empty()) return no_matching(name, receiver);
  return live;
}

Outcome<Value> Evaluator::call_site(const CallSite& site, std::string_view name, Span span,
                                    const ScopePtr& scope, const Value* receiver,
                                    const RawArgs& dynamic) {
  enter(span);
  Depth depth{depth_};
  if (!site.registered) return unknown_function(name, receiver);
  if (site.arity == 2 && !receiver && dynamic.size() == 2) {
    // A delegate of two values (sum's `+`): its arguments are all known, so the overload it
    // resolved to last time for values of these kinds is the one.
    if (const FunctionDef* direct = remembered_binary(site, dynamic[0].value, dynamic[1].value))
      return call_direct(*direct, dynamic[0].value, dynamic[1].value);
  }
  CandidateList live;
  const Candidate* first = nullptr;
  const uint64_t first_key = dynamic.empty() ? 1 : kinds_key(dynamic, RawKwargs());
  if (const int index = site.first_memo.recall(first_key); index >= 0) {
    first = &site.candidates[static_cast<size_t>(index)];
  } else {
    SIROCCO_ASSIGN_OR_RETURN(live, live_candidates(site, name, receiver, dynamic));
    first = live.front();
    site.first_memo.remember(first_key, static_cast<size_t>(first - site.candidates.data()));
  }

  const Arrangement& arrangement = first->rules_positional ? site.as_written : site.as_keywords;
  if (arrangement.operands && first->lazy_mask == 0) {
    // Two operands, both evaluated: an operator on values, called straight away when the
    // overload it resolved to last time takes them as they are.
    // The operands stay in their outcomes: no move out per operator on this hottest path.
    Outcome<Value> left_outcome = operand(*arrangement.pos[0], scope);
    if (!left_outcome) return left_outcome;
    Outcome<Value> right_outcome = operand(*arrangement.pos[1], scope);
    if (!right_outcome) return right_outcome;
    Value& left = *left_outcome;
    Value& right = *right_outcome;
    if (const FunctionDef* direct = remembered_binary(site, left, right))
      return call_direct(*direct, left, right);
    return call_operands(site, name, span, scope, dynamic, live, std::move(left), std::move(right));
  }
  return call_arranged(site, name, span, scope, receiver, dynamic, live, *first, arrangement);
}

Outcome<Value> Evaluator::apply_operator(const CallSite& site, const Node& node,
                                         const ScopePtr& scope, const Value& left,
                                         const Value& right) {
  const ErrorSpanScope error_span(node.span);
  if (const FunctionDef* direct = remembered_binary(site, left, right))
    return call_direct(*direct, left, right);
  return apply_unremembered(site, node, scope, left, right);
}

Outcome<Value> Evaluator::apply_unremembered(const CallSite& site, const Node& node,
                                             const ScopePtr& scope, const Value& left,
                                             const Value& right) {
  static const RawArgs kNone;
  CandidateList live;
  return call_operands(site, node.name, node.span, scope, kNone, live, left, right);
}

Outcome<Value> Evaluator::call_operator(const CallSite& site, const Node& node,
                                        const ScopePtr& scope) {
  enter(node.span);
  Depth depth{depth_};
  // A constant or variable operand is read where it is, without a copy; neither kind makes
  // an error.
  const Value* left = simple_operand(*site.operands[0], *scope);
  const Value* right = simple_operand(*site.operands[1], *scope);
  if (left && right) return apply_operator(site, node, scope, *left, *right);
  return call_operator_evaluated(site, node, scope, left, right);
}

Outcome<Value> Evaluator::call_operator_evaluated(const CallSite& site, const Node& node,
                                                  const ScopePtr& scope, const Value* left,
                                                  const Value* right) {
  // The other operands are evaluated in order (a call makes its own spans).
  if (!left) {
    Outcome<Value> left_outcome = operand(*site.operands[0], scope);
    if (!left_outcome) return left_outcome;
    if (right) return apply_operator(site, node, scope, *left_outcome, *right);
    Outcome<Value> right_outcome = operand(*site.operands[1], scope);
    if (!right_outcome) return right_outcome;
    return apply_operator(site, node, scope, *left_outcome, *right_outcome);
  }
  Outcome<Value> right_outcome = operand(*site.operands[1], scope);
  if (!right_outcome) return right_outcome;
  return apply_operator(site, node, scope, *left, *right_outcome);
}

const Value* Evaluator::simple_operand(const Node& node, const Scope& scope) {
  if (node.kind == NodeKind::Constant) return &node.value;
  if (node.kind != NodeKind::Variable) return nullptr;
  const Value* v = scope.lookup(node.name);
  return v ? v : &kNullValue;
}

Outcome<Value> Evaluator::call_operands(const CallSite& site, std::string_view name, Span span,
                                        const ScopePtr& scope, const RawArgs& dynamic,
                                        CandidateList& live, Value left, Value right) {
  RawArgs pos{RawArg::of(std::move(left)), RawArg::of(std::move(right))};
  RawKwargs kw;
  return call_resolved(site, name, span, scope, nullptr, dynamic, live, pos, kw);
}

Outcome<Value> Evaluator::call_arranged(const CallSite& site, std::string_view name, Span span,
                                        const ScopePtr& scope, const Value* receiver,
                                        const RawArgs& dynamic, CandidateList& live,
                                        const Candidate& first, const Arrangement& arrangement) {
  RawArgs pos(arrangement.pos.size());
  size_t next_dynamic = 0;
  for (size_t i = 0; i < pos.size(); ++i) {
    if (const Node* n = arrangement.pos[i])
      pos[i].node = n;
    else
      pos[i] = dynamic[next_dynamic++];
  }
  RawKwargs kw;
  for (const auto& [k, n] : arrangement.kw) kw.emplace_back(k, RawArg::of(n));
  SIROCCO_RETURN_IF_ERROR(evaluate_arguments(first, scope, pos, kw));
  return call_resolved(site, name, span, scope, receiver, dynamic, live, pos, kw);
}

const FunctionDef* Evaluator::remembered_binary(const CallSite& site, const Value& left,
                                                const Value& right) const {
  if (left.is_opaque() || right.is_opaque()) return nullptr;
  // kinds_key() of two evaluated values, made without their RawArgs.
  const uint64_t key = (uint64_t{1} << 8) | static_cast<uint64_t>(left.kind()) << 4 |
                       static_cast<uint64_t>(right.kind());
  const int index = site.winner_memo.recall(key);
  if (index < 0) return nullptr;
  const Candidate& winner = site.candidates[static_cast<size_t>(index)];
  return winner.direct ? winner.def : nullptr;
}

Value Evaluator::call_direct(const FunctionDef& def, const Value& left, const Value& right) {
  if (limits_.memory_quota > 0) {  // the reference measures every argument it converts
    check_memory_quota(limits_, left);
    check_memory_quota(limits_, right);
  }
  Value result = def.binary(left, right);
  check_memory_quota(limits_, result);
  return result;
}

Value Evaluator::call_binary(const CallSite& delegate, const ScopePtr& scope, const Value& left,
                             const Value& right) {
  if (!scope->defines_functions()) {
    if (const FunctionDef* direct =
            delegate.registered ? remembered_binary(delegate, left, right) : nullptr) {
      enter({});
      Depth depth{depth_};
      return call_direct(*direct, left, right);
    }
  }
  return call(delegate.name, scope, {RawArg::of(left), RawArg::of(right)});
}

Outcome<Value> Evaluator::call_resolved(const CallSite& site, std::string_view name, Span span,
                                        const ScopePtr& scope, const Value* receiver,
                                        const RawArgs& dynamic, CandidateList& live, RawArgs& pos,
                                        RawKwargs& kw) {
  const Candidate* winner = nullptr;
  const uint64_t key = kinds_key(pos, kw);
  if (const int index = site.winner_memo.recall(key); index >= 0) {
    winner = &site.candidates[static_cast<size_t>(index)];
  } else {
    if (live.empty()) {
      SIROCCO_ASSIGN_OR_RETURN(live, live_candidates(site, name, receiver, dynamic));
    }
    SIROCCO_ASSIGN_OR_RETURN(winner, pick(name, receiver, live, pos, kw));
    site.winner_memo.remember(key, static_cast<size_t>(winner - site.candidates.data()));
  }
  if (winner->direct) return call_direct(*winner->def, pos[0].value, pos[1].value);
  return invoke(*winner, scope, span, pos, kw);
}

Value Evaluator::call(std::string_view name, const ScopePtr& scope, RawArgs args,
                      const Value* receiver, Span span,
                      const std::vector<std::pair<std::string, RawArg>>& kwargs) {
  const bool all_values =
      std::all_of(args.begin(), args.end(), [](const RawArg& a) { return a.evaluated; });
  if (kwargs.empty() && all_values && !scope->defines_functions()) {
    if (receiver) args.insert(args.begin(), RawArg::of(*receiver));
    return call_site(delegate_site(name, args.size(), receiver != nullptr), name, span, scope,
                     receiver, args)
        .value();
  }
  RawKwargs kw;
  for (const auto& [k, a] : kwargs) kw.emplace_back(k, a);
  return resolve_and_call(name, scope, args, kw, receiver, span).value();
}

Outcome<Value> Evaluator::resolve_and_call(std::string_view name, const ScopePtr& scope,
                                           RawArgs& args, RawKwargs& kwargs, const Value* receiver,
                                           Span span) {
  enter(span);
  Depth depth{depth_};
  const Overloads overloads = collect_overloads(registry_, name, scope.get(), receiver != nullptr);
  if (overloads.empty()) return unknown_function(name, receiver);
  if (receiver) args.insert(args.begin(), RawArg::of(*receiver));

  // The two ways to read the arguments: `a => b` as keyword arguments (most functions), or
  // as positional mapping rules (functions that take them, like dict() and switch()).
  RawArgs kw_pos;
  RawKwargs kw_kw = kwargs;
  const bool keywords_ok = split_keywords(args, kw_pos, kw_kw);
  const Candidates candidates =
      map_candidates(overloads, args, kwargs, kw_pos, kw_kw, keywords_ok, 0);
  if (candidates.empty()) return no_matching(name, receiver);
  CandidateList live;
  for (const Candidate& c : candidates) live.push_back(&c);
  RawArgs& pos = live.front()->rules_positional ? args : kw_pos;
  RawKwargs& kw = live.front()->rules_positional ? kwargs : kw_kw;
  SIROCCO_RETURN_IF_ERROR(evaluate_arguments(*live.front(), scope, pos, kw));
  SIROCCO_ASSIGN_OR_RETURN(const Candidate* winner, pick(name, receiver, live, pos, kw));
  return invoke(*winner, scope, span, pos, kw);
}

Status Evaluator::evaluate_arguments(const Candidate& first, const ScopePtr& scope, RawArgs& pos,
                                     RawKwargs& kw) {
  auto evaluate = [&](RawArg& a, bool lazy) -> Status {
    if (lazy || a.evaluated || is_skipped(a)) return {};
    SIROCCO_ASSIGN_OR_RETURN(a.value, try_eval(*a.node, scope));
    a.evaluated = true;
    return {};
  };
  for (size_t i = 0; i < pos.size(); ++i)
    SIROCCO_RETURN_IF_ERROR(evaluate(pos[i], first.lazy_positional[i]));
  for (size_t k = 0; k < kw.size(); ++k)
    SIROCCO_RETURN_IF_ERROR(evaluate(kw[k].second, first.lazy_kw[k]));
  if (limits_.memory_quota > 0) {  // the reference measures every argument it converts
    for (const RawArg& a : pos)
      if (a.evaluated) check_memory_quota(limits_, a.value);
    for (const auto& [k, a] : kw)
      if (a.evaluated) check_memory_quota(limits_, a.value);
  }
  return {};
}

Outcome<const Candidate*> Evaluator::pick(std::string_view name, const Value* receiver,
                                          const CandidateList& live, const RawArgs& pos,
                                          const RawKwargs& kw) const {
  const Candidate& first = *live.front();
  // The overloads the evaluated arguments fit, at the lowest level that has any.
  CandidateList fitting;
  for (const Candidate* c : live) {
    if (!fitting.empty() && c->level != fitting.front()->level) break;
    if (c->rules_positional != first.rules_positional || c->lazy_mask != first.lazy_mask ||
        (pos.size() + kw.size() > 64 &&
         (c->lazy_positional != first.lazy_positional || c->lazy_kw != first.lazy_kw)))
      continue;
    const FunctionDef& def = *c->def;
    bool fits = true;
    for (size_t i = 0; fits && i < c->params.size(); ++i) {
      const Binding& b = c->params[i];
      if (b.positional != kNoArg) fits = value_fits(def.params[i], pos[b.positional]);
      if (b.kw != kNoArg) fits = value_fits(def.params[i], kw[b.kw].second);
    }
    for (const auto& p : def.params) {
      if (p.variadic)
        for (size_t i : c->varargs) fits = fits && value_fits(p, pos[i]);
      if (p.kw_variadic)
        for (size_t k : c->kwargs_to_rest) fits = fits && value_fits(p, kw[k].second);
    }
    if (fits) fitting.push_back(c);
  }
  if (fitting.empty()) return no_matching(name, receiver);
  const Candidate* winner = fitting.front();
  if (fitting.size() > 1) {
    // The most specific overload wins; when the arguments cannot tell two apart, the call
    // is ambiguous, as in the reference.
    size_t best = 0;
    for (size_t i = 1; i < fitting.size(); ++i)
      if (more_specific(fitting[i]->specificity, fitting[best]->specificity)) best = i;
    for (size_t i = 0; i < fitting.size(); ++i) {
      if (i == best || more_specific(fitting[best]->specificity, fitting[i]->specificity)) continue;
      return Error("AmbiguousFunctionException",
                   "Ambiguous function \"" + std::string(name) + "\"");
    }
    winner = fitting[best];
  }
  return winner;
}

Outcome<Value> Evaluator::invoke(const Candidate& winner, const ScopePtr& scope, Span span,
                                 RawArgs& pos, RawKwargs& kw) {
  const FunctionDef& def = *winner.def;
  Call call(*this, scope, def, span);
  auto slot_of = [](RawArg& a) {
    return Call::Slot{std::move(a.value), a.evaluated ? nullptr : a.node};
  };
  for (size_t i = 0; i < winner.params.size(); ++i) {
    const Binding& b = winner.params[i];
    if (b.positional != kNoArg)
      call.slots.push_back(slot_of(pos[b.positional]));
    else if (b.kw != kNoArg)
      call.slots.push_back(slot_of(kw[b.kw].second));
    else
      call.slots.push_back(Call::Slot{*def.params[i].default_value, nullptr});
  }
  for (size_t i : winner.varargs) call.slots.push_back(slot_of(pos[i]));
  for (size_t k : winner.kwargs_to_rest)
    call.kwargs.emplace_back(std::string(kw[k].first), slot_of(kw[k].second));
  if (limits_.max_collection_items >= 0) limit_collection_args(def, call);
  Outcome<Value> result = catching<Outcome<Value>>([&] { return def.impl(call); });
  if (result) check_memory_quota(limits_, *result);  // and every result
  return result;
}

}  // namespace sirocco::yaql
