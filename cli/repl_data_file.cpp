// Reading JSON and YAML data files into Values.
#include "cli/repl_data_file.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include "interp/error.h"
#include "interp/json.h"

namespace sirocco::cli {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A plain (unquoted) scalar typed by YAML 1.1's resolver, as PyYAML does for the common
// cases.
Value plain_scalar(const std::string& text) {
  static const std::regex kNull("~|null|Null|NULL|");
  static const std::regex kTrue("yes|Yes|YES|true|True|TRUE|on|On|ON");
  static const std::regex kFalse("no|No|NO|false|False|FALSE|off|Off|OFF");
  static const std::regex kInt("[-+]?(0|[1-9][0-9]*)");
  static const std::regex kFloat("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+][0-9]+)?");
  static const std::regex kInf("[-+]?\\.(inf|Inf|INF)");
  static const std::regex kNan("\\.(nan|NaN|NAN)");
  if (std::regex_match(text, kNull)) return Value::null();
  if (std::regex_match(text, kTrue)) return Value::boolean(true);
  if (std::regex_match(text, kFalse)) return Value::boolean(false);
  if (std::regex_match(text, kInt)) return parse_json(text[0] == '+' ? text.substr(1) : text);
  if (std::regex_match(text, kFloat)) return Value::number(std::stod(text));
  if (std::regex_match(text, kInf)) return Value::number(text[0] == '-' ? -INFINITY : INFINITY);
  if (std::regex_match(text, kNan)) return Value::number(NAN);
  return Value::string(text);
}

Value from_node(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return node.Tag() == "!" ? Value::string(node.Scalar()) : plain_scalar(node.Scalar());
    case YAML::NodeType::Sequence: {
      List items;
      for (const YAML::Node& item : node) items.push_back(from_node(item));
      return Value::list(std::move(items));
    }
    case YAML::NodeType::Map: {
      Dict dict;
      for (const auto& entry : node) dict.set(from_node(entry.first), from_node(entry.second));
      return Value::dict(std::move(dict));
    }
    default:
      return Value::null();
  }
}

}  // namespace

Value parse_yaml(std::string_view text) {
  try {
    return from_node(YAML::Load(std::string(text)));
  } catch (const YAML::Exception& e) {
    throw Error("YAMLError", e.what());
  }
}

Value load_data_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error("OSError", "cannot read '" + path + "'");
  std::ostringstream text;
  text << file.rdbuf();
  if (ends_with(path, ".yaml") || ends_with(path, ".yml")) return parse_yaml(text.str());
  return parse_json(text.str());
}

}  // namespace sirocco::cli
