// The YAQL evaluator: walks the AST in a chain of scopes, resolves every call through the
// registry and hands implementations a Call with evaluated arguments and lazy lambdas.
#pragma once

#include <boost/container/small_vector.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "interp/limits.h"
#include "interp/outcome.h"
#include "interp/registry.h"
#include "interp/yaql_ast.h"

namespace sirocco::yaql {

class Evaluator;
struct Candidate;
struct Arrangement;
using CandidateList = boost::container::small_vector<const Candidate*, 8>;

// A YAQL context: variables ($, $name, $1...) and functions defined by def(), over a
// parent. Scopes are filled while they are built, then only read.
class Scope final : public Object {
 public:
  explicit Scope(boost::intrusive_ptr<Scope> parent = nullptr);

  const Value* lookup(std::string_view name) const;  // walks the parents
  void set(std::string_view name, Value value);      // name without '$'; "" means "1"
  void define(FunctionDefPtr f);
  const std::vector<FunctionDefPtr>& own_functions() const { return functions_; }
  const Scope* parent() const { return parent_.get(); }
  bool defines_functions() const { return defines_functions_; }  // here or in a parent
  const std::vector<std::pair<std::string, Value>>& variables() const { return vars_; }
  // Binds $1..$n (and $) to `args` in a lambda frame, which holds no other variables.
  void bind_arguments(const Value* args, size_t n) {
    if (vars_.size() != n) return name_arguments(args, n);
    for (size_t i = 0; i < n; ++i) vars_[i].second = args[i];  // the last call's names
  }

 private:
  [[gnu::noinline]] void name_arguments(const Value* args, size_t n);

  boost::intrusive_ptr<Scope> parent_;
  std::vector<std::pair<std::string, Value>> vars_;
  std::vector<FunctionDefPtr> functions_;
  bool defines_functions_ = false;
};
using ScopePtr = boost::intrusive_ptr<Scope>;

ScopePtr child_scope(const ScopePtr& parent);
// The scope held by a context value (from let(), with(), def()), or nullptr.
ScopePtr scope_of(const Value& v);

// An argument that has not been evaluated: a node to evaluate in a scope later, or a
// callable value passed where a lambda is expected.
class Lambda {
 public:
  Lambda() = default;
  Lambda(Evaluator* ev, const Node* node, ScopePtr scope)
      : ev_(ev), node_(node), scope_(std::move(scope)) {}
  explicit Lambda(Value callable) : callable_(std::move(callable)) {}

  // Evaluates with $1..$n (and $) bound to args, in a child of the defining scope.
  Value operator()(const std::vector<Value>& args = {}) const;
  Value operator()(const Value& arg) const;
  // Evaluates as a method call on `receiver` (the right side of `.`); try_call_method()
  // returns an error where call_method() throws it.
  Outcome<Value> try_call_method(const Value& receiver) const;
  Value call_method(const Value& receiver) const { return try_call_method(receiver).value(); }
  // Evaluates inside the given context (the right side of `->`).
  Outcome<Value> try_call_in(const ScopePtr& context) const;
  Value call_in(const ScopePtr& context) const { return try_call_in(context).value(); }

  const Node* node() const { return node_; }
  explicit operator bool() const { return node_ != nullptr || !callable_.is_null(); }

 private:
  // Evaluates the node with $1..$n bound in a child of the defining scope: the one of the
  // last call when nothing kept it (no context or lazy result refers to it) and no call of
  // this lambda is running, else a new one.
  Value evaluate(const Value* args, size_t n) const;
  // A callable value's call (or the value itself when it is not a function).
  [[gnu::noinline]] Value call_callable(const Value* args, size_t n) const;

  // Whether a call of this lambda is running; a copy starts with none.
  struct Busy {
    bool on = false;
    Busy() = default;
    Busy(const Busy&) {}
    Busy& operator=(const Busy&) { return *this; }
  };

  Evaluator* ev_ = nullptr;
  const Node* node_ = nullptr;
  ScopePtr scope_;
  Value callable_;
  mutable ScopePtr frame_;
  mutable Busy busy_;
};

// What an argument is while a call is resolved: an evaluated value, or a node.
struct RawArg {
  const Node* node = nullptr;  // null when `value` was given directly
  Value value;
  bool evaluated = false;
  static RawArg of(Value v) { return RawArg{nullptr, std::move(v), true}; }
  static RawArg of(const Node* n) { return RawArg{n, Value(), false}; }
};
using RawArgs = boost::container::small_vector<RawArg, 4>;
// Keyword arguments while a call is resolved; the names belong to the caller.
using RawKwargs = boost::container::small_vector<std::pair<std::string_view, RawArg>, 2>;

// The arguments of one call, as an implementation sees them. Slots are the function's
// positional params in order (a method's receiver is slot 0), then any *args.
class Call {
 public:
  struct Slot {
    Value value;
    const Node* node = nullptr;  // for lazy params
  };

