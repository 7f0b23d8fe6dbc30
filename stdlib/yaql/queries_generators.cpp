// Queries that produce collections rather than read them: range, sequence, repeat, cycle,
// generate and generateMany. All of them are lazy (several are endless), and a producer is
// only called when the item after the one it produces from is pulled, as in the reference.
#include <deque>
#include <optional>
#include <utility>

#include "interp/number.h"
#include "interp/utf8.h"
#include "stdlib/yaql/queries_internal.h"

namespace sirocco::yaql {

namespace {

// Python int arguments that are bools count as 0 and 1.
Value as_int(const Value& v) { return v.is_bool() ? Value::integer(v.as_bool()) : v; }

// start, start + step, ...: below `stop` for a positive step, above it for a negative one;
// endless without a stop.
Value progression(Value start, Value step, std::optional<Value> stop) {
  bool rising = compare(step, Value::integer(0)) > 0;
  if (start.is_small_int() && step.is_small_int() && stop && stop->is_small_int()) {
    // Machine integers all the way: an item past int64 would be past the stop as well.
    return lazy([now = start.as_small_int(), step = step.as_small_int(),
                 stop = stop->as_small_int(), rising, ended = false](Value& out) mutable {
      if (ended || (rising ? now >= stop : now <= stop)) return false;
      out = Value::integer(now);
      ended = __builtin_add_overflow(now, step, &now);
      return true;
    });
  }
  return lazy([current = as_int(start), step = as_int(step), stop = std::move(stop),
               rising](Value& out) mutable {
    // Machine integers, the common case, step without the generic number code.
    if (current.is_small_int() && step.is_small_int() && (!stop || stop->is_small_int())) {
      const int64_t now = current.as_small_int();
      if (stop && (rising ? now >= stop->as_small_int() : now <= stop->as_small_int()))
        return false;
      if (int64_t next; !__builtin_add_overflow(now, step.as_small_int(), &next)) {
        out = std::exchange(current, Value::integer(next));
        return true;
      }
    }
    if (stop) {
      int order = compare(current, *stop);
      if (rising ? order >= 0 : order <= 0) return false;
    }
    out = current;
    current = num_add(current, step);
    return true;
  });
}

Value range_of(const Value& start, const Value& stop, const Value& step) {
  if (to_int64(step) == 0) throw Error("ValueError", "range() arg 3 must not be zero");
  return progression(start, step, as_int(stop));
}

// itertools.repeat(value[, times]): endless for a negative count.
Value repeat_value(Value value, const Value& times) {
  if (times.is_big_int())
    throw Error("OverflowError", "Python int too large to convert to C ssize_t");
  int64_t left = to_int64(times);
  return lazy([value = std::move(value), left](Value& out) mutable {
    if (left == 0) return false;
    if (left > 0) --left;
    out = value;
    return true;
  });
}

// itertools.cycle: the items of one pass, kept and repeated for ever (nothing if none).
Value cycle_items(Value collection) {
  return lazy([items = Cursor(std::move(collection)), seen = List(), next = size_t{0},
               first_pass = true](Value& out) mutable {
    if (first_pass && items.next(out)) {
      seen.push_back(out);
      return true;
    }
    first_pass = false;
    if (seen.empty()) return false;
    out = seen[next++ % seen.size()];
    return true;
  });
}

// The items Python gets iterating a value: a collection's items, a string's characters, a
// dict's keys; anything else is not iterable.
List python_items(const Value& v) {
  if (v.is_collection()) return to_list(v);
  List items;
  if (v.is_dict()) {
    for (const auto& [key, value] : v.as_dict()) items.push_back(key);
  } else if (v.is_string()) {
    const std::string& text = v.as_string();
    for (size_t at = 0; at < text.size();) {
      size_t begin = at;
      utf8::decode(text, at);
      items.push_back(Value::string(text.substr(begin, at - begin)));
    }
  } else {
    throw Error("TypeError", "'" + type_name(v) + "' object is not iterable");
  }
  return items;
}

// Every value yielded once, when `decycle` asks for it: remembers what was seen.
class SeenFilter {
 public:
  explicit SeenFilter(bool active) : active_(active) {}
  bool first_time(const Value& v) { return !active_ || seen_.insert(v); }

 private:
  bool active_;
  Set seen_;
};

// generate: initial, producer(initial), ... while the predicate holds, through the selector.
Value generate(Call& c) {
  return lazy([current = c[0], predicate = c.lambda(1), producer = c.lambda(2),
               selector = c.lambda(3), seen = SeenFilter(c[4].as_bool()),
               started = false](Value& out) mutable {
    if (started) current = producer(current);
    started = true;
    if (!truthy(predicate(current)) || !seen.first_time(current)) return false;
    out = selector ? selector(current) : current;
    return true;
  });
}

// generateMany: a breadth-first (or depth-first) walk from initial, producer giving the
// children of each value, through the selector.
Value generate_many(Call& c) {
  return lazy([queue = std::deque<Value>{c[0]}, producer = c.lambda(1), selector = c.lambda(2),
               seen = SeenFilter(c[3].as_bool()), depth_first = c[4].as_bool(),
               parent = std::optional<Value>()](Value& out) mutable {
    if (parent) {
      List children = python_items(producer(*parent));
      queue.insert(depth_first ? queue.begin() : queue.end(), children.begin(), children.end());
      parent.reset();
    }
    while (!queue.empty()) {
      Value item = std::move(queue.front());
      queue.pop_front();
      if (!seen.first_time(item)) continue;
      out = selector ? selector(item) : item;
      parent = std::move(item);
      return true;
    }
    return false;
  });
}

}  // namespace

void register_query_generators(Registry& r) {
  r.add("range(stop: pyint)",
        [](Call& c) { return progression(Value::integer(0), Value::integer(1), as_int(c[0])); });
  r.add("range(start: pyint, stop: pyint, step: pyint = 1)",
        [](Call& c) { return range_of(c[0], c[1], c[2]); });
  r.add("sequence(start: pyint = 0, step: pyint = 1)",
        [](Call& c) { return progression(c[0], c[1], std::nullopt); });
  r.add("method repeat(value: any, times: pyint = -1)",
        [](Call& c) { return repeat_value(c[0], c[1]); });
  r.add("method cycle(collection: iterable)", [](Call& c) { return cycle_items(c[0]); });
  r.add(
      "generate(initial: any, predicate: lambda, producer: lambda, selector: lambda = null, "
      "decycle: bool = false)",
      generate);
  r.add(
      "generateMany(initial: any, producer: lambda, selector: lambda = null, "
      "decycle: bool = false, depthFirst: bool = false)",
      generate_many);
}

}  // namespace sirocco::yaql
