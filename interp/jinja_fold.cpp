// Constant folding as Jinja2's optimizer does it (see interp/jinja_fold.h).
#include "interp/jinja_fold.h"

#include <cmath>
#include <optional>
#include <unordered_map>

#include "interp/jinja_eval.h"
#include "interp/number.h"

namespace sirocco::jinja {

namespace {

// Filters that take the template context cannot be folded (Jinja2's @pass_context).
bool context_filter(const std::string& name) {
  return name == "map" || name == "random" || name == "reject" || name == "rejectattr" ||
         name == "select" || name == "selectattr";
}

// Values Jinja2 writes as Python literals (its has_safe_repr).
bool literal(const Value& v) {
  switch (v.kind()) {
    case Kind::Null:
    case Kind::Bool:
    case Kind::Int:
    case Kind::Float:
    case Kind::String:
      return true;
    case Kind::List:
      for (const Value& item : v.as_list())
        if (!literal(item)) return false;
      return true;
    case Kind::Dict:
      for (const auto& [key, value] : v.as_dict())
        if (!literal(key) || !literal(value)) return false;
      return true;
    default:
      return false;
  }
}

bool has_nonfinite(const Value& v) {
  if (v.is_float()) return !std::isfinite(v.as_float());
  if (v.is_list()) {
    for (const Value& item : v.as_list())
      if (has_nonfinite(item)) return true;
  }
  if (v.is_dict()) {
    for (const auto& [key, value] : v.as_dict())
      if (has_nonfinite(key) || has_nonfinite(value)) return true;
  }
  return false;
}

bool negative_number(const Value& v) {
  if (v.is_float()) return std::signbit(v.as_float()) && !std::isnan(v.as_float());
  return v.is_int() && (v.is_big_int() ? v.big_int() < 0 : v.as_small_int() < 0);
}

class Folder {
 public:
  explicit Folder(const Library& library) : evaluator_(RuntimeConfig{}, library, limits()) {}

  // The constant value of `e`, or nullopt; records which nodes fold to a literal.
  std::optional<Value> fold(Expr& e) {
    std::optional<Value> value = constant(e);
    if (value && literal(*value)) folded_[&e] = *value;
    return value;
  }

  // Marks what the code generator would write: maximal folded nodes, and `**` nodes.
  void mark(Expr& e) {
    if (auto it = folded_.find(&e); it != folded_.end()) {
      if (has_nonfinite(it->second)) {
        e.nonfinite_constant = true;
        e.value = it->second;
      }
      return;
    }
    if (e.kind == ExprKind::Binary && e.op == BinaryOp::Power) unparenthesize(e);
    for (ExprPtr& operand : e.operands)
      if (operand) mark(*operand);
    for (Argument& arg : e.args) mark(*arg.value);
  }

  bool folded(const Expr& e) const { return folded_.count(&e) != 0; }

 private:
  static const Limits& limits() {
    static const Limits kLimits = [] {
      Limits l;
      l.max_steps = 10000;
      l.memory_quota = 1 << 20;
      return l;
    }();
    return kLimits;
  }

  std::optional<Value> constant(Expr& e) {
    // Every child is folded on its own first, as the optimizer visits bottom-up.
    std::vector<std::optional<Value>> operands;
    for (ExprPtr& operand : e.operands) operands.push_back(operand ? fold(*operand) : Value());
    bool args_constant = true;
    for (Argument& arg : e.args) args_constant = fold(*arg.value).has_value() && args_constant;
    auto all = [&] {
      for (const auto& v : operands)
        if (!v) return false;
      return args_constant;
    };
    switch (e.kind) {
      case ExprKind::Constant:
        return e.value;
      case ExprKind::Name:
      case ExprKind::Call:
        return std::nullopt;
      case ExprKind::And:
        if (!operands[0]) return std::nullopt;
        return !truthy(*operands[0]) ? operands[0] : operands[1];
      case ExprKind::Or:
        if (!operands[0]) return std::nullopt;
        return truthy(*operands[0]) ? operands[0] : operands[1];
      case ExprKind::Conditional:
        if (!operands[1]) return std::nullopt;
        if (truthy(*operands[1])) return operands[0];
        return e.operands[2] ? operands[2] : std::nullopt;
      case ExprKind::Filter:
        if (context_filter(e.name) || !evaluator_.has_filter(e.name)) return std::nullopt;
        break;
      case ExprKind::Test:
        if (!evaluator_.has_test(e.name)) return std::nullopt;
        break;
      default:
        break;
    }
    if (!all()) return std::nullopt;
    Outcome<Value> folded = evaluator_.evaluate(e, scope_);
    if (!folded) return std::nullopt;
    return *std::move(folded);
  }

  // Python reads `-2 ** x` as -(2 ** x).
  // (When both sides are constant Jinja2 folds the whole power, or fails at run time.)
  void unparenthesize(Expr& e) {
    auto it = folded_.find(e.operands[0].get());
    if (it == folded_.end() || !negative_number(it->second)) return;
    if (folded_.count(e.operands[1].get())) return;
    auto base = std::make_unique<Expr>();
    base->kind = ExprKind::Constant;
    base->span = e.operands[0]->span;
    base->value = num_neg(it->second);
    auto power = std::make_unique<Expr>();
    power->kind = ExprKind::Binary;
    power->op = BinaryOp::Power;
    power->span = e.span;
    power->operands.push_back(std::move(base));
    power->operands.push_back(std::move(e.operands[1]));
    e.kind = ExprKind::Negative;
    e.operands.clear();
    e.operands.push_back(std::move(power));
  }

  Evaluator evaluator_;
  Scope scope_;
  std::unordered_map<const Expr*, Value> folded_;
};

void fold_expr(Expr* e, Folder& folder) {
  if (!e) return;
  folder.fold(*e);
  folder.mark(*e);
}

void fold_body(Body& body, Folder& folder) {
  for (Stmt& stmt : body) {
    switch (stmt.kind) {
      case StmtKind::Text:
        break;
      case StmtKind::Output:
        // A value printed whole is written as text; only its parts can be code.
        folder.fold(*stmt.value);
        if (!folder.folded(*stmt.value)) folder.mark(*stmt.value);
        break;
      case StmtKind::Set:
        fold_expr(stmt.value.get(), folder);
        break;
      case StmtKind::If:
        for (Branch& branch : stmt.branches) {
          fold_expr(branch.test.get(), folder);
          fold_body(branch.body, folder);
        }
        fold_body(stmt.otherwise, folder);
        break;
      case StmtKind::For:
        fold_expr(stmt.value.get(), folder);
        fold_expr(stmt.condition.get(), folder);
        fold_body(stmt.body, folder);
        fold_body(stmt.otherwise, folder);
        break;
      case StmtKind::SetBlock:
      case StmtKind::FilterBlock:
        for (ExprPtr& filter : stmt.filters)
          for (Argument& arg : filter->args) fold_expr(arg.value.get(), folder);
        fold_body(stmt.body, folder);
        break;
      case StmtKind::With:
        for (ExprPtr& value : stmt.values) fold_expr(value.get(), folder);
        fold_body(stmt.body, folder);
        break;
    }
  }
}

}  // namespace

void fold_constants(Body& body, const Library& library) {
  Folder folder(library);
  fold_body(body, folder);
}

void fold_constants(Expr& root, const Library& library) {
  Folder folder(library);
  fold_expr(&root, folder);
}

}  // namespace sirocco::jinja
