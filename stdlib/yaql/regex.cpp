// YAQL regex functions (python-yaql standard_library/regex.py): regex(), the =~ and !~
// operators, matches, search, searchAll, split, replace, replaceBy, escapeRegex, isRegex.
// A regex is an opaque value; the parameters that take one are declared `object` and checked
// here, so that anything else fails to match the overload as it does in the reference.
#include <optional>

#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/yaql/regex_engine.h"
#include "stdlib/yaql/stdlib.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {

namespace {

using pyregex::CodePoints;
using pyregex::Match;
using pyregex::MatchWalk;
using pyregex::Regex;
using pyregex::RegexPtr;

[[noreturn]] void no_matching_overload(const Call& c) {
  if (c.def.is_method)
    throw Error("NoMatchingMethodException", "No method \"" + c.def.name + "\" for receiver " +
                                                 python_str(c[0], PyStyle::Yaql) +
                                                 " matches supplied arguments");
  throw Error("NoMatchingFunctionException",
              "No function \"" + c.def.name + "\" matches supplied arguments");
}

// The regex in slot i: the reference's REGEX_TYPE parameter check.
RegexPtr regex_arg(const Call& c, size_t i) {
  RegexPtr re = pyregex::regex_of(c[i]);
  if (!re) no_matching_overload(c);
  return re;
}

Value text(std::string_view s) { return Value::string(std::string(s)); }

// A subject string with what the match records need: its text and code point positions.
class Subject {
 public:
  explicit Subject(Value s) : value_(std::move(s)), positions_(text(), value_.string_is_ascii()) {}
  std::string_view text() const { return value_.as_string(); }
  Value slice(size_t begin, size_t end) const {
    return yaql::text(text().substr(begin, end - begin));
  }
  Value group_text(const Match& m, size_t group) const {
    return m.matched(group) ? yaql::text(m.text(text(), group)) : Value();
  }
  // {"value", "start", "end"} of a group (null and -1 for one that did not match); `value`
  // replaces the group's text when given.
  Value group_record(const Match& m, size_t group, std::optional<Value> value = std::nullopt) {
    const bool matched = m.matched(group);
    Dict record;
    record.set(yaql::text("value"), value ? *value : group_text(m, group));
    record.set(yaql::text("start"), Value::integer(matched ? positions_.at(m.begin(group)) : -1));
    record.set(yaql::text("end"), Value::integer(matched ? positions_.at(m.end(group)) : -1));
    return Value::dict(std::move(record));
  }

 private:
  Value value_;
  CodePoints positions_;
};

using Variables = std::vector<std::pair<std::string, Value>>;

// The variable the reference's _publish_match makes of a named group. It unpacks the group's
// value as a (key, name) pair: a two-character value "kn" publishes $k as {"value": "n"} with
// the start and end of the group named "n"; any other value raises what Python raises.
void publish_named_group(const Regex& re, const Match& m, size_t group, Subject& subject,
                         Variables& vars) {
  if (!m.matched(group)) throw Error("TypeError", "cannot unpack non-iterable NoneType object");
  const std::string_view value = m.text(subject.text(), group);
  const size_t length = utf8::length(value);
  if (length < 2)
    throw Error("ValueError",
                "not enough values to unpack (expected 2, got " + std::to_string(length) + ")");
  if (length > 2) throw Error("ValueError", "too many values to unpack (expected 2)");
  const size_t split = utf8::offset_of(value, 1);
  const std::string_view name = value.substr(split);
  const auto target = re.group_named(name);
  if (!target) throw Error("IndexError", "no such group");
  Value record = subject.group_record(m, *target, text(name));
  vars.emplace_back(std::string(value.substr(0, split)), std::move(record));
}

// What a selector sees for a match: $ (and $1) the whole match, $2... the groups.
Variables match_variables(const Regex& re, const Match& m, Subject& subject) {
  Variables vars;
  for (size_t g = 0; g <= m.group_count(); ++g)
    vars.emplace_back(std::to_string(g + 1), subject.group_record(m, g));
  for (const auto& named : re.named_groups())
    publish_named_group(re, m, named.second, subject, vars);
  return vars;
}

// A selector lambda of search/searchAll/replaceBy, evaluated in a child of the call's scope
// holding the match variables (the reference's Lambda(with_context=True)).
class MatchSelector {
 public:
  MatchSelector(const Call& c, size_t slot)
      : lambda_(c.lambda(slot)), scope_(c.scope), is_expression_(c.node(slot) != nullptr) {}
  explicit operator bool() const { return static_cast<bool>(lambda_); }

