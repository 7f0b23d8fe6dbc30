// Jinja's format filter: Python's printf-style `str % values` (flags, width and precision
// with '*', mapping keys, the conversions s r a c d i u o x X e E f F g G and %%), with the
// positional arguments as the tuple and the keyword arguments as the mapping.
#include <cmath>
#include <optional>

#include "interp/error.h"
#include "interp/number.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::jinja::filters {
namespace {

struct Directive {
  bool left = false, plus = false, space = false, alternate = false, zero = false;
  std::optional<int64_t> width, precision;
  char type = 0;
};

// The arguments the directives consume, in order, or the mapping `%(key)` names.
class Arguments {
 public:
  Arguments(std::vector<Value> values, const Dict* mapping)
      : values_(std::move(values)), mapping_(mapping) {}
  Value next() {
    if (used_ >= values_.size()) throw Error("TypeError", "not enough arguments for format string");
    return values_[used_++];
  }
  Value named(const std::string& key) {
    if (!mapping_) throw Error("TypeError", "format requires a mapping");
    const Value* v = mapping_->find(Value::string(key));
    if (!v) throw Error("KeyError", python_repr(Value::string(key)));
    return *v;
  }
  void check_all_used() const {
    if (!mapping_ && used_ < values_.size())
      throw Error("TypeError", "not all arguments converted during string formatting");
  }

