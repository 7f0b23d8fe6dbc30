// The AST of a Jinja template or expression, built by interp/jinja_parser.cpp and walked
// by the evaluator (interp/jinja_eval*.cpp). A compiled template owns its whole tree; nodes
// never change after parsing.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/value.h"

namespace sirocco::jinja {

enum class ExprKind : uint8_t {
  Constant,     // value
  Name,         // name
  List,         // operands
  Tuple,        // operands
  Dict,         // operands: key, value, key, value ...
  Attribute,    // operands[0].name (`x.name`, `x.0` has an int `value` instead)
  Item,         // operands[0][operands[1]]
  Slice,        // operands: start, stop, step (each may be null); only inside Item
  Call,         // operands[0](args)
  Filter,       // operands[0]|name(args)
  Test,         // operands[0] is [not] name(args)
  Negative,     // -operands[0]
  Positive,     // +operands[0]
  Not,          // not operands[0]
  Binary,       // operands[0] op operands[1]
  Compare,      // operands[0] ops[0] operands[1] ops[1] operands[2] ...
  And,          // operands[0] and operands[1]
  Or,           // operands[0] or operands[1]
  Conditional,  // operands: value, test, otherwise (otherwise null: no else)
};

enum class BinaryOp : uint8_t {
  Add,
  Subtract,
  Multiply,
  Divide,
  FloorDivide,
  Modulo,
  Power,
  Concat
};
enum class CompareOp : uint8_t {
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  In,
  NotIn
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Argument {
  enum class Kind : uint8_t { Positional, Keyword, Star, StarStar };
  Kind kind = Kind::Positional;
  std::string name;  // a keyword argument's name
  ExprPtr value;
};

struct Expr {
  ExprKind kind = ExprKind::Constant;
  Span span;
  Value value;       // Constant; the folded value of a nonfinite_constant node
  std::string name;  // Name, Attribute, Filter, Test
  BinaryOp op = BinaryOp::Add;
  bool negated = false;             // Test: `is not`
  bool nonfinite_constant = false;  // folded by Jinja2 into a literal holding inf or nan: NameError
  bool maybe_method = true;  // Attribute: false when no type of the library has such a method
  std::vector<CompareOp> comparisons;  // Compare
  std::vector<ExprPtr> operands;
  std::vector<Argument> args;  // Call, Filter, Test
};

// What `for` and `set` bind: a name, a tuple of targets, or a namespace attribute.
struct Target {
  std::string name;           // a name; for `ns.attr` the namespace's name
  std::string attribute;      // `ns.attr`: attr
  std::vector<Target> items;  // a tuple target
  bool is_tuple = false;
  Span span;
};

enum class StmtKind : uint8_t { Text, Output, If, For, Set, SetBlock, With, FilterBlock };

struct Stmt;
using Body = std::vector<Stmt>;

struct Branch {
  ExprPtr test;
  Body body;
};

struct Stmt {
  StmtKind kind = StmtKind::Text;
  Span span;
  std::string text;              // Text
  ExprPtr value;                 // Output, Set; For: the iterable
  std::vector<Branch> branches;  // If: if and elifs
  Body otherwise;                // If, For: the else body
  Target target;                 // For, Set, SetBlock
  ExprPtr condition;             // For: the `if` filter (may be null)
  bool recursive = false;        // For
  Body body;                     // For, SetBlock, With, FilterBlock
  std::vector<ExprPtr> filters;  // SetBlock, FilterBlock: Filter nodes whose operand is null
  std::vector<Target> targets;   // With: the names bound ...
  std::vector<ExprPtr> values;   // ... to these values
};

}  // namespace sirocco::jinja
