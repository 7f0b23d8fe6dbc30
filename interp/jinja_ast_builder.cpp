// Jinja front-end, second half: ANTLR's parse tree → the AST of interp/jinja_ast.h. Operator
// chains, which the grammar reads as flat lists, become left-nested nodes here; literals get
// their values; the nesting depth of what is built is checked against the limit.
#include <cstdlib>

#include "interp/number.h"
#include "interp/utf8.h"
#include "interp/yaql_lexer_text.h"

#include "interp/jinja_ast_builder.h"

namespace sirocco::jinja {

namespace {

constexpr char kSyntaxError[] = "TemplateSyntaxError";

bool is_constant_name(std::string_view name) {
  return name == "true" || name == "True" || name == "false" || name == "False" || name == "none" ||
         name == "None";
}

Value constant_of(std::string_view name) {
  if (name == "true" || name == "True") return Value::boolean(true);
  if (name == "false" || name == "False") return Value::boolean(false);
  return Value();
}

Value integer_literal(std::string text) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  if (digits.size() > 2 && digits[0] == '0' &&
      std::isalpha(static_cast<unsigned char>(digits[1]))) {
    const char prefix = static_cast<char>(std::tolower(static_cast<unsigned char>(digits[1])));
    const int base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
    BigInt value = 0;
    for (size_t i = 2; i < digits.size(); ++i) {
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(digits[i])));
      value = value * base + (c >= 'a' ? c - 'a' + 10 : c - '0');
    }
    return Value::integer(value);
  }
  return int_from_text(digits);
}

std::u32string code_points(const std::string& text) {
  std::u32string out;
  size_t pos = 0;
  while (pos < text.size()) out += utf8::decode(text, pos);
  return out;
}

Value float_literal(const std::string& text) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  return Value::number(std::strtod(digits.c_str(), nullptr));
}

}  // namespace

// --- statements -----------------------------------------------------------------------------

Body AstBuilder::body(P::BodyContext* ctx, size_t depth) const {
  check_depth(depth, ctx);
  Body out;
  out.reserve(ctx->element().size());
  for (P::ElementContext* element_ctx : ctx->element()) out.push_back(element(element_ctx, depth));
  return out;
}

Stmt AstBuilder::element(P::ElementContext* ctx, size_t depth) const {
  Stmt stmt;
  stmt.span = span(ctx);
  if (auto* text = dynamic_cast<P::TextContext*>(ctx)) {
    stmt.kind = StmtKind::Text;
    stmt.text = text->TEXT()->getSymbol()->getText();
  } else if (auto* output = dynamic_cast<P::OutputContext*>(ctx)) {
    stmt.kind = StmtKind::Output;
    stmt.value = tuple(output->value, output->value->items, output->value->trailing, depth + 1);
  } else if (auto* if_ctx = dynamic_cast<P::IfContext*>(ctx)) {
    return if_statement(if_ctx->ifStatement(), depth + 1);
  } else if (auto* for_ctx = dynamic_cast<P::ForContext*>(ctx)) {
    return for_statement(for_ctx->forStatement(), depth + 1);
  } else if (auto* set = dynamic_cast<P::SetContext*>(ctx)) {
    P::SetStatementContext* s = set->setStatement();
    stmt.kind = StmtKind::Set;
    stmt.target = set_target(s->target);
    stmt.value = tuple(s->value, s->value->items, s->value->trailing, depth + 1);
  } else if (auto* block = dynamic_cast<P::SetBlockContext*>(ctx)) {
    P::SetBlockStatementContext* s = block->setBlockStatement();
    stmt.kind = StmtKind::SetBlock;
    stmt.target = set_target(s->target);
    for (P::FilterCallContext* f : s->filters)
      stmt.filters.push_back(filter_call(f, nullptr, depth + 1));
    stmt.body = body(s->content, depth + 1);
  } else {
    fail("unexpected element", stmt.span);
  }
  return stmt;
}

Stmt AstBuilder::if_statement(P::IfStatementContext* ctx, size_t depth) const {
  Stmt stmt;
  stmt.kind = StmtKind::If;
  stmt.span = span(ctx);
  stmt.branches.push_back(Branch{plain_tuple(ctx->test, depth + 1), body(ctx->then, depth + 1)});
  for (P::ElifBranchContext* elif : ctx->branches)
    stmt.branches.push_back(
        Branch{plain_tuple(elif->test, depth + 1), body(elif->then, depth + 1)});
  if (ctx->otherwise) stmt.otherwise = body(ctx->otherwise, depth + 1);
  return stmt;
}