  Call(Evaluator& ev, const ScopePtr& scope, const FunctionDef& def, Span span)
      : ev(ev), scope(scope), def(def), span(span) {}

  const Value& operator[](size_t i) const { return slots[i].value; }
  const Value& arg(size_t i) const { return slots[i].value; }
  size_t size() const { return slots.size(); }
  Lambda lambda(size_t i) const;
  const Node* node(size_t i) const { return slots[i].node; }
  // The keyword text of a `keyword` param.
  const std::string& keyword(size_t i) const { return slots[i].node->name; }
  // The *args slots, from the first one after the positional params.
  size_t rest_begin() const { return def.positional_count(); }
  std::vector<Value> rest() const;
  // `a => b` of a mapping_rule slot, as two lambdas.
  std::pair<Lambda, Lambda> rule(size_t i) const;

  Evaluator& ev;
  const ScopePtr& scope;  // the scope of the call site (it outlives the call)
  const FunctionDef& def;
  Span span;
  boost::container::small_vector<Slot, 4> slots;
  std::vector<std::pair<std::string, Slot>> kwargs;  // what went to **kwargs
};

class Evaluator {
 public:
  Evaluator(const Registry& registry, const Limits& limits);
  ~Evaluator();

  // Evaluates a node; `receiver` is set for the method call right of `.`.
  Outcome<Value> try_eval(const Node& node, const ScopePtr& scope, const Value* receiver = nullptr);
  // try_eval(), its error thrown.
  Value eval(const Node& node, const ScopePtr& scope, const Value* receiver = nullptr) {
    return try_eval(node, scope, receiver).value();
  }
  // Calls a function by name, as yaql's Delegate does (e.g. '#operator_.' from inside
  // another function). Lazy params may be given as nodes.
  Value call(std::string_view name, const ScopePtr& scope, RawArgs args,
             const Value* receiver = nullptr, Span span = {},
             const std::vector<std::pair<std::string, RawArg>>& kwargs = {});

  // call(name, scope, {left, right}) for two values, as folds call `#operator_+`, through
  // the delegate site of `name` looked up once with binary_delegate() (a fold calls it per
  // item): the overload it last resolved to for values of these kinds, called straight away
  // when it takes two values as they are.
  const CallSite& binary_delegate(std::string_view name) { return delegate_site(name, 2, false); }
  Value call_binary(const CallSite& delegate, const ScopePtr& scope, const Value& left,
                    const Value& right);

  const Limits& limits() const { return limits_; }
  const Registry& registry() const { return registry_; }
  // Counts one item taken from a collection argument against the iterator limit.
  void check_collection_size(size_t items) const;

