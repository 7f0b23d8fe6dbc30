// Jinja's pprint filter: Python's pprint.pformat, with dicts and sets sorted and structures
// broken over lines past 80 columns.
#include <algorithm>
#include <cmath>
#include <optional>

#include "interp/error.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"

namespace sirocco::jinja::filters {
namespace {

constexpr int64_t kWidth = 80;

// pprint's _safe_key order: Python's `<`, or the type names where the types do not compare.
bool safe_less(const Value& a, const Value& b) {
  Outcome<int> order = python_compare(a, b, "<");
  if (order) return *order < 0;
  if (order.error().type() != "TypeError") std::move(order).value();
  return "<class '" + type_name(a) + "'>" < "<class '" + type_name(b) + "'>";
}

std::vector<Dict::Entry> sorted_entries(const Dict& dict) {
  std::vector<Dict::Entry> entries(dict.begin(), dict.end());
  std::stable_sort(entries.begin(), entries.end(), [](const Dict::Entry& a, const Dict::Entry& b) {
    return safe_less(a.first, b.first);
  });
  return entries;
}

List sorted_items(const Set& set) {
  List items(set.begin(), set.end());
  std::stable_sort(items.begin(), items.end(), safe_less);
  return items;
}

// pprint's _safe_repr: repr() with dicts and sets sorted.
std::string safe_repr(const Value& v) {
  switch (v.kind()) {
    case Kind::Dict: {
      std::string out = "{";
      bool first = true;
      for (const auto& [key, item] : sorted_entries(v.as_dict())) {
        out += (first ? "" : ", ") + safe_repr(key) + ": " + safe_repr(item);
        first = false;
      }
      return out + "}";
    }
    case Kind::List: {
      bool tuple = v.is_tuple();
      std::string out = tuple ? "(" : "[";
      const List& items = v.as_list();
      for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + safe_repr(items[i]);
      if (tuple && items.size() == 1) out += ",";
      return out + (tuple ? ")" : "]");
    }
    case Kind::Set: {
      if (v.as_set().empty()) return "set()";
      std::string out = "{";
      bool first = true;
      for (const Value& item : sorted_items(v.as_set()))
        out += (first ? "" : ", ") + safe_repr(item), first = false;
      return out + "}";
    }
    default:
      return python_repr(v);
  }
}

int64_t width_of(const std::string& s) { return static_cast<int64_t>(utf8::length(s)); }

class PrettyPrinter {
 public:
  explicit PrettyPrinter(const Runtime& runtime) : runtime_(runtime) {}

  void format(const Value& v, int64_t indent, int64_t allowance, int level) {
    std::string rep = safe_repr(v);
    check_size(runtime_, out_.size() + rep.size());
    if (width_of(rep) > kWidth - indent - allowance) {
      if (v.is_dict() && !v.as_dict().empty())
        return format_dict(v.as_dict(), indent, allowance, level + 1);
      if (v.is_list() && !v.as_list().empty()) {
        bool tuple = v.is_tuple();
        std::string end = tuple ? (v.as_list().size() == 1 ? ",)" : ")") : "]";
        out_ += tuple ? "(" : "[";
        format_items(v.as_list(), indent, allowance + width_of(end), level + 1);
        out_ += end;
        return;
      }
      if (v.is_set() && !v.as_set().empty()) {
        out_ += "{";
        format_items(sorted_items(v.as_set()), indent, allowance + 1, level + 1);
        out_ += "}";
        return;
      }
      if (v.is_string() && !v.as_string().empty())
        return format_string(v.as_string(), indent, allowance, level + 1);
    }
    out_ += rep;
  }
  std::string take() { return std::move(out_); }

 private:
  void format_dict(const Dict& dict, int64_t indent, int64_t allowance, int level) {
    out_ += "{";
    std::vector<Dict::Entry> entries = sorted_entries(dict);
    indent += 1;
    allowance += 1;
    for (size_t i = 0; i < entries.size(); ++i) {
      bool last = i + 1 == entries.size();
      std::string key = safe_repr(entries[i].first);
      out_ += key + ": ";
      format(entries[i].second, indent + width_of(key) + 2, last ? allowance : 1, level);
      if (!last) out_ += ",\n" + std::string(static_cast<size_t>(indent), ' ');
    }
    out_ += "}";
  }

  void format_items(const List& items, int64_t indent, int64_t allowance, int level) {
    indent += 1;
    for (size_t i = 0; i < items.size(); ++i) {
      bool last = i + 1 == items.size();
      if (i > 0) out_ += ",\n" + std::string(static_cast<size_t>(indent), ' ');
      format(items[i], indent, last ? allowance : 1, level);
    }
  }

  // Runs of non-space then space characters (re.findall(r'\S*\s*', line) without the last,
  // empty, match).
  static std::vector<std::string> word_parts(const std::string& line) {
    std::vector<std::string> parts;
    std::u32string cps = code_points(line);
    size_t i = 0;
    while (i < cps.size()) {
      size_t start = i;
      while (i < cps.size() && !is_space(cps[i])) ++i;
      while (i < cps.size() && is_space(cps[i])) ++i;
      parts.push_back(from_code_points(cps.substr(start, i - start)));
    }
    return parts;
  }

  static std::string repr_of(const std::string& s) { return python_repr(Value::string(s)); }

  void format_string(const std::string& s, int64_t indent, int64_t allowance, int level) {
    std::vector<std::string> chunks;
    std::vector<std::string> lines = split_lines(s, true);
    if (level == 1) indent += 1, allowance += 1;
    int64_t max_width = kWidth - indent, max_width1 = max_width;
    std::string rep;
    for (size_t i = 0; i < lines.size(); ++i) {
      rep = repr_of(lines[i]);
      bool last_line = i + 1 == lines.size();
      if (last_line) max_width1 -= allowance;
      if (width_of(rep) <= max_width1) {
        chunks.push_back(rep);
        continue;
      }
      std::vector<std::string> parts = word_parts(lines[i]);
      int64_t max_width2 = max_width;
      std::string current;
      for (size_t j = 0; j < parts.size(); ++j) {
        std::string candidate = current + parts[j];
        if (j + 1 == parts.size() && last_line) max_width2 -= allowance;
        if (width_of(repr_of(candidate)) > max_width2) {
          if (!current.empty()) chunks.push_back(repr_of(current));
          current = parts[j];
        } else {
          current = candidate;
        }
      }
      if (!current.empty()) chunks.push_back(repr_of(current));
    }
    if (chunks.size() == 1) {
      out_ += rep;
      return;
    }
    if (level == 1) out_ += "(";
    for (size_t i = 0; i < chunks.size(); ++i) {
      if (i > 0) out_ += "\n" + std::string(static_cast<size_t>(indent), ' ');
      out_ += chunks[i];
    }
    if (level == 1) out_ += ")";
  }

  const Runtime& runtime_;
  std::string out_;
};

Value pprint(Call& c) {
  PrettyPrinter printer(c.runtime);
  printer.format(materialize(c[0]), 0, 0, 0);
  return text(printer.take());
}

}  // namespace

void register_pprint_filter(Registry& r) { r.add("pprint(value: any)", pprint); }

}  // namespace sirocco::jinja::filters