Stmt AstBuilder::for_statement(P::ForStatementContext* ctx, size_t depth) const {
  Stmt stmt;
  stmt.kind = StmtKind::For;
  stmt.span = span(ctx);
  stmt.target = assign_target(ctx->target);
  reject_loop_name(stmt.target);
  stmt.value = plain_tuple(ctx->iterable, depth + 1);
  if (ctx->condition) stmt.condition = expr(ctx->condition, depth + 1);
  stmt.recursive = ctx->recursive != nullptr;
  stmt.body = body(ctx->loopBody, depth + 1);
  if (ctx->otherwise) stmt.otherwise = body(ctx->otherwise, depth + 1);
  return stmt;
}

// Jinja2's compiler refuses `loop` as a for-loop target.
void AstBuilder::reject_loop_name(const Target& target) const {
  if (target.name == "loop") {
    throw Error("TemplateAssertionError",
                "Can't assign to special loop variable in for-loop target", target.span);
  }
  for (const Target& item : target.items) reject_loop_name(item);
}

Target AstBuilder::set_target(P::SetTargetContext* ctx) const {
  if (P::AssignTargetContext* names = ctx->assignTarget()) {
    // Jinja2 ends a `set` target's tuple only at `=`: `{% set a, = x %}` does not parse.
    if (names->trailing) fail("unexpected '='", span(names->trailing));
    return assign_target(names);
  }
  Target target;
  target.name = ctx->owner->getText();
  target.attribute = ctx->attribute->getText();
  target.span = span(ctx);
  return target;
}

Target AstBuilder::assign_target(P::AssignTargetContext* ctx) const {
  if (ctx->items.size() == 1 && !ctx->trailing) return target_item(ctx->items[0]);
  Target target;
  target.is_tuple = true;
  target.span = span(ctx);
  for (P::TargetItemContext* item : ctx->items) target.items.push_back(target_item(item));
  return target;
}

Target AstBuilder::target_item(P::TargetItemContext* ctx) const {
  if (ctx->inner) return assign_target(ctx->inner);
  Target target;
  target.name = ctx->name()->getText();
  target.span = span(ctx);
  if (is_constant_name(target.name)) fail("can't assign to 'Const'", target.span);
  return target;
}

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

ExprPtr AstBuilder::filtered(P::FilteredContext* ctx, size_t depth) const {
  const size_t n = ctx->suffixes.size();
  ExprPtr value = unary(ctx->operand, depth + n);
  for (size_t i = 0; i < n; ++i) {
    const size_t level = depth + n - i;
    P::FilterSuffixContext* suffix = ctx->suffixes[i];
    if (auto* f = dynamic_cast<P::FilterAppliedContext*>(suffix)) {
      value = filter_call(f->filterCall(), std::move(value), level);
      continue;
    }
    check_depth(level, suffix);
    const uint32_t begin = value->span.begin;
    if (auto* t = dynamic_cast<P::TestAppliedContext*>(suffix)) {
      if (!t->args && !t->single && i + 1 < n &&
          dynamic_cast<P::TestAppliedContext*>(ctx->suffixes[i + 1])) {
        fail("You cannot chain multiple tests with is", span(ctx->suffixes[i + 1]));
      }
      ExprPtr node = this->node(ExprKind::Test, suffix);
      node->name = t->test->getText();
      node->negated = t->negated != nullptr;
      node->operands.push_back(std::move(value));
      if (t->args) node->args = arguments(t->args, level + 1);
      if (t->single)
        node->args.push_back(
            Argument{Argument::Kind::Positional, "", postfix_expr(t->single, level + 1)});
      value = std::move(node);
    } else {
      auto* c = static_cast<P::CallAppliedContext*>(suffix);
      ExprPtr node = this->node(ExprKind::Call, suffix);
      node->operands.push_back(std::move(value));
      if (c->args) node->args = arguments(c->args, level + 1);
      value = std::move(node);
    }
    value->span.begin = begin;
  }
  return value;
}

ExprPtr AstBuilder::filter_call(P::FilterCallContext* ctx, ExprPtr operand, size_t depth) const {
  check_depth(depth, ctx);
  ExprPtr node = this->node(ExprKind::Filter, ctx);
  node->name = ctx->filter->getText();
  if (operand) node->span.begin = operand->span.begin;
  node->operands.push_back(std::move(operand));
  if (ctx->args) node->args = arguments(ctx->args, depth + 1);
  return node;
}

