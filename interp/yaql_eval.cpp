// The YAQL evaluator: scopes, lambdas and limits. The walk over the AST and its calls are in
// interp/yaql_eval_call.cpp.
#include "interp/yaql_eval.h"

#include "interp/budget.h"

#include <algorithm>
#include <cstdint>

#include "interp/memory_quota.h"
#include "interp/text.h"
#include "interp/variable_names.h"
#include "interp/yaql_resolution.h"

namespace sirocco::yaql {

// --- scopes -----------------------------------------------------------------------------

Scope::Scope(boost::intrusive_ptr<Scope> parent)
    : parent_(std::move(parent)), defines_functions_(parent_ && parent_->defines_functions_) {}

const Value* Scope::lookup(std::string_view name) const {
  for (const Scope* s = this; s; s = s->parent_.get())
    for (auto it = s->vars_.rbegin(); it != s->vars_.rend(); ++it)
      if (same_name(it->first, name)) return &it->second;
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

void Scope::name_arguments(const Value* args, size_t n) {
  vars_.clear();
  for (size_t i = 0; i < n; ++i) vars_.emplace_back(std::to_string(i + 1), args[i]);
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

Value Lambda::evaluate(const Value* args, size_t n) const {
  if (busy_.on) {  // a call nested in another one of this lambda: frame_ is that call's
    ScopePtr s = child_scope(scope_);
    s->bind_arguments(args, n);
    return ev_->eval(*node_, s);
  }
  if (!frame_ || frame_->refs_.load(std::memory_order_relaxed) != 1) frame_ = child_scope(scope_);
  struct Running {
    bool& on;
    ~Running() { on = false; }
  } running{busy_.on = true};
  frame_->bind_arguments(args, n);
  return ev_->eval(*node_, frame_);
}

Value Lambda::call_callable(const Value* args, size_t n) const {
  if (!callable_.is_function()) return callable_;
  return callable_.as_function().call(std::vector<Value>(args, args + n));
}

Value Lambda::operator()(const std::vector<Value>& args) const {
  if (!node_) return call_callable(args.data(), args.size());
  return evaluate(args.data(), args.size());
}

Value Lambda::operator()(const Value& arg) const {
  if (!node_) return call_callable(&arg, 1);
  return evaluate(&arg, 1);
}

// A scope is never changed once built, so the method is evaluated in the defining scope
// itself rather than in an empty child of it.
Outcome<Value> Lambda::try_call_method(const Value& receiver) const {
  if (!node_) return callable_.is_function() ? callable_.as_function().call({receiver}) : callable_;
  return ev_->try_eval(*node_, scope_, &receiver);
}

Outcome<Value> Lambda::try_call_in(const ScopePtr& context) const {
  if (!node_) return callable_.is_function() ? callable_.as_function().call({}) : callable_;
  return ev_->try_eval(*node_, context);
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
    : registry_(registry),
      limits_(limits),
      step_limit_(limits.max_steps >= 0 ? limits.max_steps : INT64_MAX) {}

void Evaluator::enter_checked(Span span) {
  if (depth_ > limits_.max_eval_depth) {  // the call is not counted then
    --depth_;
    --steps_;
    throw Error("RecursionError", "maximum recursion depth exceeded", span);
  }
  if (steps_ > step_limit_) {
    --depth_;
    throw Error("StepLimitExceeded", "evaluation exceeded its step budget", span);
  }
  // The deadline is the evaluation's EvaluationBudget's (installed by Engine::evaluate).
  if (limits_.timeout_ms > 0 && (steps_ & 63) == 0) {
    if (const EvaluationBudget* budget = EvaluationBudget::current()) {
      try {
        budget->check_deadline(span);
      } catch (...) {
        --depth_;
        throw;
      }
    }
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

}  // namespace sirocco::yaql
