// Jinja front-end: operands from the parse tree: filters, tests and calls, unary signs,
// attribute and item access, slices, literals with their values, call arguments.
#include <cstdlib>

#include "interp/number.h"
#include "interp/utf8.h"
#include "interp/yaql_lexer_text.h"

#include "interp/jinja_ast_builder.h"

namespace sirocco::jinja {

Value constant_of(std::string_view name) {
  if (name == "true" || name == "True") return Value::boolean(true);
  if (name == "false" || name == "False") return Value::boolean(false);
  return Value();
}

Value integer_literal(const std::string& text) {
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

}  // namespace sirocco::jinja