ExprPtr AstBuilder::unary(P::UnaryContext* ctx, size_t depth) const {
  if (!ctx->op) return postfix_expr(ctx->postfixExpr(), depth);
  check_depth(depth, ctx);
  ExprPtr node =
      this->node(ctx->op->getType() == P::MINUS ? ExprKind::Negative : ExprKind::Positive, ctx);
  node->operands.push_back(unary(ctx->operand, depth + 1));
  return node;
}

ExprPtr AstBuilder::postfix_expr(P::PostfixExprContext* ctx, size_t depth) const {
  const size_t n = ctx->suffixes.size();
  ExprPtr value = primary(ctx->operand, depth + n);
  for (size_t i = 0; i < n; ++i) {
    const size_t level = depth + n - i;
    P::PostfixContext* suffix = ctx->suffixes[i];
    check_depth(level, suffix);
    const uint32_t begin = value->span.begin;
    ExprPtr node;
    if (auto* a = dynamic_cast<P::AttributeAccessContext*>(suffix)) {
      if (a->index) {  // `x.0` is an item lookup with an int key
        node = this->node(ExprKind::Item, suffix);
        node->operands.push_back(std::move(value));
        ExprPtr key = this->node(ExprKind::Constant, suffix);
        key->value = integer_literal(a->index->getText());
        node->operands.push_back(std::move(key));
      } else {
        node = this->node(ExprKind::Attribute, suffix);
        node->name = a->attribute->getText();
        node->operands.push_back(std::move(value));
      }
    } else if (auto* item = dynamic_cast<P::ItemAccessContext*>(suffix)) {
      node = this->node(ExprKind::Item, suffix);
      node->operands.push_back(std::move(value));
      if (item->subscripts.size() == 1 && !item->trailing) {
        node->operands.push_back(subscript(item->subscripts[0], level + 1));
      } else {
        ExprPtr key = this->node(ExprKind::Tuple, suffix);
        for (P::SubscriptContext* s : item->subscripts)
          key->operands.push_back(subscript(s, level + 2));
        node->operands.push_back(std::move(key));
      }
    } else {
      auto* call = static_cast<P::CallContext*>(suffix);
      node = this->node(ExprKind::Call, suffix);
      node->operands.push_back(std::move(value));
      if (call->args) node->args = arguments(call->args, level + 1);
    }
    node->span.begin = begin;
    value = std::move(node);
  }
  return value;
}

ExprPtr AstBuilder::subscript(P::SubscriptContext* ctx, size_t depth) const {
  if (auto* index = dynamic_cast<P::IndexContext*>(ctx)) return expr(index->index, depth);
  auto* slice = static_cast<P::SliceContext*>(ctx);
  check_depth(depth, ctx);
  ExprPtr node = this->node(ExprKind::Slice, ctx);
  node->operands.push_back(slice->lower ? expr(slice->lower, depth + 1) : nullptr);
  node->operands.push_back(slice->upper ? expr(slice->upper, depth + 1) : nullptr);
  node->operands.push_back(slice->step ? expr(slice->step, depth + 1) : nullptr);
  return node;
}

