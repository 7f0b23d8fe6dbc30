// Internal to the Jinja front-end (interp/jinja_parser.cpp): whitespace control on the
// lexer's tokens, applied the way Jinja2's lexer applies it.
#pragma once

#include <memory>
#include <vector>

// Our headers (Boost among them) before ANTLR's, which undefines EOF.
#include "interp/jinja_parser.h"

#include <antlr4-runtime.h>

namespace sirocco::jinja {

// Applies whitespace control to the text tokens: `-` strips all whitespace on its side, `+`
// keeps it, trim_blocks drops the newline after a block or comment tag, lstrip_blocks the
// spaces before one at the start of a line. Comments disappear; a raw block becomes text.
class Layout {
 public:
  using TokenPtr = std::unique_ptr<antlr4::Token>;

  explicit Layout(const Syntax& syntax) : syntax_(syntax) {}

  // The tokens up to EOF as the parser gets them.
  std::vector<TokenPtr> run(std::vector<TokenPtr> tokens);

 private:
  // What the end of a tag removes from the text after it.
  enum class Lead { None, AllSpace, Newline };

  static char closer_sign(const std::string& text, size_t min, size_t close);
  void end_of_tag(char sign, bool block);
  void strip_lead(std::string& text);
  void strip_before_tag(std::string& text, char sign, bool variable, bool line_starting) const;
  TokenPtr raw_content(const antlr4::Token& raw);

  const Syntax& syntax_;
  Lead lead_ = Lead::None;
  bool line_starting_ = true;
};

}  // namespace sirocco::jinja