 private:
  std::vector<Value> values_;
  const Dict* mapping_;
  size_t used_ = 0;
};

// repr() with every non-ASCII code point escaped, as ascii() writes it.
std::string ascii_repr(const Value& v) {
  std::string out;
  const std::string r = python_repr(v);
  for (size_t pos = 0; pos < r.size();) {
    char32_t cp = utf8::decode(r, pos);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    char buffer[16];
    const char* pattern = cp <= 0xFF ? "\\x%02x" : cp <= 0xFFFF ? "\\u%04x" : "\\U%08x";
    std::snprintf(buffer, sizeof buffer, pattern, static_cast<unsigned>(cp));
    out += buffer;
  }
  return out;
}

std::string spec_of(const Directive& d, char type, bool numeric) {
  std::string spec;
  if (d.left)
    spec += '<';
  else if (!numeric || !d.zero)
    spec += '>';
  if (numeric) {
    if (d.plus)
      spec += '+';
    else if (d.space)
      spec += ' ';
    if (d.alternate) spec += '#';
    if (d.zero && !d.left) spec += '0';
  }
  if (d.width) spec += std::to_string(*d.width);
  if (d.precision) spec += "." + std::to_string(*d.precision);
  if (type) spec += type;
  return spec;
}

// An int by a d, i, u, o, x or X directive: the precision is the least count of digits;
// sign, then the '#' prefix (0o, 0x, 0X), then zeros up to the width with the '0' flag.
std::string format_integer(const Directive& d, const Value& arg, size_t limit) {
  Value n = arg.is_bool() ? Value::integer(arg.as_bool() ? 1 : 0) : arg;
  bool negative = n.is_small_int() ? n.as_small_int() < 0 : n.big_int() < 0;
  int base = d.type == 'o' ? 8 : (d.type == 'x' || d.type == 'X') ? 16 : 10;
  std::string digits = yaql::strings::int_digits(n, base);
  if (d.type == 'X')
    for (char& ch : digits) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (d.precision && static_cast<int64_t>(digits.size()) < *d.precision) {
    if (*d.precision > static_cast<int64_t>(limit))
      throw Error("MemoryQuotaExceededException", "Expression consumed too much memory");
    digits.insert(0, static_cast<size_t>(*d.precision) - digits.size(), '0');
  }
  std::string head = negative ? "-" : d.plus ? "+" : d.space ? " " : "";
  if (d.alternate && base != 10) head += d.type == 'o' ? "0o" : d.type == 'x' ? "0x" : "0X";
  int64_t length = static_cast<int64_t>(head.size() + digits.size());
  if (!d.width || *d.width <= length) return head + digits;
  if (*d.width > static_cast<int64_t>(limit))
    throw Error("MemoryQuotaExceededException", "Expression consumed too much memory");
  std::string padding(static_cast<size_t>(*d.width - length), d.zero && !d.left ? '0' : ' ');
  if (d.left) return head + digits + padding;
  return d.zero ? head + padding + digits : padding + head + digits;
}

std::string convert(const Directive& d, const Value& arg, size_t limit) {
  auto format = [&](const Value& v, char type, bool numeric) {
    return yaql::strings::format_value(v, spec_of(d, type, numeric), nullptr, limit);
  };
  if ((d.type != 's' && d.type != 'r' && d.type != 'a') && as_undefined(arg))
    throw undefined_error(arg);
  switch (d.type) {
    case 's':
    case 'r':
    case 'a': {
      std::string s = d.type == 's'   ? jinja_str(arg).value()
                      : d.type == 'r' ? python_repr(arg)
                                      : ascii_repr(arg);
      return format(Value::string(std::move(s)), 0, false);
    }
    case 'c': {
      std::string s;
      if (arg.is_int() || arg.is_bool()) {
        int64_t cp = int_arg(arg);
        if (cp < 0 || cp > 0x10FFFF) throw Error("OverflowError", "%c arg not in range(0x110000)");
        utf8::append(s, static_cast<char32_t>(cp));
      } else if (arg.is_string() && arg.string_length() == 1) {
        s = arg.as_string();
      } else {
        throw Error("TypeError", "%c requires int or char");
      }
      Directive text_only = d;
      text_only.precision.reset();
      return yaql::strings::format_value(Value::string(s), spec_of(text_only, 0, false), nullptr,
                                         limit);
    }
    case 'd':
    case 'i':
    case 'u':
      if (arg.is_float()) return format_integer(d, int_from_double(arg.as_float()), limit);
      if (!arg.is_int() && !arg.is_bool())
        throw Error("TypeError", std::string("%") + d.type +
                                     " format: a real number is required, not " + type_name(arg));
      return format_integer(d, arg, limit);
    case 'o':
    case 'x':
    case 'X':
      if (!arg.is_int() && !arg.is_bool())
        throw Error("TypeError", std::string("%") + d.type +
                                     " format: an integer is required, not " + type_name(arg));
      return format_integer(d, arg, limit);
    default: {  // e E f F g G
      if (!arg.is_number() && !arg.is_bool())
        throw Error("TypeError", "must be real number, not " + type_name(arg));
      Directive with_precision = d;
      if (!with_precision.precision) with_precision.precision = 6;
      Value number = Value::number(arg.is_bool() ? arg.as_bool() : arg.to_double());
      if (arg.is_int() && std::isinf(number.as_float()))
        throw Error("OverflowError", "int too large to convert to float");
      return yaql::strings::format_value(number, spec_of(with_precision, d.type, true), nullptr,
                                         limit);
    }
  }
}

std::string printf_format(const std::string& pattern, Arguments& args, size_t limit) {
  std::string out;
  size_t i = 0;
  auto incomplete = [] { throw Error("ValueError", "incomplete format"); };
  while (i < pattern.size()) {
    size_t percent = pattern.find('%', i);
    out.append(pattern, i, percent == std::string::npos ? std::string::npos : percent - i);
    if (percent == std::string::npos) break;
    i = percent + 1;
    if (i >= pattern.size()) incomplete();
    std::optional<Value> arg;
    if (pattern[i] == '(') {
      size_t depth = 1, start = ++i;
      for (; i < pattern.size() && depth > 0; ++i)
        depth += pattern[i] == '(' ? 1 : pattern[i] == ')' ? -1 : 0;
      if (depth > 0) throw Error("ValueError", "incomplete format key");
      arg = args.named(pattern.substr(start, i - 1 - start));
    }
    Directive d;
    for (; i < pattern.size(); ++i) {
      char f = pattern[i];
      if (f == '-')
        d.left = true;
      else if (f == '+')
        d.plus = true;
      else if (f == ' ')
        d.space = true;
      else if (f == '#')
        d.alternate = true;
      else if (f == '0')
        d.zero = true;
      else
        break;
    }
    auto number = [&](std::optional<int64_t>& into, bool is_width) {
      if (i < pattern.size() && pattern[i] == '*') {
        Value n = args.next();
        if (!n.is_int() && !n.is_bool()) throw Error("TypeError", "* wants int");
        into = int_arg(n);
        if (is_width && *into < 0) d.left = true, into = -*into;
        ++i;
        return;
      }
      size_t start = i;
      while (i < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[i]))) ++i;
      if (i > start)
        into = std::stoll(pattern.substr(start, std::min<size_t>(i - start, 18)));
      else if (!is_width)
        into = 0;
    };
    number(d.width, true);
    if (i < pattern.size() && pattern[i] == '.') {
      ++i;
      number(d.precision, false);
    }
    while (i < pattern.size() && (pattern[i] == 'h' || pattern[i] == 'l' || pattern[i] == 'L')) ++i;
    if (i >= pattern.size()) incomplete();
    d.type = pattern[i++];
    if (d.type == '%') {
      out += '%';
      continue;
    }
    if (std::string_view("sracdiuoxXeEfFgG").find(d.type) == std::string_view::npos) {
      char buffer[96];
      std::snprintf(buffer, sizeof buffer, "unsupported format character '%c' (0x%x) at index %zu",
                    d.type, static_cast<unsigned char>(d.type), i - 1);
      throw Error("ValueError", buffer);
    }
    out += convert(d, arg ? *arg : args.next(), limit);
    if (out.size() > limit)
      throw Error("MemoryQuotaExceededException", "Expression consumed too much memory");
  }
  args.check_all_used();
  return out;
}

Outcome<Value> format_filter(Call& c) {
  std::vector<Value> positional = c.rest();
  if (!positional.empty() && !c.kwargs.empty())
    return Error("FilterArgumentError",
                 "can't handle positional and keyword arguments at the same time");
  SIROCCO_ASSIGN_OR_RETURN(const std::string pattern, jinja_str(c[0]));
  size_t limit = max_bytes(c.runtime);
  if (c.kwargs.empty()) {
    Arguments args(std::move(positional), nullptr);
    return text(printf_format(pattern, args, limit));
  }
  Dict mapping;
  for (const auto& [name, value] : c.kwargs) mapping.set(Value::string(name), value);
  Value whole = Value::dict(mapping);
  Arguments args({whole}, &whole.as_dict());
  return text(printf_format(pattern, args, limit));
}

}  // namespace

void register_format_filter(Registry& r) {
  r.add("format(value: any, *args: any, **kwargs: any)", format_filter);
}

}  // namespace sirocco::jinja::filters
