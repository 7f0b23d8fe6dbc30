// Jinja's URL filters: urlencode (urllib's quoting of a string or a query string of pairs)
// and urlize (links for the URLs and email addresses in a text), with the default policies
// of a Jinja2 3.1 environment (rel="noopener", no target, no extra schemes).
#include <algorithm>
#include <optional>
#include <set>

#include "interp/error.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"
#include "stdlib/yaql/regex_engine.h"

namespace sirocco::jinja::filters {
namespace {

namespace pyregex = yaql::pyregex;

// urllib.parse.quote of the UTF-8 bytes: letters, digits and "_.-~" stay, and '/' unless
// for a query string, where a space becomes '+'.
Outcome<std::string> url_quote(const Value& v, bool for_query) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  SIROCCO_ASSIGN_OR_RETURN(const std::string s, jinja_str(v));
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '_' || ch == '.' || ch == '-' || ch == '~' ||
        (ch == '/' && !for_query)) {
      out += static_cast<char>(ch);
    } else if (ch == ' ' && for_query) {
      out += '+';
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

Outcome<Value> urlencode(const Value& value) {
  bool iterable = value.is_list() || value.is_dict() || value.is_set() || value.is_sequence() ||
                  as_undefined(value);
  if (value.is_string() || !iterable) {
    SIROCCO_ASSIGN_OR_RETURN(std::string quoted, url_quote(value, false));
    return text(std::move(quoted));
  }
  std::string out;
  auto append = [&](const Value& key, const Value& item) -> Status {
    if (!out.empty()) out += '&';
    SIROCCO_ASSIGN_OR_RETURN(const std::string quoted_key, url_quote(key, true));
    SIROCCO_ASSIGN_OR_RETURN(const std::string quoted_item, url_quote(item, true));
    out += quoted_key + "=" + quoted_item;
    return {};
  };
  if (value.is_dict()) {
    for (const auto& [key, item] : value.as_dict()) SIROCCO_RETURN_IF_ERROR(append(key, item));
    return text(std::move(out));
  }
  SIROCCO_ASSIGN_OR_RETURN(const List pairs, python_iterate(value));
  for (const Value& pair : pairs) {
    SIROCCO_ASSIGN_OR_RETURN(const List both, python_iterate(pair));
    if (both.size() != 2)
      return Error("ValueError", both.size() < 2 ? "not enough values to unpack (expected 2, got " +
                                                       std::to_string(both.size()) + ")"
                                                 : "too many values to unpack (expected 2)");
    SIROCCO_RETURN_IF_ERROR(append(both[0], both[1]));
  }
  return text(std::move(out));
}

// --- urlize --------------------------------------------------------------------------------

bool matches_at_start(const char* pattern, std::string_view s, bool ignore_case = false) {
  pyregex::Match m;
  return pyregex::compile(pattern, {ignore_case, false, false})->find(s, 0, true, m) &&
         m.begin(0) == 0;
}

bool is_http_url(std::string_view s) {
  return matches_at_start(
      "^((https?://|www\\.)(([\\w%-]+\\.)+)?([a-z]{2,63}|xn--[\\w%]{2,59})"
      "|([\\w%-]{2,63}\\.)+(com|net|int|edu|gov|org|info|mil)"
      "|(https?://"
      ")((([\\d]{1,3})(\\.[\\d]{1,3}){3})|(\\[([\\da-f]{0,4}:){2}([\\da-f]{0,4}:?){1,6}])))"
      "(?::[\\d]{1,5})?(?:[/?#]\\S*)?$",
      s, true);
}

bool is_email(std::string_view s) { return matches_at_start("^\\S+@\\w[\\w.-]*\\.\\w+$", s); }

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

size_t count_of(std::string_view s, std::string_view part) {
  size_t n = 0;
  for (size_t pos = s.find(part); pos != std::string_view::npos;
       pos = s.find(part, pos + part.size()))
    ++n;
  return n;
}

struct UrlizeOptions {
  Value trim_limit;        // null: no trimming
  std::string attributes;  // ' rel="..."' and ' target="..."'
  std::vector<std::string> extra_schemes;
  bool has_extra_schemes = false;
};

std::string trimmed(const std::string& url, const UrlizeOptions& o) {
  if (o.trim_limit.is_null()) return url;
  int64_t limit = int_operand(o.trim_limit).value();
  if (static_cast<int64_t>(utf8::length(url)) <= limit) return url;
  size_t cut = limit < 0
                   ? utf8::offset_of(
                         url, std::max<int64_t>(0, static_cast<int64_t>(utf8::length(url)) + limit))
                   : utf8::offset_of(url, static_cast<size_t>(limit));
  return url.substr(0, cut) + "...";
}

// One word of the escaped text: leading '(' '<', trailing ') > . ,' kept outside the link,
// parentheses balanced back into it.
std::string linked_word(std::string word, const UrlizeOptions& o) {
  static const pyregex::RegexPtr lead = pyregex::compile("^([(<]|&lt;)+", {});
  static const pyregex::RegexPtr trail = pyregex::compile("([)>.,\\n]|&gt;)+$", {});
  std::string head, middle = std::move(word), tail;
  pyregex::Match m;
  if (lead->find(middle, 0, true, m)) {
    head = middle.substr(0, m.end(0));
    middle.erase(0, m.end(0));
  }
  if (trail->find(middle, 0, true, m)) {
    tail = middle.substr(m.begin(0));
    middle.resize(m.begin(0));
  }
  static const std::pair<const char*, const char*> kPairs[] = {
      {"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
  for (const auto& [open, close] : kPairs) {
    size_t opened = count_of(middle, open);
    if (opened <= count_of(middle, close)) continue;
    size_t moves = std::min(opened, count_of(tail, close));
    for (size_t i = 0; i < moves; ++i) {
      size_t end = tail.find(close) + std::string_view(close).size();
      middle += tail.substr(0, end);
      tail.erase(0, end);
    }
  }
  if (is_http_url(middle)) {
    std::string href = starts_with(middle, "https://") || starts_with(middle, "http://")
                           ? middle
                           : "https://" + middle;
    middle = "<a href=\"" + href + "\"" + o.attributes + ">" + trimmed(middle, o) + "</a>";
  } else if (starts_with(middle, "mailto:") && is_email(middle.substr(7))) {
    middle = "<a href=\"" + middle + "\">" + middle.substr(7) + "</a>";
  } else if (middle.find('@') != std::string::npos && !starts_with(middle, "www.") &&
             middle.find(':') == std::string::npos && is_email(middle)) {
    middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
  } else {
    for (const std::string& scheme : o.extra_schemes)
      if (middle != scheme && starts_with(middle, scheme))
        middle = "<a href=\"" + middle + "\"" + o.attributes + ">" + middle + "</a>";
  }
  return head + middle + tail;
}

Value urlize(Call& c) {
  UrlizeOptions o;
  o.trim_limit = c[1];
  std::set<std::string> rel;
  std::string rel_text = c[4].is_null() ? "" : jinja_str(c[4]).value();
  for (size_t pos = 0; pos < rel_text.size();) {
    size_t start = rel_text.find_first_not_of(" \t\n\r\f\v", pos);
    if (start == std::string::npos) break;
    size_t end = std::min(rel_text.find_first_of(" \t\n\r\f\v", start), rel_text.size());
    rel.insert(rel_text.substr(start, end - start));
    pos = end;
  }
  if (truth(c[2]).value()) rel.insert("nofollow");
  rel.insert("noopener");
  std::string rel_joined;
  for (const std::string& part : rel) rel_joined += (rel_joined.empty() ? "" : " ") + part;
  o.attributes = " rel=\"" + escape_html(rel_joined) + "\"";
  if (!c[3].is_null() && truth(c[3]).value())
    o.attributes += " target=\"" + escape_html(jinja_str(c[3]).value()) + "\"";
  if (!c[5].is_null()) {
    static const pyregex::RegexPtr scheme_re = pyregex::compile("^([\\w.+-]{2,}:(/){0,2})$", {});
    for (const Value& scheme : python_iterate(c[5]).value()) {
      std::string s = jinja_str(scheme).value();
      pyregex::Match m;
      if (!scheme_re->find(s, 0, true, m) || m.end(0) != s.size())
        throw Error("FilterArgumentError",
                    python_repr(scheme) + " is not a valid URI scheme prefix.");
      o.extra_schemes.push_back(std::move(s));
    }
  }
  std::string escaped = escape_html(jinja_str(c[0]).value());
  static const pyregex::RegexPtr spaces = pyregex::compile("\\s+", {});
  pyregex::MatchWalk walk(spaces, escaped);
  pyregex::Match m;
  std::string out;
  size_t last = 0;
  while (walk.next(m)) {
    out += linked_word(escaped.substr(last, m.begin(0) - last), o);
    out += linked_word(std::string(m.text(escaped, 0)), o);
    last = m.end(0);
  }
  out += linked_word(escaped.substr(last), o);
  return text(std::move(out));
}

}  // namespace

void register_url_filters(Registry& r) {
  r.add("urlencode(value: any)", [](Call& c) { return urlencode(c[0]); });
  r.add(
      "urlize(value: any, trim_url_limit: any = null, nofollow: any = false, target: any = null, "
      "rel: any = null, extra_schemes: any = null)",
      urlize);
}

}  // namespace sirocco::jinja::filters
