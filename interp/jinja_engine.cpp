// The Jinja engine: environments, the compile cache, the checks Jinja2's compiler makes
// (unknown filters and tests), rendering and native evaluation.
#include "interp/jinja_engine.h"

#include "interp/budget.h"

#include "interp/jinja_eval.h"
#include "interp/jinja_fold.h"
#include "interp/jinja_mutation.h"

namespace sirocco::jinja {

namespace {

constexpr Environment kEnvironments[] = {
    {"mistral", Syntax{true, true}, true, true},
    {"default", Syntax{}, false, false},
    {"sandbox", Syntax{}, false, true},
};

// Jinja2 checks filter and test names when it compiles, except inside `if` statements and
// conditional expressions, where an unknown name fails only when it runs.
class NameChecker {
 public:
  NameChecker(const Library& library, const Registry* extra_filters)
      : library_(library), extra_filters_(extra_filters) {}

  void body(const Body& body, bool soft) const {
    for (const Stmt& stmt : body) statement(stmt, soft);
  }

  void expr(const Expr* e, bool soft) const {
    if (!e) return;
    if (e->kind == ExprKind::Filter && !soft && !known_filter(e->name))
      throw Error("TemplateAssertionError", "No filter named '" + e->name + "'.", e->span);
    if (e->kind == ExprKind::Test && !soft && !library_.tests.find(e->name))
      throw Error("TemplateAssertionError", "No test named '" + e->name + "'.", e->span);
    const bool inner_soft = soft || e->kind == ExprKind::Conditional;
    for (const ExprPtr& operand : e->operands) expr(operand.get(), inner_soft);
    for (const Argument& arg : e->args) expr(arg.value.get(), inner_soft);
  }

 private:
  bool known_filter(const std::string& name) const {
    return library_.filters.find(name) || (extra_filters_ && extra_filters_->find(name));
  }

  void statement(const Stmt& stmt, bool soft) const {
    switch (stmt.kind) {
      case StmtKind::Text:
        return;
      case StmtKind::Output:
      case StmtKind::Set:
        return expr(stmt.value.get(), soft);
      case StmtKind::If:
        for (const Branch& branch : stmt.branches) {
          expr(branch.test.get(), true);
          body(branch.body, true);
        }
        return body(stmt.otherwise, true);
      case StmtKind::For:
        expr(stmt.value.get(), soft);
        expr(stmt.condition.get(), false);
        body(stmt.body, false);
        return body(stmt.otherwise, soft);
      case StmtKind::SetBlock:
      case StmtKind::FilterBlock:
        for (const ExprPtr& filter : stmt.filters) expr(filter.get(), soft);
        return body(stmt.body, false);
      case StmtKind::With:
        for (const ExprPtr& value : stmt.values) expr(value.get(), soft);
        return body(stmt.body, false);
    }
  }

