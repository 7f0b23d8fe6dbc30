// Value: the immutable, reference-counted value model shared by YAQL, Jinja and the engine.
//
// A Value is 24 bytes: a kind tag, an inline scalar (bool, int64, double, microseconds) and
// an intrusive pointer to a heap object for everything else. Copying a Value is a pointer
// copy plus a reference-count increment. Heap objects are never mutated after they are
// built, except a Sequence, which is a single-pass lazy generator like a Python iterator.
#pragma once

#include <atomic>
#include <boost/intrusive_ptr.hpp>
#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/outcome.h"
#include "interp/position_index.h"

namespace sirocco {

enum class Kind : uint8_t {
  Null,
  Bool,
  Int,       // small (int64) or big (BigInt object); always normalised to small when it fits
  Float,     // IEEE double
  String,    // UTF-8, measured in code points
  List,      // Python list/tuple
  Dict,      // insertion-ordered, any hashable key
  Set,       // unordered; printed in insertion order
  DateTime,  // instant + UTC offset (or naive)
  TimeSpan,  // microseconds, inline
  Function,  // a callable (lambda, bound function)
  Sequence,  // lazy single-pass generator
  Opaque,    // interpreter-internal object (e.g. a YAQL context made by let())
};

using BigInt = boost::multiprecision::cpp_int;

// Base of every heap object. The count is atomic so values may cross threads.
class Object {
 public:
  virtual ~Object() = default;
  mutable std::atomic<uint32_t> refs_{0};
};
inline void intrusive_ptr_add_ref(const Object* o) {
  o->refs_.fetch_add(1, std::memory_order_relaxed);
}
inline void intrusive_ptr_release(const Object* o) {
  if (o->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete o;
}

class Value;
class Dict;
class Set;
class SequenceObject;
class FunctionObject;

using List = std::vector<Value>;

struct DateTimeParts {
  int64_t micros = 0;      // microseconds since 1970-01-01T00:00:00 UTC (wall clock if naive)
  int32_t offset_sec = 0;  // UTC offset of the zone this instant is shown in
  bool naive = false;      // a Python datetime with no tzinfo
};

class Value {
 public:
  Value() noexcept : kind_(Kind::Null), i_(0) {}

  static Value null() { return Value(); }
  static Value boolean(bool b);
  static Value integer(int64_t i);
  static Value integer(const BigInt& i);  // demoted to int64 when it fits
  static Value number(double d);
  static Value string(std::string utf8);  // must be valid UTF-8
  static Value list(List items);
  static Value tuple(List items);  // a Python tuple: a list that prints as (a, b)
  static Value dict(Dict d);
  static Value set(Set s);
  static Value datetime(DateTimeParts parts);
  static Value timespan(int64_t micros);
  static Value function(boost::intrusive_ptr<FunctionObject> f);
  static Value sequence(boost::intrusive_ptr<SequenceObject> s);
  static Value opaque(boost::intrusive_ptr<Object> o);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_int() const { return kind_ == Kind::Int; }
  bool is_small_int() const { return kind_ == Kind::Int && !obj_; }
  bool is_big_int() const { return kind_ == Kind::Int && obj_; }
  bool is_float() const { return kind_ == Kind::Float; }
  bool is_number() const { return kind_ == Kind::Int || kind_ == Kind::Float; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_list() const { return kind_ == Kind::List; }
  bool is_tuple() const;
  bool is_dict() const { return kind_ == Kind::Dict; }
  bool is_set() const { return kind_ == Kind::Set; }
  bool is_datetime() const { return kind_ == Kind::DateTime; }
  bool is_timespan() const { return kind_ == Kind::TimeSpan; }
  bool is_function() const { return kind_ == Kind::Function; }
  bool is_sequence() const { return kind_ == Kind::Sequence; }
  bool is_opaque() const { return kind_ == Kind::Opaque; }
  // list, set or lazy sequence: what YAQL calls an iterable (strings and dicts are not).
  bool is_collection() const {
    return kind_ == Kind::List || kind_ == Kind::Set || kind_ == Kind::Sequence;
  }

  bool as_bool() const { return b_; }
  int64_t as_small_int() const { return i_; }
  BigInt as_big_int() const;      // any int, widened
  const BigInt& big_int() const;  // the value of a big int (is_big_int() only), no copy
  double as_float() const { return f_; }
  double to_double() const;  // int, bool or float; big ints round (may give inf); else NaN
  int64_t timespan_micros() const { return i_; }
  const std::string& as_string() const;
  size_t string_length() const;  // in code points
  bool string_is_ascii() const;
  const List& as_list() const;
  const Dict& as_dict() const;
  const Set& as_set() const;
  const DateTimeParts& as_datetime() const;
  const FunctionObject& as_function() const;
  SequenceObject& as_sequence() const;  // single-pass: advancing it is allowed
  const Object* as_opaque() const { return obj_.get(); }
  boost::intrusive_ptr<Object> object() const { return obj_; }

 private:
  Kind kind_;
  union {
    bool b_;
    int64_t i_;
    double f_;
  };
  boost::intrusive_ptr<Object> obj_;
};

// --- heap objects -------------------------------------------------------------------------

class StringObject final : public Object {
 public:
  explicit StringObject(std::string s);
  std::string text;
  size_t length;  // code points
  bool ascii;
};

class BigIntObject final : public Object {
 public:
  explicit BigIntObject(BigInt v) : value(std::move(v)) {}
  BigInt value;
};

class ListObject final : public Object {
 public:
  explicit ListObject(List v, bool tuple = false) : items(std::move(v)), tuple(tuple) {}
  List items;
  bool tuple;  // made as a Python tuple (Jinja literals, dict items, groupby groups)
};

// An interpreter-internal object a language hands out as a value (a YAQL context, a Jinja
// Undefined, a compiled regex): it names its Python type and prints its Python forms.
class OpaqueObject : public Object {
 public:
  virtual std::string type_name() const = 0;
  virtual std::string repr() const = 0;
  virtual std::string str() const { return repr(); }
};

class DateTimeObject final : public Object {
 public:
  explicit DateTimeObject(DateTimeParts p) : parts(p) {}
  DateTimeParts parts;
};

// Python-consistent hashing and equality, for use as unordered container parameters.
size_t hash_value(const Value& v);  // equal values (1, 1.0, true) hash alike; unhashable throw
bool equals(const Value& a, const Value& b);
struct ValueHash {
  size_t operator()(const Value& v) const { return hash_value(v); }
};
struct ValueEq {
  bool operator()(const Value& a, const Value& b) const { return equals(a, b); }
};

// Insertion-ordered mapping with any hashable key. Built once, then immutable. Inside an
// evaluation, growing one past the item limits of its EvaluationBudget throws.
class Dict {
 public:
  using Entry = std::pair<Value, Value>;
  Dict() = default;
  // Inserts or replaces (a replaced key keeps its first position, like Python).
  void set(Value key, Value value);
  bool erase(const Value& key);
  void reserve(size_t n) { entries_.reserve(n); }
  const Value* find(const Value& key) const;
  bool contains(const Value& key) const { return find(key) != nullptr; }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  std::vector<Entry> entries_;
  PositionIndex index_;  // used past a few entries
};

// Unordered set of hashable values; iterates in insertion order so output is stable. Inside
// an evaluation, growing one past the item limits of its EvaluationBudget throws.
class Set {
 public:
  Set() = default;
  bool insert(Value v);  // false when already present
  bool erase(const Value& v);
  bool contains(const Value& v) const;
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const std::vector<Value>& items() const { return items_; }
  std::vector<Value>::const_iterator begin() const { return items_.begin(); }
  std::vector<Value>::const_iterator end() const { return items_.end(); }

 private:
  std::vector<Value> items_;
  PositionIndex index_;  // used past a few items
};

class DictObject final : public Object {
 public:
  explicit DictObject(Dict d) : dict(std::move(d)) {}
  Dict dict;
};

class SetObject final : public Object {
 public:
  explicit SetObject(Set s) : set(std::move(s)) {}
  Set set;
};

// A lazy, single-pass generator. next() returns false at the end.
class SequenceObject : public Object {
 public:
  virtual bool next(Value& out) = 0;
  // False for a lazy result the reference models as a re-iterable collection rather than an
  // iterator (YAQL's orderBy result): list() keeps it whole and limits do not wrap it.
  virtual bool is_iterator() const { return true; }
};

// A sequence over a std::function generator, for simple cases. Generators may be endless
// (`sequence()`, `cycle()`): every few thousand items it checks the running evaluation's
// deadline, so no consumer loops for ever.
class GeneratorSequence final : public SequenceObject {
 public:
  explicit GeneratorSequence(std::function<bool(Value&)> gen) : gen_(std::move(gen)) {}
  bool next(Value& out) override;

 private:
  std::function<bool(Value&)> gen_;
  size_t produced_ = 0;
  bool done_ = false;
};

// Something callable from the languages: a YAQL lambda, a bound function, a Jinja macro.
class FunctionObject : public Object {
 public:
  virtual Value call(const std::vector<Value>& args) const = 0;
  virtual std::string describe() const { return "<function>"; }
};

// --- operations -----------------------------------------------------------------------------

// Python truthiness (0, 0.0, '', empty collections, null are false).
bool truthy(const Value& v);

// Python ordering for <, <=, >, >=: numbers with numbers (bool counts as a number), strings
// with strings, lists lexicographically, datetimes and timespans with their kind.
// Returns <0, 0, >0, or throws Error("TypeError", "'<' not supported between instances of
// 'str' and 'int'"). `op` names the operator in that message. Sets compare by inclusion
// ({1} < {1, 2}: proper subset). Where Python's order is partial (NaN against anything, two
// sets neither of which contains the other) every comparison is false: the result is then
// chosen so that `op` ("<", "<=", ">", ">=") evaluates false (>0 for "<" and "<=", <0 for
// ">" and ">=").
int compare(const Value& a, const Value& b, std::string_view op = "<");
// compare() with its TypeError as the outcome.
Outcome<int> try_compare(const Value& a, const Value& b, std::string_view op = "<");

// A total order for sorting mixed values deterministically (null first, then by kind).
bool sort_less(const Value& a, const Value& b);

// Python's type name of a value: NoneType, bool, int, float, str, list, dict, set,
// datetime.datetime, datetime.timedelta, function, generator, object.
std::string type_name(const Value& v);

// Materialises a sequence into a list value (other values are returned unchanged).
Value materialize(const Value& v);
// Every item of a list, set or sequence (a sequence is consumed); anything else throws
// Error("TypeError", "'int' object is not iterable").
List to_list(const Value& v);

// --- hot accessors, inline ------------------------------------------------------------------

inline Value Value::boolean(bool b) {
  Value v;
  v.kind_ = Kind::Bool;
  v.b_ = b;
  return v;
}
inline Value Value::integer(int64_t i) {
  Value v;
  v.kind_ = Kind::Int;
  v.i_ = i;
  return v;
}
inline Value Value::number(double d) {
  Value v;
  v.kind_ = Kind::Float;
  v.f_ = d;
  return v;
}
inline Value Value::timespan(int64_t micros) {
  Value v;
  v.kind_ = Kind::TimeSpan;
  v.i_ = micros;
  return v;
}
inline const BigInt& Value::big_int() const {
  return static_cast<const BigIntObject*>(obj_.get())->value;
}
inline const std::string& Value::as_string() const {
  return static_cast<const StringObject*>(obj_.get())->text;
}
inline size_t Value::string_length() const {
  return static_cast<const StringObject*>(obj_.get())->length;
}
inline bool Value::string_is_ascii() const {
  return static_cast<const StringObject*>(obj_.get())->ascii;
}
inline bool Value::is_tuple() const {
  return kind_ == Kind::List && static_cast<const ListObject*>(obj_.get())->tuple;
}
inline const List& Value::as_list() const {
  return static_cast<const ListObject*>(obj_.get())->items;
}
inline const Dict& Value::as_dict() const {
  return static_cast<const DictObject*>(obj_.get())->dict;
}
inline const Set& Value::as_set() const { return static_cast<const SetObject*>(obj_.get())->set; }
inline const DateTimeParts& Value::as_datetime() const {
  return static_cast<const DateTimeObject*>(obj_.get())->parts;
}
inline const FunctionObject& Value::as_function() const {
  return *static_cast<const FunctionObject*>(obj_.get());
}
inline SequenceObject& Value::as_sequence() const {
  return *static_cast<SequenceObject*>(obj_.get());
}

}  // namespace sirocco
