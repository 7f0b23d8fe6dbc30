// The Jinja evaluator: walks a template's AST (interp/jinja_ast.h) and renders it, or
// evaluates one expression to its native value. It implements jinja::Runtime, the
// environment the library's filters, tests and methods run in. One Evaluator serves one
// render; it is not shared between threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "interp/jinja_ast.h"
#include "interp/jinja_runtime.h"
#include "interp/outcome.h"
#include "stdlib/jinja/library.h"

namespace sirocco::jinja {

// What differs between environments at run time.
struct RuntimeConfig {
  bool strict = false;                      // StrictUndefined instead of Undefined
  bool sandboxed = false;                   // SandboxedEnvironment
  const Registry* extra_filters = nullptr;  // besides the library's (Mistral's functions)
  const BoundFunctions* bound = nullptr;    // of this evaluation only
};

// The variables of one scope: a template's context, a loop iteration's bindings.
class Scope {
 public:
  using Variables = std::vector<std::pair<std::string, Value>>;

  explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}
  // A template's context over the caller's variables, read in place (the last of two
  // bindings of one name counts); what the template sets goes into the scope itself.
  explicit Scope(const Variables& context) : parent_(nullptr), context_(&context) {}

  const Value* find(std::string_view name) const;
  void set(std::string_view name, Value value);
  // Drops the bindings made after the first `n`.
  void truncate(size_t n) { vars_.resize(n); }
  size_t size() const { return vars_.size(); }

 private:
  const Scope* parent_;
  const Variables* context_ = nullptr;
  Variables vars_;
};

class LoopObject;

// A Python slice(start, stop, step) as `a[start:stop:step]` passes it to getitem.
Value make_slice(Value start, Value stop, Value step);

class Evaluator final : public Runtime {
 public:
  Evaluator(const RuntimeConfig& config, const Library& library, const Limits& limits);

  // Renders a template with these variables in its context. Any Error is the outcome.
  Outcome<std::string> render(const Body& body, Scope& context);
  // Evaluates an expression to its native value. Any Error is the outcome.
  Outcome<Value> evaluate(const Expr& expr, const Scope& scope);

  // Runtime
  Outcome<Value> call_filter(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                             Span span) override;
  Outcome<bool> call_test(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                          Span span) override;
  Outcome<Value> getattr(const Value& obj, std::string_view name) override {
    return getattr(obj, name, true);
  }
  Outcome<Value> getitem(const Value& obj, const Value& key) override;
  Outcome<Value> call(const Value& callable, std::vector<Value> args, Kwargs kwargs,
                      Span span) override;
  bool has_filter(std::string_view name) const override;
  bool has_test(std::string_view name) const override;
  Value undefined(std::string hint) override;
  bool sandboxed() const override { return config_.sandboxed; }
  const Limits& limits() const override { return limits_; }

  // A recursive loop called as `loop(items)`: renders the loop's body over them.
  Outcome<std::string> render_loop(const Stmt& loop, const Value& items, const Scope& scope,
                                   size_t depth);

 private:
  // Errors are returned up the evaluator, not thrown; what still throws (a limit, a rare
  // conversion in the library) is caught where the library is called.

  // statements (interp/jinja_eval_stmt.cpp)
  Status run(const Body& body, Scope& scope);
  Status run(const Stmt& stmt, Scope& scope);
  Status run_for(const Stmt& stmt, const Value& iterable, const Scope& scope, size_t depth);
  Status assign(const Target& target, const Value& value, Scope& scope);
  Outcome<std::string> capture(const Body& body, Scope& scope);

  // `obj.name`; without `maybe_method` no Python method of that name is looked for.
  Outcome<Value> getattr(const Value& obj, std::string_view name, bool maybe_method);

  // expressions (interp/jinja_eval_expr.cpp)
  Outcome<Value> eval(const Expr& e, const Scope& scope);
  Value lookup(const Expr& e, const Scope& scope);
  Outcome<Value> binary(const Expr& e, const Scope& scope);
  // The operator of a Binary expression on its operands' values.
  Outcome<Value> operate(const Expr& e, const Value& a, const Value& b);
  Outcome<bool> compare(const Expr& e, const Scope& scope);
  Outcome<Value> printf_format(const Value& format, const Value& operand, Span span);
  Outcome<Value> apply_filter(const Expr& e, Value operand, const Scope& scope);
  Outcome<bool> apply_test(const Expr& e, const Scope& scope);
  Outcome<Value> call_expr(const Expr& e, const Scope& scope);
  Status arguments(const std::vector<Argument>& args, const Scope& scope,
                   std::vector<Value>& positional, Kwargs& keywords);
  // Binds and runs a library entry; an Error it throws becomes the outcome.
  Outcome<Value> invoke(const FunctionDef& def, std::vector<Value> positional, Kwargs keywords,
                        Span span);
  const FunctionDef* filter_def(std::string_view name) const;
  const FunctionDef* test_def(std::string_view name) const;
  // One step of work (a loop iteration, a call): the step budget and the deadline.
  void tick(Span span);
  // The rendered output may not grow past the memory quota.
  void check_output_size(Span span) const;

  // Python truth of a value in a test position (`if`, `and`, `not`): a strict Undefined
  // fails, a lenient one is false.
  Outcome<bool> truth(const Value& v, Span span) const;
  // Python str() for output; Undefined as its environment prints it.
  Outcome<std::string> text_of(const Value& v, Span span) const;
  // The items a `for` loop or unpacking goes over.
  Outcome<List> iterate(const Value& v, Span span) const;

 private:
  RuntimeConfig config_;
  const Library& library_;
  const Limits& limits_;
  std::string out_;
  int64_t steps_ = 0;
};

}  // namespace sirocco::jinja