  Value operator()(const Variables& vars) const {
    if (!is_expression_) return lambda_(vars.front().second);
    ScopePtr scope = child_scope(scope_);
    for (const auto& [name, value] : vars) scope->set(name, value);
    return lambda_.call_in(scope);
  }

 private:
  Lambda lambda_;
  ScopePtr scope_;
  bool is_expression_;
};

bool search_succeeds(const Regex& re, const std::string& subject) {
  Match m;
  return re.find(subject, 0, true, m);
}

pyregex::Flags flags_of(const Call& c) { return {truthy(c[1]), truthy(c[2]), truthy(c[3])}; }

Value search(Call& c) {
  RegexPtr re = regex_arg(c, 0);
  Subject subject(c[1]);
  Match m;
  if (!re->find(subject.text(), 0, true, m)) return Value();
  MatchSelector selector(c, 2);
  if (!selector) return subject.group_text(m, 0);
  return selector(match_variables(*re, m, subject));
}

// A generator, like the reference's: matches are found as the result is read.
Value search_all(Call& c) {
  struct State {
    State(RegexPtr regex, Value s, MatchSelector sel)
        : re(std::move(regex)),
          subject(std::move(s)),
          walk(re, subject.text()),
          selector(std::move(sel)) {}
    RegexPtr re;
    Subject subject;
    MatchWalk walk;
    MatchSelector selector;
  };
  auto state = std::make_shared<State>(regex_arg(c, 0), c[1], MatchSelector(c, 2));
  return lazy([state](Value& out) {
    Match m;
    if (!state->walk.next(m)) return false;
    out = state->selector ? state->selector(match_variables(*state->re, m, state->subject))
                          : state->subject.group_text(m, 0);
    return true;
  });
}

// Python's count/maxsplit: 0 means no limit, a negative limit allows nothing.
bool below_limit(int64_t limit, int64_t done) { return limit == 0 || (limit > 0 && done < limit); }

// re.split: the pieces between the first max_split matches (all when 0, none when negative),
// each followed by the match's groups.
Value split(const RegexPtr& re, const Value& string, int64_t max_split) {
  Subject subject(string);
  List parts;
  size_t last = 0;
  MatchWalk walk(re, subject.text());
  Match m;
  for (int64_t n = 0; below_limit(max_split, n) && walk.next(m); ++n) {
    parts.push_back(subject.slice(last, m.begin(0)));
    for (size_t g = 1; g <= m.group_count(); ++g) parts.push_back(subject.group_text(m, g));
    last = m.end(0);
  }
  parts.push_back(subject.slice(last, subject.text().size()));
  return Value::list(std::move(parts));
}

// re.sub: the first `count` matches (all when 0, none when negative) replaced by what
// replacement(match) gives, a string or null for nothing. Any other value is the TypeError
// Python's str.join raises over the pieces once every replacement has been computed.
template <typename Replacement>
Value substitute(const RegexPtr& re, Subject& subject, int64_t count, Replacement&& replacement) {
  std::string out;
  size_t last = 0, pieces = 0;
  std::optional<std::string> bad_piece;
  MatchWalk walk(re, subject.text());
  Match m;
  for (int64_t n = 0; below_limit(count, n) && walk.next(m); ++n) {
    out += subject.text().substr(last, m.begin(0) - last);
    pieces += m.begin(0) > last;
    last = m.end(0);
    const Value piece = replacement(m);
    if (piece.is_string()) out += piece.as_string();
    if (!piece.is_string() && !piece.is_null() && !bad_piece)
      bad_piece = "sequence item " + std::to_string(pieces) + ": expected str instance, " +
                  type_name(piece) + " found";
    pieces += !piece.is_null();
  }
  if (bad_piece) throw Error("TypeError", *bad_piece);
  out += subject.text().substr(last);
  return text(out);
}

Value replace(const Call& c, size_t regex_slot, size_t string_slot) {
  RegexPtr re = regex_arg(c, regex_slot);
  Subject subject(c[string_slot]);
  const pyregex::ReplacementTemplate replacement(c[2].as_string(), *re);
  return substitute(re, subject, to_int64(c[3]),
                    [&](const Match& m) { return text(replacement.expand(m, subject.text())); });
}

Value replace_by(const Call& c, size_t regex_slot, size_t string_slot) {
  RegexPtr re = regex_arg(c, regex_slot);
  Subject subject(c[string_slot]);
  const MatchSelector selector(c, 2);
  return substitute(re, subject, to_int64(c[3]),
                    [&](const Match& m) { return selector(match_variables(*re, m, subject)); });
}

void register_matching(Registry& r) {
  r.add(
      "regex(pattern: string, ignoreCase: bool? = false, multiLine: bool? = false, "
      "dotAll: bool? = false)",
      [](Call& c) {
        return pyregex::regex_value(pyregex::compile(c[0].as_string(), flags_of(c)));
      });
  r.add("method matches(regexp: object, string: string)", [](Call& c) {
    return Value::boolean(search_succeeds(*regex_arg(c, 0), c[1].as_string()));
  });
  r.add("method matches(string: string, regexp: string)", [](Call& c) {
    return Value::boolean(
        search_succeeds(*pyregex::compile(c[1].as_string(), {}), c[0].as_string()));
  });
  for (const bool negated : {false, true}) {
    const std::string name = negated ? "#operator_!~" : "#operator_=~";
    r.add(name + "(string: string, regexp: object)", [negated](Call& c) {
      return Value::boolean(search_succeeds(*regex_arg(c, 1), c[0].as_string()) != negated);
    });
    r.add(name + "(string: string, pattern: string)", [negated](Call& c) {
      const bool found = search_succeeds(*pyregex::compile(c[1].as_string(), {}), c[0].as_string());
      return Value::boolean(found != negated);
    });
  }
  r.add("method search(regexp: object, string: string, selector: lambda = null)", search);
  r.add("method searchAll(regexp: object, string: string, selector: lambda = null)", search_all);
}

// split, replace and replaceBy exist as regexp.f(string, ...) and string.f(regexp, ...).
void register_rewriting(Registry& r) {
  r.add("method split(regexp: object, string: string, maxSplit: pyint = 0)",
        [](Call& c) { return split(regex_arg(c, 0), c[1], to_int64(c[2])); });
  r.add("method split(string: string, regexp: object, maxSplit: pyint = 0)",
        [](Call& c) { return split(regex_arg(c, 1), c[0], to_int64(c[2])); });
  r.add("method replace(regexp: object, string: string, repl: string, count: pyint = 0)",
        [](Call& c) { return replace(c, 0, 1); });
  r.add("method replace(string: string, regexp: object, repl: string, count: pyint = 0)",
        [](Call& c) { return replace(c, 1, 0); });
  r.add("method replaceBy(regexp: object, string: string, repl: lambda, count: pyint = 0)",
        [](Call& c) { return replace_by(c, 0, 1); });
  r.add("method replaceBy(string: string, regexp: object, repl: lambda, count: pyint = 0)",
        [](Call& c) { return replace_by(c, 1, 0); });
  r.add("escapeRegex(string: string)",
        [](Call& c) { return text(pyregex::escape(c[0].as_string())); });
  r.add("isRegex(value: any)", [](Call& c) { return Value::boolean(pyregex::is_regex(c[0])); });
}

}  // namespace

void register_regex(Registry& r) {
  register_matching(r);
  register_rewriting(r);
}

}  // namespace sirocco::yaql
