// The mutation permit of Jinja evaluations: the text scan, the deep copy, the guard.
#include "interp/jinja_mutation.h"

#include <algorithm>

namespace sirocco::jinja {
namespace {

thread_local bool mutation_allowed = true;

class NameScan {
 public:
  explicit NameScan(const std::vector<std::string>& names) : names_(names) {}

  bool body(const Body& body) const {
    return std::any_of(body.begin(), body.end(), [&](const Stmt& s) { return stmt(s); });
  }

  bool expr(const Expr* e) const {
    if (!e) return false;
    if (e->kind == ExprKind::Attribute && named(e->name)) return true;
    if (e->kind == ExprKind::Constant && spells(e->value)) return true;
    for (const ExprPtr& operand : e->operands)
      if (expr(operand.get())) return true;
    for (const Argument& arg : e->args)
      if (expr(arg.value.get())) return true;
    return false;
  }

 private:
  bool named(std::string_view name) const {
    return std::find(names_.begin(), names_.end(), name) != names_.end();
  }

  // A folded constant may be a tuple or list of strings (`('a', 'pop')`).
  bool spells(const Value& v) const {
    if (v.is_string()) return named(v.as_string());
    if (v.is_list())
      return std::any_of(v.as_list().begin(), v.as_list().end(),
                         [&](const Value& item) { return spells(item); });
    if (v.is_dict())
      return std::any_of(v.as_dict().begin(), v.as_dict().end(),
                         [&](const Dict::Entry& e) { return spells(e.first) || spells(e.second); });
    return false;
  }

  bool stmt(const Stmt& s) const {
    if (expr(s.value.get()) || expr(s.condition.get()) || body(s.body) || body(s.otherwise))
      return true;
    if (named(s.target.attribute)) return true;
    for (const Branch& branch : s.branches)
      if (expr(branch.test.get()) || body(branch.body)) return true;
    for (const ExprPtr& filter : s.filters)
      if (expr(filter.get())) return true;
    for (const ExprPtr& value : s.values)
      if (expr(value.get())) return true;
    return false;
  }

  const std::vector<std::string>& names_;
};

}  // namespace

bool spells_any(const Body& body, const Expr* expr, const std::vector<std::string>& names) {
  NameScan scan(names);
  return scan.body(body) || scan.expr(expr);
}

Value copy_containers(const Value& v) {
  if (v.is_list()) {
    List items;
    items.reserve(v.as_list().size());
    for (const Value& item : v.as_list()) items.push_back(copy_containers(item));
    return v.is_tuple() ? Value::tuple(std::move(items)) : Value::list(std::move(items));
  }
  if (v.is_dict()) {
    Dict d;
    d.reserve(v.as_dict().size());
    for (const auto& [key, value] : v.as_dict()) d.set(key, copy_containers(value));
    return Value::dict(std::move(d));
  }
  return v;
}

MutationPermit::MutationPermit(bool allowed) : previous_(mutation_allowed) {
  mutation_allowed = allowed;
}

MutationPermit::~MutationPermit() { mutation_allowed = previous_; }

void MutationPermit::check(std::string_view method) {
  if (!mutation_allowed)
    throw Error("SecurityError", "'" + std::string(method) +
                                     "' changes a list or dict in place; a template may call it "
                                     "only where its text names it");
}

}  // namespace sirocco::jinja
