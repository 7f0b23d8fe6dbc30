// Reading JSON and YAML data files into Values.
#include "cli/repl_data_file.h"

#include <fstream>
#include <sstream>
#include <string_view>

#include "interp/error.h"
#include "interp/json.h"
#include "stdlib/mistral/yaml_parse.h"

namespace sirocco::cli {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

Value load_data_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error("OSError", "cannot read '" + path + "'");
  std::ostringstream text;
  text << file.rdbuf();
  if (ends_with(path, ".yaml") || ends_with(path, ".yml")) return mistral::parse_yaml(text.str());
  return parse_json(text.str());
}

}  // namespace sirocco::cli
