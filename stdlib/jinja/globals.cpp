// Jinja's global functions (jinja2.defaults.DEFAULT_NAMESPACE): range, dict, lipsum, cycler,
// joiner and namespace. In a sandbox, range refuses more than 100000 items like Jinja2's
// safe_range.
#include "stdlib/jinja/globals.h"

#include <array>
#include <limits>
#include <memory>
#include <string>

#include "interp/jinja_ops.h"
#include "interp/text.h"
#include "stdlib/jinja/globals_internal.h"
#include "stdlib/jinja/pystr.h"

namespace sirocco::jinja {
namespace {

constexpr int64_t kSandboxMaxRange = 100000;  // Jinja2's MAX_RANGE
constexpr int64_t kEagerRange = 1000000;      // longer ranges are lazy (outside a sandbox)

// Python's operator.index(v) for an int argument.
BigInt index_of(const Value& v) {
  if (v.is_bool()) return v.as_bool() ? 1 : 0;
  if (v.is_int()) return v.as_big_int();
  throw Error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

bool fits_int64(const BigInt& i) {
  return i >= std::numeric_limits<int64_t>::min() && i <= std::numeric_limits<int64_t>::max();
}

// A lazy sequence of `length` ints from `start` by `step`.
Value lazy_range(BigInt start, BigInt step, BigInt length) {
  auto state = std::make_shared<std::array<BigInt, 3>>(std::array<BigInt, 3>{start, step, length});
  return Value::sequence(
      boost::intrusive_ptr<SequenceObject>(new GeneratorSequence([state](Value& out) {
        auto& [next, by, left] = *state;
        if (left == 0) return false;
        out = Value::integer(next);
        next += by;
        --left;
        return true;
      })));
}

Value range(Call& c) {
  std::vector<Value> args = c.rest();
  if (args.empty()) throw Error("TypeError", "range expected at least 1 argument, got 0", c.span);
  if (args.size() > 3)
    throw Error("TypeError",
                "range expected at most 3 arguments, got " + std::to_string(args.size()), c.span);
  BigInt start = 0, stop = 0, step = 1;
  if (args.size() == 1) {
    stop = index_of(args[0]);
  } else {
    start = index_of(args[0]);
    stop = index_of(args[1]);
    if (args.size() == 3) step = index_of(args[2]);
  }
  if (step == 0) throw Error("ValueError", "range() arg 3 must not be zero", c.span);
  BigInt span = step > 0 ? BigInt(stop - start) : BigInt(start - stop);
  BigInt length = span <= 0 ? BigInt(0) : BigInt((span - 1) / abs(step) + 1);
  if (c.runtime.sandboxed() && length > kSandboxMaxRange)
    throw Error("OverflowError",
                "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).", c.span);
  if (length > kEagerRange) return lazy_range(start, step, length);
  List items;
  items.reserve(static_cast<size_t>(length));
  BigInt last = start + (length - 1) * step;
  if (fits_int64(start) && fits_int64(step) && fits_int64(last)) {
    auto from = static_cast<int64_t>(start), by = static_cast<int64_t>(step);
    for (int64_t i = 0, n = static_cast<int64_t>(length); i < n; ++i)
      items.push_back(Value::integer(from + i * by));
  } else {
    for (BigInt v = start; items.size() < static_cast<size_t>(length); v += step)
      items.push_back(Value::integer(v));
  }
  return Value::list(std::move(items));
}

// The key and value an element of dict()'s iterable argument holds.
List pair_of(const Value& element, size_t index) {
  if (!element.is_string() && !element.is_dict() && !element.is_collection())
    throw Error("TypeError", "cannot convert dictionary update sequence element #" +
                                 std::to_string(index) + " to a sequence");
  List items = python_iterate(element).value();
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
      List elements = python_iterate(source).value();
      for (size_t i = 0; i < elements.size(); ++i) {
        List pair = pair_of(elements[i], i);
        require_hashable(pair[0]).value();
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
    refuse_strict(c[1]).value();
    return Value::string(lorem_ipsum(pystr::int_arg(c[0]), truthy(c[1]), pystr::int_arg(c[2]),
                                     pystr::int_arg(c[3])));
  });
}

}  // namespace sirocco::jinja
