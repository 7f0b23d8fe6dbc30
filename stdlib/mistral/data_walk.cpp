// The walk over a workflow value and the YAQL-in-a-string rule.
#include "stdlib/mistral/data_walk.h"

#include <string>

#include "interp/text.h"
#include "stdlib/mistral/expression_strings.h"

namespace sirocco::mistral {

namespace {

Value evaluate_yaql_string(std::string_view text, const Value& data, StringEvaluators& evaluators) {
  const std::vector<Match> matches = find_yaql_matches(text);
  if (matches.size() == 1 && matches[0].end - matches[0].begin == text.size())
    return evaluators.yaql_expression(yaql_match_expression(text), data);
  std::string out;
  size_t copied = 0;
  for (const Match& m : matches) {
    const std::string_view match = text.substr(m.begin, m.end - m.begin);
    const Value value = evaluators.yaql_expression(yaql_match_expression(match), data);
    out.append(text.substr(copied, m.begin - copied));
    out += python_str(value);
    copied = m.end;
  }
  out.append(text.substr(copied));
  return Value::string(std::move(out));
}

Value walk(const Value& value, const Value& data, StringEvaluators& evaluators) {
  if (value.is_string()) return evaluate_string(value.as_string(), data, evaluators);
  if (value.is_list()) {
    List items;
    items.reserve(value.as_list().size());
    for (const Value& item : value.as_list()) items.push_back(walk(item, data, evaluators));
    return Value::list(std::move(items));
  }
  if (value.is_dict()) {
    Dict dict;
    dict.reserve(value.as_dict().size());
    for (const auto& [key, item] : value.as_dict()) dict.set(key, walk(item, data, evaluators));
    return Value::dict(std::move(dict));
  }
  return value;
}

}  // namespace

Value evaluate_string(std::string_view text, const Value& data, StringEvaluators& evaluators) {
  switch (string_language(text)) {
    case StringLanguage::Jinja:
      return evaluators.jinja_string(text, data);
    case StringLanguage::Yaql:
      return evaluate_yaql_string(text, data, evaluators);
    case StringLanguage::None:
      break;
  }
  return Value::string(std::string(text));
}

Value evaluate_data(const Value& value, const Value& data, StringEvaluators& evaluators) {
  if (!truthy(data)) return value;
  return walk(value, data, evaluators);
}

}  // namespace sirocco::mistral
