// Token-level argument and nesting rules of yaql's grammar. Yaql's args rule accepts
// `,`* positional (`,`+ positional)* and then, after one or two commas, named arguments
// separated by single commas; trailing commas are never allowed.
#include "interp/yaql_frontend_rules.h"

namespace sirocco::yaql {

void TokenRules::reset(size_t max_depth) {
  levels_.assign(1, Level{});
  pending_.clear();
  max_depth_ = max_depth;
  previous_ = TokenRole::Other;
}

RuleVerdict TokenRules::feed(const TokenClass& token) {
  Level& level = levels_.back();
  RuleVerdict verdict = RuleVerdict::Ok;
  switch (token.role) {
    case TokenRole::Comma:
      verdict = comma(level);
      break;
    case TokenRole::Mapping:
      verdict = mapping(level);
      break;
    case TokenRole::Close:
      verdict = close();
      break;
    default:
      if (level.is_argument_list) level.in_argument = true;
      if (token.role == TokenRole::Operator) {
        operate(token);
      } else if (token.role == TokenRole::OpenArguments || token.role == TokenRole::OpenGroup) {
        if (token.infix != 0 && follows_operand())
          close_operands_binding_tighter(token.infix, false);
        open(token.role == TokenRole::OpenArguments);
      }
  }
  previous_ = token.role;
  if (verdict == RuleVerdict::Ok && depth() > max_depth_) return RuleVerdict::TooDeep;
  return verdict;
}

// Outside argument lists a comma or `=>` is a syntax error the parser reports itself.
RuleVerdict TokenRules::comma(Level& level) {
  pending_.resize(level.pending_base);
  if (!level.is_argument_list) return RuleVerdict::Ok;
  if (level.in_argument) {
    const RuleVerdict verdict = finish_argument(level);
    level.commas = 1;
    return verdict;
  }
  ++level.commas;
  // Named arguments are separated by exactly one comma.
  const bool after_named = level.previous == ArgumentKind::Named;
  return after_named && level.commas > 1 ? RuleVerdict::Unexpected : RuleVerdict::Ok;
}

RuleVerdict TokenRules::mapping(Level& level) {
  pending_.resize(level.pending_base);
  if (!level.is_argument_list || !level.in_argument || level.named) return RuleVerdict::Ok;
  level.named = true;
  // A named argument cannot follow leading commas alone, and at most one positional
  // argument may be omitted just before the first named one.
  const bool after_omitted = level.previous == ArgumentKind::None && level.commas > 0;
  const bool too_many_commas = level.previous == ArgumentKind::Positional && level.commas > 2;
  return after_omitted || too_many_commas ? RuleVerdict::Unexpected : RuleVerdict::Ok;
}

RuleVerdict TokenRules::close() {
  if (levels_.size() == 1) return RuleVerdict::Ok;  // unbalanced: the parser reports it
  Level& level = levels_.back();
  RuleVerdict verdict = RuleVerdict::Ok;
  if (level.is_argument_list) {
    if (level.in_argument) {
      verdict = finish_argument(level);
    } else if (level.commas > 0) {
      verdict = RuleVerdict::Unexpected;  // a trailing comma, or commas alone
    }
  }
  pending_.resize(level.pending_base);
  levels_.pop_back();
  return verdict;
}

// A positional argument cannot follow a named one: yaql fails at the token after it.
RuleVerdict TokenRules::finish_argument(Level& level) {
  const ArgumentKind kind = level.named ? ArgumentKind::Named : ArgumentKind::Positional;
  const bool positional_after_named =
      kind == ArgumentKind::Positional && level.previous == ArgumentKind::Named;
  level.previous = kind;
  level.in_argument = false;
  level.named = false;
  return positional_after_named ? RuleVerdict::Unexpected : RuleVerdict::Ok;
}

void TokenRules::open(bool is_argument_list) {
  Level level;
  level.is_argument_list = is_argument_list;
  level.pending_base = pending_.size();
  levels_.push_back(level);
}

// An operator after an operand is infix: it completes the operands of pending operators
// that bind tighter (or as tight, when left-associative), then awaits its own right
// operand. Before an operand it is a prefix operator.
void TokenRules::operate(const TokenClass& token) {
  if (follows_operand() && token.infix != 0) {
    close_operands_binding_tighter(token.infix, token.right_associative);
    pending_.push_back(token.infix);
  } else if (token.prefix != 0) {
    pending_.push_back(token.prefix);
  }
}

void TokenRules::close_operands_binding_tighter(uint8_t infix, bool right_associative) {
  const size_t base = levels_.back().pending_base;
  while (pending_.size() > base &&
         (pending_.back() > infix || (pending_.back() == infix && !right_associative))) {
    pending_.pop_back();
  }
}

bool TokenRules::follows_operand() const {
  return previous_ == TokenRole::Operand || previous_ == TokenRole::Close;
}

}  // namespace sirocco::yaql
