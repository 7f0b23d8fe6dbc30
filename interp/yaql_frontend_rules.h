// Token-level rules of yaql's grammar that the ANTLR grammar leaves to the front-end: where
// omitted (`f(, x)`) and named (`f(x, a => 1)`) arguments may stand, and the nesting limit
// that keeps the parser's recursion bounded. Fed one token at a time, it says at which
// token yaql's LALR parser would have failed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sirocco::yaql {

// What a token does as far as these rules go.
enum class TokenRole : uint8_t {
  Operand,        // literal, keyword, variable
  OpenArguments,  // `f(`, `[`, `{`: an argument list follows
  OpenGroup,      // `(`
  Close,          // `)`, `]`, `}`
  Comma,
  Mapping,   // `=>`
  Operator,  // a binary and/or prefix operator
  Other,     // anything else
};

// A token's role and how tightly it binds, in the grammar's precedence levels (a higher
// level binds tighter); 0 where the token cannot stand in that position.
struct TokenClass {
  TokenRole role = TokenRole::Other;
  uint8_t infix = 0;   // after an operand: a binary operator, or the `[` of an indexer
  uint8_t prefix = 0;  // before an operand: a prefix operator
  bool right_associative = false;
};

enum class RuleVerdict : uint8_t {
  Ok,
  Unexpected,  // yaql's grammar rejects this token here
  TooDeep,     // this token nests past the limit
};

class TokenRules {
 public:
  // Starts a new expression. Nesting is what a recursive-descent parser has open at a
  // token: brackets, plus operators still waiting for their right operand. More than
  // `max_depth` is TooDeep. (Chains such as 1+1+1 nest in the tree, not here.)
  void reset(size_t max_depth);
  RuleVerdict feed(const TokenClass& token);

 private:
  enum class ArgumentKind : uint8_t { None, Positional, Named };
  struct Level {
    bool is_argument_list = false;  // false for `(...)` and the top level
    size_t pending_base = 0;        // where this level's operators start in pending_
    uint32_t commas = 0;            // commas since the last argument or the opening bracket
    ArgumentKind previous = ArgumentKind::None;  // the last finished argument
    bool in_argument = false;
    bool named = false;  // `=>` seen in the current argument
  };

  RuleVerdict comma(Level& level);
  RuleVerdict mapping(Level& level);
  RuleVerdict close();
  RuleVerdict finish_argument(Level& level);
  void open(bool is_argument_list);
  void operate(const TokenClass& token);
  void close_operands_binding_tighter(uint8_t infix, bool right_associative);
  bool follows_operand() const;
  size_t depth() const { return levels_.size() - 1 + pending_.size(); }

  std::vector<Level> levels_;
  std::vector<uint8_t> pending_;  // precedence of each operator awaiting its operand
  size_t max_depth_ = 0;
  TokenRole previous_ = TokenRole::Other;
};

}  // namespace sirocco::yaql