ExprPtr AstBuilder::primary(P::PrimaryContext* ctx, size_t depth) const {
  check_depth(depth, ctx);
  if (auto* v = dynamic_cast<P::VariableContext*>(ctx)) {
    std::string name = v->getText();
    if (is_constant_name(name)) {
      ExprPtr node = this->node(ExprKind::Constant, ctx);
      node->value = constant_of(name);
      return node;
    }
    ExprPtr node = this->node(ExprKind::Name, ctx);
    node->name = std::move(name);
    return node;
  }
  if (auto* s = dynamic_cast<P::StringContext*>(ctx)) {
    std::string text;
    for (antlr4::Token* token : s->strings) {
      const std::u32string chars = code_points(token->getText());
      try {
        text += yaql::string_value(chars);
      } catch (const Error& e) {
        fail(e.message(), span(token));
      }
    }
    ExprPtr node = this->node(ExprKind::Constant, ctx);
    node->value = Value::string(std::move(text));
    return node;
  }
  if (auto* i = dynamic_cast<P::IntegerContext*>(ctx)) {
    ExprPtr node = this->node(ExprKind::Constant, ctx);
    node->value = integer_literal(i->INTEGER()->getText());
    return node;
  }
  if (auto* f = dynamic_cast<P::FloatContext*>(ctx)) {
    ExprPtr node = this->node(ExprKind::Constant, ctx);
    node->value = float_literal(f->FLOAT()->getText());
    return node;
  }
  if (dynamic_cast<P::EmptyTupleContext*>(ctx)) {
    ExprPtr node = this->node(ExprKind::Tuple, ctx);
    return node;
  }
  if (auto* p = dynamic_cast<P::ParenthesizedContext*>(ctx)) {
    if (p->items.size() == 1 && !p->trailing) return expr(p->items[0], depth + 1);
    ExprPtr node = this->node(ExprKind::Tuple, ctx);
    for (P::ExprContext* item : p->items) node->operands.push_back(expr(item, depth + 1));
    return node;
  }
  if (auto* l = dynamic_cast<P::ListContext*>(ctx)) {
    ExprPtr node = this->node(ExprKind::List, ctx);
    for (P::ExprContext* item : l->items) node->operands.push_back(expr(item, depth + 1));
    return node;
  }
  auto* d = static_cast<P::DictContext*>(ctx);
  ExprPtr node = this->node(ExprKind::Dict, ctx);
  for (P::PairContext* pair : d->pairs) {
    node->operands.push_back(expr(pair->key, depth + 1));
    node->operands.push_back(expr(pair->value, depth + 1));
  }
  return node;
}

// Python's order: positionals, then keywords and *args, then **kwargs.
std::vector<Argument> AstBuilder::arguments(P::ArgumentsContext* ctx, size_t depth) const {
  std::vector<Argument> out;
  bool keywords = false, star = false, star_star = false;
  for (P::ArgumentContext* arg : ctx->items) {
    Argument a;
    if (auto* k = dynamic_cast<P::KeywordArgumentContext*>(arg)) {
      if (star_star) fail("invalid syntax for function call expression", span(arg));
      a.kind = Argument::Kind::Keyword;
      a.name = k->keyword->getText();
      a.value = expr(k->value, depth);
      keywords = true;
    } else if (auto* s = dynamic_cast<P::StarArgumentsContext*>(arg)) {
      if (star || star_star) fail("invalid syntax for function call expression", span(arg));
      a.kind = Argument::Kind::Star;
      a.value = expr(s->value, depth);
      star = true;
    } else if (auto* ss = dynamic_cast<P::StarStarArgumentsContext*>(arg)) {
      if (star_star) fail("invalid syntax for function call expression", span(arg));
      a.kind = Argument::Kind::StarStar;
      a.value = expr(ss->value, depth);
      star_star = true;
    } else {
      if (keywords || star || star_star)
        fail("invalid syntax for function call expression", span(arg));
      a.value = expr(static_cast<P::PositionalArgumentContext*>(arg)->value, depth);
    }
    out.push_back(std::move(a));
  }
  return out;
}

// --- helpers --------------------------------------------------------------------------------

ExprPtr AstBuilder::node(ExprKind kind, antlr4::ParserRuleContext* ctx) const {
  auto node = std::make_unique<Expr>();
  node->kind = kind;
  node->span = span(ctx);
  return node;
}

Span AstBuilder::span(antlr4::Token* token) const {
  auto at = [&](size_t index) {
    const uint32_t offset = offsets_[std::min(index, offsets_.size() - 1)];
    return offset >= shift_ ? offset - shift_ : 0;
  };
  return Span{at(token->getStartIndex()), at(token->getStopIndex() + 1)};
}

Span AstBuilder::span(antlr4::ParserRuleContext* ctx) const {
  Span first = span(ctx->getStart());
  const antlr4::Token* stop = ctx->getStop();
  if (stop == nullptr || stop->getStopIndex() + 1 < ctx->getStart()->getStartIndex()) return first;
  return Span{first.begin, span(const_cast<antlr4::Token*>(stop)).end};
}

void AstBuilder::check_depth(size_t depth, antlr4::ParserRuleContext* ctx) const {
  if (depth > max_depth_) fail("template is nested too deeply", span(ctx));
}

void AstBuilder::fail(const std::string& message, Span at) const {
  throw Error(kSyntaxError, message, at);
}

}  // namespace sirocco::jinja
