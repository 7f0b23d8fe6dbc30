// Jinja statements: text, output, if, for (with loop, else, filter, recursion), set and
// block set; scopes as Jinja2 has them (a loop iteration's assignments stay inside it), and
// the evaluator's Runtime services that are not about expressions.
#include "interp/jinja_eval.h"

#include <charconv>

#include "interp/budget.h"
#include "interp/jinja_loop.h"
#include "interp/jinja_ops.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "interp/variable_names.h"

namespace sirocco::jinja {

const Value* Scope::find(std::string_view name) const {
  for (const Scope* s = this; s; s = s->parent_) {
    for (auto it = s->vars_.rbegin(); it != s->vars_.rend(); ++it)
      if (same_name(it->first, name)) return &it->second;
    if (s->context_) {
      for (auto it = s->context_->rbegin(); it != s->context_->rend(); ++it)
        if (same_name(it->first, name)) return &it->second;
    }
  }
  return nullptr;
}

void Scope::set(std::string_view name, Value value) {
  for (auto& [n, v] : vars_) {
    if (same_name(n, name)) {
      v = std::move(value);
      return;
    }
  }
  vars_.emplace_back(name, std::move(value));
}

Evaluator::Evaluator(const RuntimeConfig& config, const Library& library, const Limits& limits)
    : config_(config), library_(library), limits_(limits) {}

void Evaluator::tick(Span span) {
  ++steps_;
  if (limits_.max_steps >= 0 && steps_ > limits_.max_steps)
    throw Error("StepLimitExceeded", "evaluation exceeded its step budget", span);
  if ((steps_ & 63) == 0)  // the deadline of the budget the engine installed
    if (const EvaluationBudget* budget = EvaluationBudget::current()) budget->check_deadline(span);
}

void Evaluator::check_output_size(Span span) const {
  constexpr size_t kMaxOutputBytes = 100'000'000;  // as the library's string results
  const int64_t quota = limits_.memory_quota;
  const size_t limit =
      quota > 0 ? std::min(kMaxOutputBytes, static_cast<size_t>(quota)) : kMaxOutputBytes;
  if (out_.size() > limit)
    throw Error("MemoryQuotaExceededException", "the rendered text consumed too much memory", span);
}

Outcome<std::string> Evaluator::render(const Body& body, Scope& context) {
  out_.clear();
  out_.reserve(1024);  // one allocation for most outputs instead of one per doubling
  SIROCCO_RETURN_IF_ERROR(catching<Status>([&] { return run(body, context); }));
  return std::move(out_);
}

Status Evaluator::run(const Body& body, Scope& scope) {
  for (const Stmt& stmt : body) {
    if (stmt.kind == StmtKind::Text) {  // the most common statement, written without a call
      out_ += stmt.text;
      check_output_size(stmt.span);
    } else {
      SIROCCO_RETURN_IF_ERROR(run(stmt, scope));
    }
  }
  return {};
}

Status Evaluator::run(const Stmt& stmt, Scope& scope) {
  switch (stmt.kind) {
    case StmtKind::Text:
      break;  // run(const Body&) writes text
    case StmtKind::Output: {
      Outcome<Value> evaluated = eval(*stmt.value, scope);
      if (!evaluated) return std::move(evaluated).failure();
      const Value& value = *evaluated;
      if (value.is_string()) {  // str() of a str is itself
        out_ += value.as_string();
      } else if (value.is_small_int()) {
        char digits[24];
        out_.append(digits,
                    std::to_chars(digits, digits + sizeof digits, value.as_small_int()).ptr);
      } else if (value.is_float()) {  // str() of a float is its repr()
        append_float_repr(out_, value.as_float());
      } else {
        SIROCCO_ASSIGN_OR_RETURN(const std::string text, text_of(value, stmt.value->span));
        out_ += text;
      }
      check_output_size(stmt.span);
      return {};
    }
    case StmtKind::If:
      for (const Branch& branch : stmt.branches) {
        SIROCCO_ASSIGN_OR_RETURN(const Value test, eval(*branch.test, scope));
        SIROCCO_ASSIGN_OR_RETURN(const bool true_, truth(test, branch.test->span));
        if (true_) return run(branch.body, scope);
      }
      return run(stmt.otherwise, scope);
    case StmtKind::For: {
      SIROCCO_ASSIGN_OR_RETURN(const Value items, eval(*stmt.value, scope));
      return run_for(stmt, items, scope, 0);
    }
    case StmtKind::Set: {
      SIROCCO_ASSIGN_OR_RETURN(const Value value, eval(*stmt.value, scope));
      return assign(stmt.target, value, scope);
    }
    case StmtKind::SetBlock: {
      SIROCCO_ASSIGN_OR_RETURN(std::string text, capture(stmt.body, scope));
      Value value = Value::string(std::move(text));
      for (const ExprPtr& filter : stmt.filters) {
        SIROCCO_ASSIGN_OR_RETURN(value, apply_filter(*filter, std::move(value), scope));
      }
      return assign(stmt.target, value, scope);
    }
    case StmtKind::With: {
      // The values are evaluated outside: `{% with a = 1, b = a %}` reads the outer `a`.
      std::vector<Value> values;
      for (const ExprPtr& value : stmt.values) {
        SIROCCO_ASSIGN_OR_RETURN(Value v, eval(*value, scope));
        values.push_back(std::move(v));
      }
      Scope inner(&scope);
      for (size_t i = 0; i < values.size(); ++i)
        SIROCCO_RETURN_IF_ERROR(assign(stmt.targets[i], values[i], inner));
      return run(stmt.body, inner);
    }
    case StmtKind::FilterBlock: {
      Scope inner(&scope);
      SIROCCO_ASSIGN_OR_RETURN(std::string text, capture(stmt.body, inner));
      Value value = Value::string(std::move(text));
      for (const ExprPtr& filter : stmt.filters) {
        SIROCCO_ASSIGN_OR_RETURN(value, apply_filter(*filter, std::move(value), scope));
      }
      SIROCCO_ASSIGN_OR_RETURN(const std::string filtered, text_of(value, stmt.span));
      out_ += filtered;
      check_output_size(stmt.span);
      return {};
    }
  }
  return {};
}

Outcome<std::string> Evaluator::capture(const Body& body, Scope& scope) {
  std::string saved = std::move(out_);
  out_.clear();
  Status done = run(body, scope);
  std::string captured = std::exchange(out_, std::move(saved));
  if (!done) return std::move(done).failure();
  return captured;
}

Status Evaluator::run_for(const Stmt& stmt, const Value& iterable, const Scope& scope,
                          size_t depth) {
  SIROCCO_ASSIGN_OR_RETURN(List items, iterate(iterable, stmt.value->span));
  if (stmt.condition) {
    List kept;
    for (Value& item : items) {
      tick(stmt.condition->span);
      Scope filter_scope(&scope);
      SIROCCO_RETURN_IF_ERROR(assign(stmt.target, item, filter_scope));
      SIROCCO_ASSIGN_OR_RETURN(const Value test, eval(*stmt.condition, filter_scope));
      SIROCCO_ASSIGN_OR_RETURN(const bool kept_, truth(test, stmt.condition->span));
      if (kept_) kept.push_back(std::move(item));
    }
    items = std::move(kept);
  }
  if (items.empty()) {
    Scope else_scope(&scope);
    return run(stmt.otherwise, else_scope);
  }
  boost::intrusive_ptr<LoopObject> loop(new LoopObject(stmt, scope, std::move(items), depth));
  const Value loop_value = Value::opaque(loop);
  // One scope serves every iteration: what an iteration sets stays in it. Between iterations
  // it drops all but the loop's own bindings (its target and `loop`), which are rebound.
  Scope iteration(&scope);
  size_t loop_bindings = 0;
  for (size_t i = 0; i < loop->items.size(); ++i) {
    tick(stmt.span);
    loop->index0 = i;
    iteration.truncate(loop_bindings);
    SIROCCO_RETURN_IF_ERROR(assign(stmt.target, loop->items[i], iteration));
    iteration.set("loop", loop_value);
    loop_bindings = iteration.size();
    SIROCCO_RETURN_IF_ERROR(run(stmt.body, iteration));
  }
  loop->running = false;
  return {};
}

Outcome<std::string> Evaluator::render_loop(const Stmt& loop, const Value& items,
                                            const Scope& scope, size_t depth) {
  if (depth > limits_.max_eval_depth)
    return Error("RecursionError", "maximum recursion depth exceeded in a recursive loop",
                 loop.span);
  std::string saved = std::move(out_);
  out_.clear();
  Status done = run_for(loop, items, scope, depth);
  std::string rendered = std::exchange(out_, std::move(saved));
  if (!done) return std::move(done).failure();
  return rendered;
}

Status Evaluator::assign(const Target& target, const Value& value, Scope& scope) {
  if (!target.attribute.empty()) {
    const Value* owner = scope.find(target.name);
    NamespaceObject* ns = owner ? as_namespace(*owner) : nullptr;
    if (!ns)
      return Error("TemplateRuntimeError", "cannot assign attribute on non-namespace object",
                   target.span);
    ns->set(target.attribute, value);
    return {};
  }
  if (!target.is_tuple) {
    scope.set(target.name, value);
    return {};
  }
  SIROCCO_ASSIGN_OR_RETURN(const List items, iterate(value, target.span));
  const size_t expected = target.items.size();
  if (items.size() < expected) {
    return Error("ValueError",
                 "not enough values to unpack (expected " + std::to_string(expected) + ", got " +
                     std::to_string(items.size()) + ")",
                 target.span);
  }
  if (items.size() > expected)
    return Error("ValueError",
                 "too many values to unpack (expected " + std::to_string(expected) + ")",
                 target.span);
  for (size_t i = 0; i < expected; ++i)
    SIROCCO_RETURN_IF_ERROR(assign(target.items[i], items[i], scope));
  return {};
}

Outcome<List> Evaluator::iterate(const Value& v, Span span) const {
  if (const UndefinedObject* u = as_undefined(v)) {
    if (u->strict) return undefined_error(v, span);
    return List{};
  }
  switch (v.kind()) {
    case Kind::List:
      return v.as_list();
    case Kind::Set:
      return v.as_set().items();
    case Kind::Sequence: {
      const ErrorSpanScope error_span(span);
      return python_iterate(v);
    }
    case Kind::Dict: {
      List keys;
      keys.reserve(v.as_dict().size());
      for (const auto& entry : v.as_dict()) keys.push_back(entry.first);
      return keys;
    }
    case Kind::String: {
      List chars;
      const std::string& s = v.as_string();
      for (size_t pos = 0; pos < s.size();) {
        const size_t start = pos;
        utf8::decode(s, pos);
        chars.push_back(Value::string(s.substr(start, pos - start)));
      }
      return chars;
    }
    default:
      return Error("TypeError", "'" + type_name(v) + "' object is not iterable", span);
  }
}

Outcome<Value> Evaluator::call(const Value& callable, std::vector<Value> args, Kwargs kwargs,
                               Span span) {
  if (as_undefined(callable)) return undefined_error(callable, span);
  const LoopObject* loop = as_loop(callable);
  if (!loop && !callable.is_function())
    return Error("TypeError", "'" + type_name(callable) + "' object is not callable", span);
  return catching<Outcome<Value>>([&]() -> Outcome<Value> {
    tick(span);
    if (!loop) {
      if (const auto* c = dynamic_cast<const Callable*>(&callable.as_function()))
        return c->invoke(*this, std::move(args), std::move(kwargs), span);
      return callable.as_function().call(args);
    }
    if (!loop->loop.recursive) {
      return Error("TypeError",
                   "The loop must have the 'recursive' marker to be called recursively.", span);
    }
    if (!loop->running) {
      return Error("TemplateRuntimeError", "a recursive loop can only be called while it runs",
                   span);
    }
    if (args.size() != 1 || !kwargs.empty())
      return Error("TypeError", "loop() takes exactly one argument", span);
    SIROCCO_ASSIGN_OR_RETURN(std::string rendered,
                             render_loop(loop->loop, args[0], loop->scope, loop->depth0 + 1));
    return Value::string(std::move(rendered));
  });
}

}  // namespace sirocco::jinja