 private:
  friend class Lambda;
  [[gnu::always_inline]] inline Outcome<Value> call_node(const Node& node, const ScopePtr& scope,
                                                         const Value* receiver);
  // try_eval() of the rarely evaluated kinds of node.
  [[gnu::noinline]] Outcome<Value> eval_other(const Node& node);
  // A call node resolved from scratch: its first evaluation, or one inside def().
  [[gnu::noinline]] Outcome<Value> call_unresolved(const Node& node, const ScopePtr& scope,
                                                   const Value* receiver);
  // A call node with a site that is not an operator's.
  [[gnu::noinline]] Outcome<Value> call_node_site(const CallSite& site, const Node& node,
                                                  const ScopePtr& scope, const Value* receiver);
  // A call of an operator site (CallSite::operands): its operands evaluated, the overload
  // remembered for their kinds called straight away.
  Outcome<Value> call_operator(const CallSite& site, const Node& node, const ScopePtr& scope);
  // Its operands that are not simple_operand()s evaluated first (the others are given).
  [[gnu::noinline]] Outcome<Value> call_operator_evaluated(const CallSite& site, const Node& node,
                                                           const ScopePtr& scope, const Value* left,
                                                           const Value* right);
  // The value of a constant or variable node where it is kept, else null.
  static const Value* simple_operand(const Node& node, const Scope& scope);
  // The operator called on its operands' values: the overload remembered for their kinds
  // straight away, else the one apply_unremembered() resolves.
  [[gnu::always_inline]] inline Outcome<Value> apply_operator(const CallSite& site,
                                                              const Node& node,
                                                              const ScopePtr& scope,
                                                              const Value& left,
                                                              const Value& right);
  [[gnu::noinline]] Outcome<Value> apply_unremembered(const CallSite& site, const Node& node,
                                                      const ScopePtr& scope, const Value& left,
                                                      const Value& right);
  // A call resolved from what its CallSite keeps (no def() in scope); `dynamic` holds the
  // values of the site's arguments not known in advance, in order.
  Outcome<Value> call_site(const CallSite& site, std::string_view name, Span span,
                           const ScopePtr& scope, const Value* receiver, const RawArgs& dynamic);
  // The candidates of a site the values known in advance fit; an error when there are none.
  Outcome<CandidateList> live_candidates(const CallSite& site, std::string_view name,
                                         const Value* receiver, const RawArgs& dynamic) const;
  // The overload a site last resolved to for two values of these kinds when it takes them as
  // they are (an operator on values), else null; and its call.
  const FunctionDef* remembered_binary(const CallSite& site, const Value& left,
                                       const Value& right) const;
  [[gnu::always_inline]] inline Value call_direct(const FunctionDef& def, const Value& left,
                                                  const Value& right);
  // try_eval() of an operator's operand; a call node (most are) without a pass through it.
  [[gnu::always_inline]] inline Outcome<Value> operand(const Node& node, const ScopePtr& scope);
  // The rest of call_site() for an operator whose overload for these values is not
  // remembered, and for any other call: kept out of call_site() so that its frame stays
  // small for the operators that are.
  [[gnu::noinline]] Outcome<Value> call_operands(const CallSite& site, std::string_view name,
                                                 Span span, const ScopePtr& scope,
                                                 const RawArgs& dynamic, CandidateList& live,
                                                 Value left, Value right);
  [[gnu::noinline]] Outcome<Value> call_arranged(const CallSite& site, std::string_view name,
                                                 Span span, const ScopePtr& scope,
                                                 const Value* receiver, const RawArgs& dynamic,
                                                 CandidateList& live, const Candidate& first,
                                                 const Arrangement& arrangement);
  // The rest of call_site() once the arguments are evaluated: the overload picked (or
  // remembered) and called.
  Outcome<Value> call_resolved(const CallSite& site, std::string_view name, Span span,
                               const ScopePtr& scope, const Value* receiver, const RawArgs& dynamic,
                               CandidateList& live, RawArgs& pos, RawKwargs& kw);
  // The call site of a node for this registry, made on its second evaluation; null on the
  // first, and when the node was resolved with another registry before.
  const CallSite* site_of(const Node& node, bool method);
  // The call site of a delegate: `name` called with `arity` values, made on first use.
  const CallSite& delegate_site(std::string_view name, size_t arity, bool method);
  Outcome<Value> resolve_and_call(std::string_view name, const ScopePtr& scope, RawArgs& args,
                                  RawKwargs& kwargs, const Value* receiver, Span span);
  // The end of every resolution: evaluates the arguments the first candidate takes eagerly,
  // picks the most specific overload they fit among the `live` ones (the candidates the
  // receiver or the delegate's values fit), and calls it.
  Status evaluate_arguments(const Candidate& first, const ScopePtr& scope, RawArgs& pos,
                            RawKwargs& kw);
  Outcome<const Candidate*> pick(std::string_view name, const Value* receiver,
                                 const CandidateList& live, const RawArgs& pos,
                                 const RawKwargs& kw) const;
  // Calls the implementation; an Error it throws becomes the outcome.
  Outcome<Value> invoke(const Candidate& winner, const ScopePtr& scope, Span span, RawArgs& pos,
                        RawKwargs& kw);
  // Applies the iterator limit to the collection arguments of a call, like the reference's
  // Iterable parameters: a list or set over the limit raises, a lazy one raises when pulled.
  void limit_collection_args(const FunctionDef& def, Call& call) const;
  // Counts a call against the depth, step and time limits; the caller undoes the depth. The
  // checks that can fail are left to enter_checked(), out of line.
  void enter(Span span) {
    ++depth_;
    ++steps_;
    if (depth_ > limits_.max_eval_depth || steps_ > step_limit_ || (steps_ & 63) == 0) [[unlikely]]
      enter_checked(span);
  }
  [[gnu::noinline]] void enter_checked(Span span);

  const Registry& registry_;
  Limits limits_;
  std::vector<std::unique_ptr<CallSite>> delegate_sites_;
  int64_t step_limit_;  // limits_.max_steps, or the largest count for none
  size_t depth_ = 0;
  int64_t steps_ = 0;
};

}  // namespace sirocco::yaql
