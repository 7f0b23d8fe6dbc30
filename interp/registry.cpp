// The function registry: signature parsing, parameter type checks, overload storage.
#include "interp/registry.h"

#include <cctype>
#include <stdexcept>

#include "interp/number.h"
#include "interp/yaql_eval.h"

namespace sirocco {

bool is_lazy(TypeCode t) { return t >= TypeCode::Lambda; }

bool ParamType::accepts(const Value& v) const {
  if (v.is_null()) return nullable;
  switch (code) {
    case TypeCode::Any:
      return true;
    case TypeCode::Null:
      return false;
    case TypeCode::Int:
      return v.is_int();
    case TypeCode::PyInt:
      return v.is_int() || v.is_bool();
    case TypeCode::Number:
      return v.is_number();
    case TypeCode::String:
      return v.is_string();
    case TypeCode::Bool:
      return v.is_bool();
    case TypeCode::Scalar:
      return v.is_bool() || v.is_number() || v.is_string();
    case TypeCode::Iterable:
      return v.is_collection();
    case TypeCode::Iterator:
      return v.is_sequence();
    case TypeCode::Sequence:
      return v.is_list();
    case TypeCode::Mapping:
      return v.is_dict();
    case TypeCode::Set:
      return v.is_set();
    case TypeCode::DateTime:
      return v.is_datetime();
    case TypeCode::TimeSpan:
      return v.is_timespan();
    case TypeCode::Context:
      return yaql::scope_of(v) != nullptr;
    case TypeCode::Callable:
      return v.is_function();
    case TypeCode::Object:
      return v.is_opaque();
    default:
      return true;  // lazy kinds are checked on their nodes
  }
}

int ParamType::specificity() const {
  switch (code) {
    case TypeCode::Any:
    case TypeCode::Expr:
    case TypeCode::Lambda:
    case TypeCode::MethodLambda:
    case TypeCode::ContextLambda:
      return 0;
    case TypeCode::Iterable:
    case TypeCode::Number:
    case TypeCode::Scalar:
      return 1;
    case TypeCode::PyInt:
      return 2;
    default:
      return 3;
  }
}

size_t Signature::positional_count() const {
  size_t n = 0;
  for (const auto& p : params) n += !p.variadic && !p.kw_variadic;
  return n;
}
bool Signature::has_varargs() const {
  for (const auto& p : params)
    if (p.variadic) return true;
  return false;
}
bool Signature::has_kwargs() const {
  for (const auto& p : params)
    if (p.kw_variadic) return true;
  return false;
}
bool Signature::takes_mapping_rules() const {
  for (const auto& p : params)
    if (p.type.code == TypeCode::MappingRule) return true;
  return false;
}

namespace {

struct SignatureReader {
  std::string_view text;
  size_t pos = 0;

  [[noreturn]] void fail(const char* what) const {
    throw std::invalid_argument("bad signature '" + std::string(text) + "': " + what);
  }
  void skip_space() {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  }
  bool eat(char c) {
    skip_space();
    if (pos < text.size() && text[pos] == c) return ++pos, true;
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail("unexpected character");
  }
  std::string word() {
    skip_space();
    size_t start = pos;
    auto is_name = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '#' || c == '$' ||
             std::string_view("+-*/=<>!~.?[]{}").find(c) != std::string_view::npos;
    };
    while (pos < text.size() && is_name(text[pos]) && text[pos] != '(') ++pos;
    if (start == pos) fail("expected a name");
    return std::string(text.substr(start, pos - start));
  }
  std::string identifier() {
    skip_space();
    size_t start = pos;
    while (pos < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[pos])) || text[pos] == '_'))
      ++pos;
    if (start == pos) fail("expected an identifier");
    return std::string(text.substr(start, pos - start));
  }

  ParamType type() {
    static const std::pair<std::string_view, TypeCode> kTypes[] = {
        {"any", TypeCode::Any},
        {"null", TypeCode::Null},
        {"int", TypeCode::Int},
        {"pyint", TypeCode::PyInt},
        {"number", TypeCode::Number},
        {"string", TypeCode::String},
        {"bool", TypeCode::Bool},
        {"scalar", TypeCode::Scalar},
        {"iterable", TypeCode::Iterable},
        {"iterator", TypeCode::Iterator},
        {"sequence", TypeCode::Sequence},
        {"mapping", TypeCode::Mapping},
        {"set", TypeCode::Set},
        {"datetime", TypeCode::DateTime},
        {"timespan", TypeCode::TimeSpan},
        {"context", TypeCode::Context},
        {"callable", TypeCode::Callable},
        {"object", TypeCode::Object},
        {"lambda", TypeCode::Lambda},
        {"method_lambda", TypeCode::MethodLambda},
        {"context_lambda", TypeCode::ContextLambda},
        {"expr", TypeCode::Expr},
        {"keyword", TypeCode::Keyword},
        {"string_constant", TypeCode::StringConstant},
        {"mapping_rule", TypeCode::MappingRule},
    };
    std::string name = identifier();
    ParamType t;
    bool found = false;
    for (const auto& [n, code] : kTypes)
      if (n == name) t.code = code, found = true;
    if (!found) fail("unknown type");
    // `any` and the lazy kinds are nullable unless marked `!`; value types are not unless `?`.
    t.nullable = t.code == TypeCode::Any || t.code == TypeCode::Null || is_lazy(t.code);
    if (eat('?')) t.nullable = true;
    if (eat('!')) t.nullable = false;
    return t;
  }

  Value default_value() {
    skip_space();
    if (pos < text.size() && (text[pos] == '\'' || text[pos] == '"')) {
      char q = text[pos++];
      size_t end = text.find(q, pos);
      if (end == std::string_view::npos) fail("unterminated string default");
      std::string s(text.substr(pos, end - pos));
      pos = end + 1;
      return Value::string(std::move(s));
    }
    size_t start = pos;
    while (pos < text.size() && text[pos] != ',' && text[pos] != ')') ++pos;
    std::string lit(text.substr(start, pos - start));
    while (!lit.empty() && std::isspace(static_cast<unsigned char>(lit.back()))) lit.pop_back();
    if (lit == "null") return Value();
    if (lit == "true") return Value::boolean(true);
    if (lit == "false") return Value::boolean(false);
    if (lit.find('.') != std::string::npos) return Value::number(std::stod(lit));
    if (lit.empty()) fail("empty default");
    if (lit[0] == '-') return num_neg(int_from_text(lit.substr(1)));
    return int_from_text(lit);
  }

  Param param() {
    Param p;
    if (eat('*')) {
      if (eat('*'))
        p.kw_variadic = true;
      else
        p.variadic = true;
    }
    p.name = identifier();
    expect(':');
    p.type = type();
    if (eat('=')) p.default_value = default_value();
    return p;
  }
};

}  // namespace

Signature parse_signature(std::string_view signature) {
  SignatureReader r{signature};
  Signature def;
  def.signature = std::string(signature);
  std::string first = r.word();
  if (first == "method" || first == "ext") {
    def.is_method = true;
    def.is_function = first == "ext";
    def.name = r.word();
  } else {
    def.name = first;
  }
  r.expect('(');
  if (!r.eat(')')) {
    do def.params.push_back(r.param());
    while (r.eat(','));
    r.expect(')');
  }
  r.skip_space();
  if (r.pos != signature.size()) r.fail("trailing text");
  if (def.is_method && (def.params.empty() || def.params[0].variadic))
    r.fail("a method needs a receiver parameter");
  return def;
}

}  // namespace sirocco
