// Mistral's evaluation of the expressions inside any workflow value (`evaluate_recursively`):
// dict values and list items are walked at any depth (keys never), each string is evaluated
// by the language its delimiters choose, everything else passes through. With falsy data
// nothing is evaluated.
#pragma once

#include <string_view>

#include "interp/value.h"

namespace sirocco::mistral {

// The two languages, as the walk calls them. Both throw sirocco::Error.
class StringEvaluators {
 public:
  virtual ~StringEvaluators() = default;
  // One bare YAQL expression against the data: its native (output-converted) value.
  virtual Value yaql_expression(std::string_view expression, const Value& data) = 0;
  // A string Mistral treats as Jinja, by Mistral's rule (a lone `{{ }}` gives the native
  // value, anything else renders to a string).
  virtual Value jinja_string(std::string_view text, const Value& data) = 0;
};

// The value with every expression inside evaluated; the first failure aborts the walk.
Value evaluate_data(const Value& value, const Value& data, StringEvaluators& evaluators);

// One string: a lone `<% %>` gives the native value; text around or several expressions
// render each value with Python's str() in place of its `<% %>`. A value's text is never
// read for expressions again (Mistral's text replacement does that; see COMPATIBILITY.md).
Value evaluate_string(std::string_view text, const Value& data, StringEvaluators& evaluators);

}  // namespace sirocco::mistral
