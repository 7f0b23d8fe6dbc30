// Jinja's global functions (jinja2.defaults.DEFAULT_NAMESPACE): range, dict, lipsum, cycler,
// joiner and namespace. In a sandbox, range refuses more than 100000 items like Jinja2's
// safe_range.
#include "stdlib/jinja/globals.h"

#include <string>

#include "interp/jinja_ops.h"
#include "interp/text.h"
#include "stdlib/jinja/globals_internal.h"

namespace sirocco::jinja {
namespace {

constexpr int64_t kSandboxMaxRange = 100000;  // Jinja2's MAX_RANGE
constexpr int64_t kEagerRange = 1000000;      // longer ranges are lazy (outside a sandbox)

// Python's operator.index(v) for an int argument.
int64_t index_of(const Value& v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_small_int()) return v.as_small_int();
  if (v.is_big_int()) throw Error("OverflowError", "Python int too large to convert to C ssize_t");
  throw Error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

Value range(Call& c) {
  std::vector<Value> args = c.rest();
  if (args.empty()) throw Error("TypeError", "range expected at least 1 argument, got 0", c.span);
  if (args.size() > 3)
    throw Error("TypeError",
                "range expected at most 3 arguments, got " + std::to_string(args.size()), c.span);
  int64_t start = 0, stop = 0, step = 1;
  if (args.size() == 1) {
    stop = index_of(args[0]);
  } else {
    start = index_of(args[0]);
    stop = index_of(args[1]);
    if (args.size() == 3) step = index_of(args[2]);
  }
  if (step == 0) throw Error("ValueError", "range() arg 3 must not be zero", c.span);
  __int128 span =
      step > 0 ? static_cast<__int128>(stop) - start : static_cast<__int128>(start) - stop;
  __int128 magnitude = step > 0 ? step : -static_cast<__int128>(step);
  __int128 length = span <= 0 ? 0 : (span - 1) / magnitude + 1;
  if (c.runtime.sandboxed() && length > kSandboxMaxRange)
    throw Error("OverflowError",
                "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).", c.span);
  if (length > kEagerRange) {
    auto next = std::make_shared<__int128>(start);
    auto left = std::make_shared<__int128>(length);
    return Value::sequence(
        boost::intrusive_ptr<SequenceObject>(new GeneratorSequence([next, left, step](Value& out) {
          if (*left == 0) return false;
          out = Value::integer(static_cast<int64_t>(*next));
          *next += step;
          --*left;
          return true;
        })));
  }
  List items;
  items.reserve(static_cast<size_t>(length));
  for (__int128 i = 0, v = start; i < length; ++i, v += step)
    items.push_back(Value::integer(static_cast<int64_t>(v)));
  return Value::list(std::move(items));
}

// The key and value an element of dict()'s iterable argument holds.
List pair_of(const Value& element, size_t index) {
  if (!element.is_string() && !element.is_dict() && !element.is_collection())
    throw Error("TypeError", "cannot convert dictionary update sequence element #" +
                                 std::to_string(index) + " to a sequence");
  List items = python_iterate(element);
  if (items.size() != 2)
    throw Error("ValueError", "dictionary update sequence element #" + std::to_string(index) +
                                  " has length " + std::to_string(items.size()) +
                                  "; 2 is required");
  return items;
}

}  // namespace

Dict build_dict(const std::vector<Value>& args, const Kwargs& kwargs) {
  if (args.size() > 1)
    throw Error("TypeError",
                "dict expected at most 1 argument, got " + std::to_string(args.size()));
  Dict out;
  if (!args.empty()) {
    const Value& source = args[0];
    if (source.is_dict()) {
      out = source.as_dict();
    } else {
      List elements = python_iterate(source);
      for (size_t i = 0; i < elements.size(); ++i) {
        List pair = pair_of(elements[i], i);
        require_hashable(pair[0]);
        out.set(pair[0], pair[1]);
      }
    }
  }
  for (const auto& [name, value] : kwargs) out.set(Value::string(name), value);
  return out;
}

void register_globals(Registry& r) {
  r.add("range(*args: any)", range);
  r.add("dict(*args: any, **kwargs: any)",
        [](Call& c) { return Value::dict(build_dict(c.rest(), c.kwargs)); });
  r.add("namespace(*args: any, **kwargs: any)",
        [](Call& c) { return make_namespace(build_dict(c.rest(), c.kwargs)); });
  r.add("cycler(*items: any)", [](Call& c) { return make_cycler(c.rest()); });
  r.add("joiner(sep: any = ', ')", [](Call& c) { return make_joiner(c[0]); });
  r.add("lipsum(n: any = 5, html: any = true, min: any = 20, max: any = 100)", [](Call& c) {
    refuse_strict(c[1]);
    return Value::string(lorem_ipsum(index_of(c[0]), truthy(c[1]), index_of(c[2]), index_of(c[3])));
  });
}

}  // namespace sirocco::jinja