  const Library& library_;
  const Registry* extra_filters_;
};

// The variables of a template that may mutate them: a copy sharing no list or dict.
Variables private_copy(const Variables& variables) {
  Variables copy;
  copy.reserve(variables.size());
  for (const auto& [name, value] : variables) copy.emplace_back(name, copy_containers(value));
  return copy;
}

ParseLimits parse_limits(const Limits& limits) {
  ParseLimits out;
  out.max_depth = limits.max_parse_depth;
  return out;
}

// A compile cache key: `prefix`, the depth limit (it decides whether a text parses), '\0',
// then the text; built in a per-thread buffer, so a cache hit allocates nothing.
std::string_view cache_key(std::string_view prefix, size_t max_depth, std::string_view text) {
  thread_local std::string key;
  key.assign(prefix);
  key += std::to_string(max_depth);
  key += '\0';
  key += text;
  return key;
}

}  // namespace

const Environment* find_environment(std::string_view name) {
  for (const Environment& env : kEnvironments)
    if (env.name == name) return &env;
  return nullptr;
}

Engine::Engine(const Library& library, size_t cache_capacity)
    : library_(library), cache_(cache_capacity) {
  for (const std::string& declared : library_.methods.names())
    method_names_.insert(declared.substr(declared.find('.') + 1));
}

// Attribute reads whose name no Python method has skip the method lookup when they run.
void Engine::mark_methods(Expr* e) const {
  if (!e) return;
  if (e->kind == ExprKind::Attribute) e->maybe_method = method_names_.count(e->name) > 0;
  for (ExprPtr& operand : e->operands) mark_methods(operand.get());
  for (Argument& arg : e->args) mark_methods(arg.value.get());
}

void Engine::mark_methods(Body& body) const {
  for (Stmt& stmt : body) {
    mark_methods(stmt.value.get());
    mark_methods(stmt.condition.get());
    for (Branch& branch : stmt.branches) {
      mark_methods(branch.test.get());
      mark_methods(branch.body);
    }
    mark_methods(stmt.otherwise);
    mark_methods(stmt.body);
    for (ExprPtr& filter : stmt.filters) mark_methods(filter.get());
    for (ExprPtr& value : stmt.values) mark_methods(value.get());
  }
}

void Engine::set_extra_filters(const Registry* filters) { extra_filters_ = filters; }

void Engine::check_names(const Compiled& compiled) const {
  NameChecker checker(library_, extra_filters_);
  checker.body(compiled.body, false);
  checker.expr(compiled.expr.get(), false);
}

CompiledPtr Engine::compile_template(std::string_view source, const Environment& env,
                                     const Limits& limits) {
  const char prefix[] = {'T', env.syntax.trim_blocks ? '1' : '0',
                         env.syntax.lstrip_blocks ? '1' : '0'};
  const std::string_view lookup = cache_key({prefix, 3}, limits.max_parse_depth, source);
  if (CompiledPtr cached = cache_.get(lookup)) return cached;
  const std::string key(lookup);  // the buffer is the next lookup's
  auto compiled = std::make_shared<Compiled>();
  try {
    compiled->body = parse_template(source, env.syntax, parse_limits(limits));
    check_names(*compiled);
    fold_constants(compiled->body, library_);
    mark_methods(compiled->body);
    compiled->mutates = spells_any(compiled->body, nullptr, library_.mutating_methods);
  } catch (const Error& e) {
    compiled->body.clear();
    compiled->error = e;
  }
  cache_.put(key, compiled);
  return compiled;
}

CompiledPtr Engine::compile_expression(std::string_view text, const Limits& limits) {
  const std::string_view lookup = cache_key("E", limits.max_parse_depth, text);
  if (CompiledPtr cached = cache_.get(lookup)) return cached;
  const std::string key(lookup);  // the buffer is the next lookup's
  auto compiled = std::make_shared<Compiled>();
  try {
    compiled->expr = parse_expression(text, parse_limits(limits));
    check_names(*compiled);
    fold_constants(*compiled->expr, library_);
    mark_methods(compiled->expr.get());
    compiled->mutates = spells_any({}, compiled->expr.get(), library_.mutating_methods);
  } catch (const Error& e) {
    compiled->expr.reset();
    compiled->error = e;
  }
  cache_.put(key, compiled);
  return compiled;
}

Outcome<std::string> Engine::try_render(std::string_view source, const Environment& env,
                                        const Variables& variables, const Limits& limits,
                                        const BoundFunctions* bound) {
  CompiledPtr compiled = compile_template(source, env, limits);
  if (compiled->error) return *compiled->error;
  const EvaluationBudget budget(limits);
  const MutationPermit permit(compiled->mutates);
  Evaluator evaluator(RuntimeConfig{env.strict, env.sandboxed, extra_filters_, bound}, library_,
                      limits);
  const Variables copy = compiled->mutates ? private_copy(variables) : Variables();
  Scope context(compiled->mutates ? copy : variables);
  return evaluator.render(compiled->body, context);
}

Outcome<Value> Engine::try_evaluate(std::string_view text, const Environment& env,
                                    const Variables& variables, const Limits& limits,
                                    bool undefined_to_none, const BoundFunctions* bound) {
  CompiledPtr compiled = compile_expression(text, limits);
  if (compiled->error) return *compiled->error;
  const EvaluationBudget budget(limits);
  const MutationPermit permit(compiled->mutates);
  Evaluator evaluator(RuntimeConfig{env.strict, env.sandboxed, extra_filters_, bound}, library_,
                      limits);
  const Variables copy = compiled->mutates ? private_copy(variables) : Variables();
  const Scope context(compiled->mutates ? copy : variables);
  SIROCCO_ASSIGN_OR_RETURN(Value result, evaluator.evaluate(*compiled->expr, context));
  if (undefined_to_none && as_undefined(result)) return Value();
  return result;
}

}  // namespace sirocco::jinja
