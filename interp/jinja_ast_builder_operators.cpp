// Jinja front-end: operator expressions from the parse tree. The grammar reads each
// precedence level as a flat list; here chains become left-nested nodes, with their depth
// counted against the limit.
#include "interp/jinja_ast_builder.h"

namespace sirocco::jinja {

// --- expressions ----------------------------------------------------------------------------

ExprPtr AstBuilder::tuple(antlr4::ParserRuleContext* ctx, const std::vector<P::ExprContext*>& items,
                          bool trailing, size_t depth) const {
  if (items.size() == 1 && !trailing) return expr(items[0], depth);
  check_depth(depth, ctx);
  ExprPtr node = this->node(ExprKind::Tuple, ctx);
  for (P::ExprContext* item : items) node->operands.push_back(expr(item, depth + 1));
  return node;
}

ExprPtr AstBuilder::plain_tuple(P::PlainTupleContext* ctx, size_t depth) const {
  if (ctx->items.size() == 1 && !ctx->trailing) return or_expr(ctx->items[0]->orExpr(), depth);
  check_depth(depth, ctx);
  ExprPtr node = this->node(ExprKind::Tuple, ctx);
  for (P::PlainExprContext* item : ctx->items)
    node->operands.push_back(or_expr(item->orExpr(), depth + 1));
  return node;
}

ExprPtr AstBuilder::expr(P::ExprContext* ctx, size_t depth) const {
  const size_t chain = ctx->conditions.size();
  ExprPtr value = or_expr(ctx->value, depth + chain);
  for (size_t i = 0; i < chain; ++i) {
    P::ConditionalContext* c = ctx->conditions[i];
    ExprPtr node = this->node(ExprKind::Conditional, ctx);
    node->operands.push_back(std::move(value));
    node->operands.push_back(or_expr(c->test, depth + chain - i));
    node->operands.push_back(c->otherwise ? expr(c->otherwise, depth + chain - i) : nullptr);
    value = std::move(node);
  }
  return value;
}

ExprPtr AstBuilder::binary(ExprKind kind, ExprPtr left, ExprPtr right, size_t depth) const {
  auto node = std::make_unique<Expr>();
  node->kind = kind;
  node->span = Span{left->span.begin, right->span.end};
  if (depth > max_depth_) fail("expression is nested too deeply", node->span);
  node->operands.push_back(std::move(left));
  node->operands.push_back(std::move(right));
  return node;
}

ExprPtr AstBuilder::or_expr(P::OrExprContext* ctx, size_t depth) const {
  const size_t n = ctx->operands.size();
  ExprPtr value = and_expr(ctx->operands[0], depth + n - 1);
  for (size_t i = 1; i < n; ++i)
    value = binary(ExprKind::Or, std::move(value), and_expr(ctx->operands[i], depth + 1),
                   depth + n - i);
  return value;
}

ExprPtr AstBuilder::and_expr(P::AndExprContext* ctx, size_t depth) const {
  const size_t n = ctx->operands.size();
  ExprPtr value = not_expr(ctx->operands[0], depth + n - 1);
  for (size_t i = 1; i < n; ++i)
    value = binary(ExprKind::And, std::move(value), not_expr(ctx->operands[i], depth + 1),
                   depth + n - i);
  return value;
}

ExprPtr AstBuilder::not_expr(P::NotExprContext* ctx, size_t depth) const {
  if (!ctx->operand) return comparison(ctx->comparison(), depth);
  check_depth(depth, ctx);
  ExprPtr node = this->node(ExprKind::Not, ctx);
  node->operands.push_back(not_expr(ctx->operand, depth + 1));
  return node;
}

ExprPtr AstBuilder::comparison(P::ComparisonContext* ctx, size_t depth) const {
  if (ctx->ops.empty()) return sum_expr(ctx->first, depth);
  check_depth(depth, ctx);
  ExprPtr node = this->node(ExprKind::Compare, ctx);
  node->operands.push_back(sum_expr(ctx->first, depth + 1));
  for (size_t i = 0; i < ctx->ops.size(); ++i) {
    P::CompareOpContext* op = ctx->ops[i];
    CompareOp code = CompareOp::Equal;
    if (op->NOT())
      code = CompareOp::NotIn;
    else if (op->IN())
      code = CompareOp::In;
    else if (op->NE())
      code = CompareOp::NotEqual;
    else if (op->LT())
      code = CompareOp::Less;
    else if (op->LE())
      code = CompareOp::LessEqual;
    else if (op->GT())
      code = CompareOp::Greater;
    else if (op->GE())
      code = CompareOp::GreaterEqual;
    node->comparisons.push_back(code);
    node->operands.push_back(sum_expr(ctx->rest[i], depth + 1));
  }
  return node;
}

ExprPtr AstBuilder::sum_expr(P::SumExprContext* ctx, size_t depth) const {
  const size_t n = ctx->operands.size();
  ExprPtr value = concat_expr(ctx->operands[0], depth + n - 1);
  for (size_t i = 1; i < n; ++i) {
    value = binary(ExprKind::Binary, std::move(value), concat_expr(ctx->operands[i], depth + 1),
                   depth + n - i);
    value->op = ctx->ops[i - 1]->getType() == P::PLUS ? BinaryOp::Add : BinaryOp::Subtract;
  }
  return value;
}

ExprPtr AstBuilder::concat_expr(P::ConcatExprContext* ctx, size_t depth) const {
  const size_t n = ctx->operands.size();
  ExprPtr value = product_expr(ctx->operands[0], depth + n - 1);
  for (size_t i = 1; i < n; ++i) {
    value = binary(ExprKind::Binary, std::move(value), product_expr(ctx->operands[i], depth + 1),
                   depth + n - i);
    value->op = BinaryOp::Concat;
  }
  return value;
}

ExprPtr AstBuilder::product_expr(P::ProductExprContext* ctx, size_t depth) const {
  const size_t n = ctx->operands.size();
  ExprPtr value = power_expr(ctx->operands[0], depth + n - 1);
  for (size_t i = 1; i < n; ++i) {
    value = binary(ExprKind::Binary, std::move(value), power_expr(ctx->operands[i], depth + 1),
                   depth + n - i);
    switch (ctx->ops[i - 1]->getType()) {
      case P::STAR:
        value->op = BinaryOp::Multiply;
        break;
      case P::SLASH:
        value->op = BinaryOp::Divide;
        break;
      case P::FLOORDIV:
        value->op = BinaryOp::FloorDivide;
        break;
      default:
        value->op = BinaryOp::Modulo;
    }
  }
  return value;
}

ExprPtr AstBuilder::power_expr(P::PowerExprContext* ctx, size_t depth) const {
  const size_t n = ctx->operands.size();
  ExprPtr value = filtered(ctx->operands[0], depth + n - 1);
  for (size_t i = 1; i < n; ++i) {
    value = binary(ExprKind::Binary, std::move(value), filtered(ctx->operands[i], depth + 1),
                   depth + n - i);
    value->op = BinaryOp::Power;
  }
  return value;
}

}  // namespace sirocco::jinja
