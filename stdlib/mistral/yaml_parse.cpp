// yaml_parse() on yaml-cpp's node tree: tags and scalar styles decide the values, PyYAML's
// merge keys (`<<`) are applied, and aliases are counted each time they expand.
#include "stdlib/mistral/yaml_parse.h"

#include <yaml-cpp/yaml.h>

#include <string>

#include "interp/error.h"
#include "stdlib/mistral/yaml_scalars.h"

namespace sirocco::mistral {

namespace {

constexpr std::string_view kStandardTagPrefix = "tag:yaml.org,2002:";

// " (line L, column C)" of a position in the YAML text, 1-based.
std::string where(const YAML::Mark& mark) {
  return " (line " + std::to_string(mark.line + 1) + ", column " + std::to_string(mark.column + 1) +
         ")";
}
std::string where(const YAML::Node& node) { return where(node.Mark()); }

class Converter {
 public:
  Value convert(const YAML::Node& node, size_t depth) {
    if (++values_ > kMaxYamlValues)
      throw Error("MemoryQuotaExceededException", "the YAML document expands to too many values");
    if (depth > kMaxYamlDepth)
      throw Error("MemoryQuotaExceededException", "the YAML document is nested too deeply");
    const std::string tag = short_tag(node);
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return Value();
      case YAML::NodeType::Scalar:
        if (tag == "?") return resolve_plain_scalar(node.Scalar());
        if (tag == "!") return Value::string(node.Scalar());
        return construct_tagged_scalar(tag, node.Scalar());
      case YAML::NodeType::Sequence: {
        require_tag(node, tag, "seq");
        List items;
        for (const YAML::Node& item : node) items.push_back(convert(item, depth + 1));
        return Value::list(std::move(items));
      }
      case YAML::NodeType::Map: {
        require_tag(node, tag, "map");
        Dict dict;
        Dict merged;  // entries of `<<` maps: any key given in this map wins over them
        for (const auto& entry : node) {
          if (entry.first.Tag() == "?" && entry.first.IsScalar() && entry.first.Scalar() == "<<") {
            merge_into(merged, entry.second, depth);
            continue;
          }
          Value key = convert(entry.first, depth + 1);
          if (key.is_list() || key.is_dict())
            throw Error("ConstructorError", "found unhashable key" + where(entry.first));
          dict.set(std::move(key), convert(entry.second, depth + 1));
        }
        if (merged.empty()) return Value::dict(std::move(dict));
        for (const auto& [key, value] : dict) merged.set(key, value);
        return Value::dict(std::move(merged));
      }
    }
    return Value();
  }

 private:
  static std::string short_tag(const YAML::Node& node) {
    const std::string& tag = node.Tag();
    if (tag.rfind(kStandardTagPrefix, 0) == 0) return tag.substr(kStandardTagPrefix.size());
    if (tag.empty() || tag == "?" || tag == "!") return tag.empty() ? "?" : tag;
    throw Error("ConstructorError",
                "could not determine a constructor for the tag '" + tag + "'" + where(node));
  }

  static void require_tag(const YAML::Node& node, const std::string& tag, const char* kind) {
    if (tag != "?" && tag != "!" && tag != kind)
      throw Error("ConstructorError",
                  "expected a " + std::string(kind) + " for the tag '" + tag + "'" + where(node));
  }

  void merge_into(Dict& merged, const YAML::Node& source, size_t depth) {
    auto merge_one = [&](const YAML::Node& map) {
      if (!map.IsMap())
        throw Error("ConstructorError", "expected a mapping for merging" + where(map));
      const Value v = convert(map, depth + 1);
      for (const auto& [key, value] : v.as_dict())
        if (!merged.contains(key)) merged.set(key, value);
    };
    if (source.IsSequence()) {
      for (const YAML::Node& map : source) merge_one(map);
    } else {
      merge_one(source);
    }
  }

  size_t values_ = 0;
};

}  // namespace

Value parse_yaml(std::string_view text) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw Error("ParserError", e.msg + where(e.mark));
  }
  return Converter().convert(root, 0);
}

}  // namespace sirocco::mistral
