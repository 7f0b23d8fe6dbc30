// Value: constructors and accessors, StringObject, the ordered Dict and Set, and the
// Python semantics of equality, hashing, ordering, type names and truthiness.
#include "interp/value.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "interp/budget.h"
#include "interp/error.h"
#include "interp/number.h"
#include "interp/utf8.h"

namespace sirocco {

static_assert(sizeof(Value) == 24, "a Value is a tag, an inline scalar and one pointer");

// --- construction and access --------------------------------------------------------------

namespace {

const BigInt& int64_min_big() {
  static const BigInt v = std::numeric_limits<int64_t>::min();
  return v;
}
const BigInt& int64_max_big() {
  static const BigInt v = std::numeric_limits<int64_t>::max();
  return v;
}

const void* identity(const Value& v) { return v.as_opaque(); }

// Python float(int): correctly rounded (half to even), infinite when out of range.
double big_to_double(const BigInt& n) {
  const BigInt magnitude = boost::multiprecision::abs(n);
  const double sign = n.sign() < 0 ? -1.0 : 1.0;
  const size_t bits = boost::multiprecision::msb(magnitude) + 1;
  if (bits <= 64) return sign * static_cast<double>(magnitude.convert_to<uint64_t>());
  if (bits > 1025) return sign * std::numeric_limits<double>::infinity();
  // Keep the top 64 bits and fold every lower bit into a sticky bit: converting those 64
  // bits to double then rounds exactly like the whole number would.
  const size_t shift = bits - 64;
  uint64_t top = static_cast<BigInt>(magnitude >> shift).convert_to<uint64_t>();
  if (boost::multiprecision::lsb(magnitude) < shift) top |= 1;
  return sign * std::ldexp(static_cast<double>(top), static_cast<int>(shift));
}

}  // namespace

StringObject::StringObject(std::string s)
    : text(std::move(s)), length(utf8::length(text)), ascii(length == text.size()) {}

Value Value::integer(const BigInt& i) {
  if (i >= int64_min_big() && i <= int64_max_big()) return integer(i.convert_to<int64_t>());
  Value v;
  v.kind_ = Kind::Int;
  v.obj_ = new BigIntObject(i);
  return v;
}

Value Value::string(std::string utf8) {
  Value v;
  v.kind_ = Kind::String;
  v.obj_ = new StringObject(std::move(utf8));
  return v;
}

Value Value::list(List items) {
  Value v;
  v.kind_ = Kind::List;
  v.obj_ = new ListObject(std::move(items));
  return v;
}

Value Value::tuple(List items) {
  Value v;
  v.kind_ = Kind::List;
  v.obj_ = new ListObject(std::move(items), true);
  return v;
}

Value Value::dict(Dict d) {
  Value v;
  v.kind_ = Kind::Dict;
  v.obj_ = new DictObject(std::move(d));
  return v;
}

Value Value::set(Set s) {
  Value v;
  v.kind_ = Kind::Set;
  v.obj_ = new SetObject(std::move(s));
  return v;
}

Value Value::datetime(DateTimeParts parts) {
  Value v;
  v.kind_ = Kind::DateTime;
  v.obj_ = new DateTimeObject(parts);
  return v;
}

Value Value::function(boost::intrusive_ptr<FunctionObject> f) {
  Value v;
  v.kind_ = Kind::Function;
  v.obj_ = std::move(f);
  return v;
}

Value Value::sequence(boost::intrusive_ptr<SequenceObject> s) {
  Value v;
  v.kind_ = Kind::Sequence;
  v.obj_ = std::move(s);
  return v;
}

Value Value::opaque(boost::intrusive_ptr<Object> o) {
  Value v;
  v.kind_ = Kind::Opaque;
  v.obj_ = std::move(o);
  return v;
}

BigInt Value::as_big_int() const {
  if (is_big_int()) return big_int();
  if (is_bool()) return BigInt(b_ ? 1 : 0);
  return BigInt(i_);
}

double Value::to_double() const {
  switch (kind_) {
    case Kind::Bool:
      return b_ ? 1.0 : 0.0;
    case Kind::Int:
      return obj_ ? big_to_double(big_int()) : static_cast<double>(i_);
    case Kind::Float:
      return f_;
    default:
      return std::numeric_limits<double>::quiet_NaN();
  }
}

// --- numeric comparison ---------------------------------------------------------------------

namespace {

constexpr int kUnordered = 2;  // internal result of a comparison involving NaN

bool is_numeric(const Value& v) { return v.is_int() || v.is_float() || v.is_bool(); }

int sign_of(int64_t d) { return (d > 0) - (d < 0); }

int64_t small_int_of(const Value& v) { return v.is_bool() ? v.as_bool() : v.as_small_int(); }

// Three-way comparison of two ints (small, big or bool). Big ints are normalised, so a
// big int lies outside the int64 range and its sign alone orders it against a small one.
int compare_ints(const Value& a, const Value& b) {
  const bool a_big = a.is_big_int(), b_big = b.is_big_int();
  if (!a_big && !b_big) {
    int64_t x = small_int_of(a), y = small_int_of(b);
    return (x > y) - (x < y);
  }
  if (a_big && b_big) return sign_of(a.big_int().compare(b.big_int()));
  return a_big ? a.big_int().sign() : -b.big_int().sign();
}

// Exact comparison of an int with a double (no rounding through double).
int compare_int_double(const Value& i, double d) {
  if (std::isnan(d)) return kUnordered;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  constexpr int64_t kExact = int64_t{1} << 53;  // every int up to 2**53 is a double
  constexpr double kTwo63 = 9223372036854775808.0;
  const double whole = std::trunc(d), fraction = d - whole;
  int whole_order;
  if (!i.is_big_int()) {
    int64_t x = small_int_of(i);
    if (x >= -kExact && x <= kExact) {
      double xd = static_cast<double>(x);
      return (xd > d) - (xd < d);
    }
    if (whole >= kTwo63) return -1;
    if (whole < -kTwo63) return 1;
    int64_t w = static_cast<int64_t>(whole);
    whole_order = (x > w) - (x < w);
  } else {
    whole_order = sign_of(i.big_int().compare(int_from_double(whole).as_big_int()));
  }
  if (whole_order != 0) return whole_order;
  return (fraction < 0) - (fraction > 0);
}

// Three-way exact comparison of two numbers; kUnordered when NaN is involved.
int compare_numbers(const Value& a, const Value& b) {
  const bool a_float = a.is_float(), b_float = b.is_float();
  if (!a_float && !b_float) return compare_ints(a, b);
  if (a_float && b_float) {
    double x = a.as_float(), y = b.as_float();
    if (std::isnan(x) || std::isnan(y)) return kUnordered;
    return (x > y) - (x < y);
  }
  if (b_float) return compare_int_double(a, b.as_float());
  int r = compare_int_double(b, a.as_float());
  return r == kUnordered ? r : -r;
}

}  // namespace

// --- equality -------------------------------------------------------------------------------

namespace {

bool lists_equal(const List& a, const List& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!equals(a[i], b[i])) return false;
  }
  return true;
}

bool dicts_equal(const Dict& a, const Dict& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [key, value] : a) {
    const Value* other = b.find(key);
    if (!other || !equals(value, *other)) return false;
  }
  return true;
}

bool sets_equal(const Set& a, const Set& b) {
  if (a.size() != b.size()) return false;
  for (const Value& item : a) {
    if (!b.contains(item)) return false;
  }
  return true;
}

bool datetimes_equal(const DateTimeParts& a, const DateTimeParts& b) {
  return a.naive == b.naive && a.micros == b.micros;
}

bool same_kind_equal(const Value& a, const Value& b) {
  switch (a.kind()) {
    case Kind::Null:
      return true;
    case Kind::Bool:
      return a.as_bool() == b.as_bool();
    case Kind::Int:
      return compare_ints(a, b) == 0;
    case Kind::Float:
      return a.as_float() == b.as_float();
    case Kind::String: {
      const std::string &x = a.as_string(), &y = b.as_string();
      return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size()) == 0;
    }
    case Kind::List:
      return lists_equal(a.as_list(), b.as_list());
    case Kind::Dict:
      return dicts_equal(a.as_dict(), b.as_dict());
    case Kind::Set:
      return sets_equal(a.as_set(), b.as_set());
    case Kind::DateTime:
      return datetimes_equal(a.as_datetime(), b.as_datetime());
    case Kind::TimeSpan:
      return a.timespan_micros() == b.timespan_micros();
    case Kind::Function:
    case Kind::Sequence:
    case Kind::Opaque:
      return false;  // identity was checked by the caller
  }
  return false;
}

}  // namespace

bool equals(const Value& a, const Value& b) {
  if (a.is_small_int() && b.is_small_int()) return a.as_small_int() == b.as_small_int();
  if (a.kind() == b.kind()) {
    if (identity(a) && identity(a) == identity(b)) return true;  // same heap object
    return same_kind_equal(a, b);
  }
  return is_numeric(a) && is_numeric(b) && compare_numbers(a, b) == 0;
}

// --- hashing --------------------------------------------------------------------------------

namespace {

// Numbers hash like CPython: the value modulo the Mersenne prime 2**61 - 1, so an int and
// a float of equal value (1, 1.0, True) hash alike without converting either.
constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;
constexpr int kHashBits = 61;

size_t signed_hash(uint64_t magnitude_mod, bool negative) {
  int64_t h = negative ? -static_cast<int64_t>(magnitude_mod) : static_cast<int64_t>(magnitude_mod);
  if (h == -1) h = -2;
  return static_cast<size_t>(h);
}

size_t hash_small_int(int64_t n) {
  if (n >= 0 && static_cast<uint64_t>(n) < kHashModulus) return static_cast<size_t>(n);
  uint64_t magnitude = n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  return signed_hash(magnitude % kHashModulus, n < 0);
}

size_t hash_big_int(const BigInt& n) {
  static const BigInt modulus = kHashModulus;
  BigInt magnitude_mod = boost::multiprecision::abs(n) % modulus;
  return signed_hash(magnitude_mod.convert_to<uint64_t>(), n.sign() < 0);
}

size_t hash_double(double d) {
  if (std::isnan(d)) return 0;
  if (std::isinf(d)) return d > 0 ? 314159 : static_cast<size_t>(-314159);
  int exponent;
  double mantissa = std::frexp(d, &exponent);
  const bool negative = mantissa < 0;
  if (negative) mantissa = -mantissa;
  uint64_t x = 0;
  while (mantissa != 0) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    mantissa *= 268435456.0;  // 2**28
    exponent -= 28;
    uint64_t chunk = static_cast<uint64_t>(mantissa);
    mantissa -= static_cast<double>(chunk);
    x += chunk;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  exponent = exponent >= 0 ? exponent % kHashBits : kHashBits - 1 - ((-1 - exponent) % kHashBits);
  x = ((x << exponent) & kHashModulus) | x >> (kHashBits - exponent);
  return signed_hash(x, negative);
}

// Spreads the bits of a hash (splitmix64's finaliser), for combining element hashes.
uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

size_t hash_list(const List& items) {
  uint64_t h = 0x345678 + items.size();
  for (const Value& item : items) h = (h ^ mix(hash_value(item))) * 1000003;
  return h;
}

// Dicts and sets hash order-independently: a sum of mixed entry hashes.
size_t hash_dict(const Dict& d) {
  uint64_t sum = 0;
  for (const auto& [key, value] : d) sum += mix(hash_value(key) * 31 + hash_value(value));
  return mix(sum + d.size() + 0x64696374);
}

size_t hash_set(const Set& s) {
  uint64_t sum = 0;
  for (const Value& item : s) sum += mix(hash_value(item));
  return mix(sum + s.size() + 0x736574);
}

}  // namespace

size_t hash_value(const Value& v) {
  switch (v.kind()) {
    case Kind::Null:
      return 0x6e6f6e65;
    case Kind::Bool:
      return v.as_bool() ? 1 : 0;
    case Kind::Int:
      return v.is_big_int() ? hash_big_int(v.big_int()) : hash_small_int(v.as_small_int());
    case Kind::Float:
      return hash_double(v.as_float());
    case Kind::String:
      return std::hash<std::string_view>{}(v.as_string());
    case Kind::List:
      return hash_list(v.as_list());
    case Kind::Dict:
      return hash_dict(v.as_dict());
    case Kind::Set:
      return hash_set(v.as_set());
    case Kind::DateTime:
      return mix(static_cast<uint64_t>(v.as_datetime().micros));
    case Kind::TimeSpan:
      return mix(static_cast<uint64_t>(v.timespan_micros()) ^ 0x74696d65);
    case Kind::Function:
    case Kind::Sequence:
    case Kind::Opaque:
      return std::hash<const void*>{}(identity(v));
  }
  return 0;
}

// --- Dict and Set ---------------------------------------------------------------------------

size_t PositionIndex::home(size_t hash) const {
  return static_cast<size_t>((static_cast<uint64_t>(hash) * 0x9E3779B97F4A7C15ull) >> shift_);
}

void PositionIndex::place(size_t hash, size_t position) {
  const size_t mask = slots_.size() - 1;
  for (size_t s = home(hash);; s = (s + 1) & mask) {
    if (slots_[s].position_plus_one == 0) {
      slots_[s] = Slot{static_cast<uint32_t>(position + 1), static_cast<uint32_t>(hash)};
      return;
    }
  }
}

template <class KeyAt>
void PositionIndex::rebuild(size_t count, const KeyAt& key_at) {
  unsigned bits = 4;
  while ((size_t{1} << bits) < count * 2) ++bits;
  slots_.assign(size_t{1} << bits, Slot{0, 0});
  shift_ = 64 - bits;
  for (size_t i = 0; i < count; ++i) place(hash_value(key_at(i)), i);
}

template <class Key, class KeyAt>
size_t PositionIndex::find(const Key& key, size_t hash, const KeyAt& key_at) const {
  const size_t mask = slots_.size() - 1;
  for (size_t s = home(hash);; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.position_plus_one == 0) return kAbsent;
    if (slot.hash_bits == static_cast<uint32_t>(hash) &&
        equals(key_at(slot.position_plus_one - 1), key))
      return slot.position_plus_one - 1;
  }
}

template <class KeyAt>
void PositionIndex::add(size_t hash, size_t count, const KeyAt& key_at) {
  if (count * 2 > slots_.size())
    rebuild(count, key_at);
  else
    place(hash, count - 1);
}

namespace {
// Up to this many entries a linear scan beats hashing; past it the hash index is kept.
constexpr size_t kLinearLimit = 8;

const Value& key_of(const Dict::Entry& entry) { return entry.first; }
const Value& key_of(const Value& item) { return item; }

// The key at a position of a Dict's entries or a Set's items.
template <class Item>
auto keys_of(const std::vector<Item>& items) {
  return [&items](size_t position) -> const Value& { return key_of(items[position]); };
}

// The position of `key` in `items`: by a scan while there is no index, else by the index.
template <class Item>
size_t position_of(const std::vector<Item>& items, const PositionIndex& index, const Value& key,
                   size_t hash) {
  if (!index.empty()) return index.find(key, hash, keys_of(items));
  for (size_t i = 0; i < items.size(); ++i)
    if (equals(key_of(items[i]), key)) return i;
  return PositionIndex::kAbsent;
}

// Appends a new item and keeps the index: made past kLinearLimit items, charged to the budget.
template <class Item>
void append(std::vector<Item>& items, PositionIndex& index, Item item, size_t hash) {
  items.push_back(std::move(item));
  if (index.empty()) {
    if (items.size() > kLinearLimit) index.rebuild(items.size(), keys_of(items));
    return;
  }
  if (items.size() % kBudgetCheckInterval == 0) charge_items(items.size());
  index.add(hash, items.size(), keys_of(items));
}

// Removes the item at `position`; the index is remade (positions after it move).
template <class Item>
void remove(std::vector<Item>& items, PositionIndex& index, size_t position) {
  items.erase(items.begin() + static_cast<ptrdiff_t>(position));
  if (items.size() <= kLinearLimit)
    index.clear();
  else
    index.rebuild(items.size(), keys_of(items));
}

// Hashing is needed once an index exists; before that a scan compares keys directly.
size_t hash_if_indexed(const PositionIndex& index, const Value& key) {
  return index.empty() ? 0 : hash_value(key);
}
}  // namespace

void Dict::set(Value key, Value value) {
  const size_t hash = hash_if_indexed(index_, key);
  if (const size_t at = position_of(entries_, index_, key, hash); at != PositionIndex::kAbsent) {
    entries_[at].second = std::move(value);
    return;
  }
  append(entries_, index_, Entry(std::move(key), std::move(value)), hash);
}

const Value* Dict::find(const Value& key) const {
  const size_t at = position_of(entries_, index_, key, hash_if_indexed(index_, key));
  return at == PositionIndex::kAbsent ? nullptr : &entries_[at].second;
}

bool Dict::erase(const Value& key) {
  const size_t at = position_of(entries_, index_, key, hash_if_indexed(index_, key));
  if (at == PositionIndex::kAbsent) return false;
  remove(entries_, index_, at);
  return true;
}

bool Set::insert(Value v) {
  const size_t hash = hash_if_indexed(index_, v);
  if (position_of(items_, index_, v, hash) != PositionIndex::kAbsent) return false;
  append(items_, index_, std::move(v), hash);
  return true;
}

bool Set::contains(const Value& v) const {
  return position_of(items_, index_, v, hash_if_indexed(index_, v)) != PositionIndex::kAbsent;
}

bool Set::erase(const Value& v) {
  const size_t at = position_of(items_, index_, v, hash_if_indexed(index_, v));
  if (at == PositionIndex::kAbsent) return false;
  remove(items_, index_, at);
  return true;
}

// --- type names and truthiness ----------------------------------------------------------------

std::string type_name(const Value& v) {
  switch (v.kind()) {
    case Kind::Null:
      return "NoneType";
    case Kind::Bool:
      return "bool";
    case Kind::Int:
      return "int";
    case Kind::Float:
      return "float";
    case Kind::String:
      return "str";
    case Kind::List:
      return v.is_tuple() ? "tuple" : "list";
    case Kind::Dict:
      return "dict";
    case Kind::Set:
      return "set";
    case Kind::DateTime:
      return "datetime.datetime";
    case Kind::TimeSpan:
      return "datetime.timedelta";
    case Kind::Function:
      return "function";
    case Kind::Sequence:
      return "generator";
    case Kind::Opaque:
      if (auto* o = dynamic_cast<const OpaqueObject*>(v.as_opaque())) return o->type_name();
      return "object";
  }
  return "object";
}

bool truthy(const Value& v) {
  switch (v.kind()) {
    case Kind::Null:
      return false;
    case Kind::Bool:
      return v.as_bool();
    case Kind::Int:
      return v.is_big_int() || v.as_small_int() != 0;
    case Kind::Float:
      return v.as_float() != 0.0;
    case Kind::String:
      return !v.as_string().empty();
    case Kind::List:
      return !v.as_list().empty();
    case Kind::Dict:
      return !v.as_dict().empty();
    case Kind::Set:
      return !v.as_set().empty();
    case Kind::TimeSpan:
      return v.timespan_micros() != 0;
    case Kind::DateTime:
    case Kind::Function:
    case Kind::Sequence:
    case Kind::Opaque:
      return true;
  }
  return true;
}

// --- Python ordering --------------------------------------------------------------------------

namespace {

Error not_supported(const Value& a, const Value& b, std::string_view op) {
  return Error("TypeError", "'" + std::string(op) + "' not supported between instances of '" +
                                type_name(a) + "' and '" + type_name(b) + "'");
}

// The result that makes `op` false, for pairs Python leaves unordered.
int unordered_result(std::string_view op) { return op == ">" || op == ">=" ? -1 : 1; }

bool is_subset(const Set& small, const Set& large) {
  if (small.size() > large.size()) return false;
  return std::all_of(small.begin(), small.end(), [&](const Value& v) { return large.contains(v); });
}

int compare_sets(const Set& a, const Set& b, std::string_view op) {
  if (a.size() == b.size()) return is_subset(a, b) ? 0 : unordered_result(op);
  if (a.size() < b.size()) return is_subset(a, b) ? -1 : unordered_result(op);
  return is_subset(b, a) ? 1 : unordered_result(op);
}

// Tuples compare at the first pair of items that differ (by ==), then by length.
Outcome<int> compare_lists(const List& a, const List& b, std::string_view op) {
  const size_t common = std::min(a.size(), b.size());
  for (size_t i = 0; i < common; ++i) {
    if (!equals(a[i], b[i])) return try_compare(a[i], b[i], op);
  }
  return (a.size() > b.size()) - (a.size() < b.size());
}

Outcome<int> compare_datetimes(const DateTimeParts& a, const DateTimeParts& b) {
  if (a.naive != b.naive)
    return Error("TypeError", "can't compare offset-naive and offset-aware datetimes");
  return (a.micros > b.micros) - (a.micros < b.micros);
}

int compare_strings(const std::string& a, const std::string& b) {
  // Byte order of UTF-8 is code-point order.
  int r = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
  if (r != 0) return r < 0 ? -1 : 1;
  return (a.size() > b.size()) - (a.size() < b.size());
}

}  // namespace

int compare(const Value& a, const Value& b, std::string_view op) {
  if (is_numeric(a) && is_numeric(b)) {
    int r = compare_numbers(a, b);
    return r == kUnordered ? unordered_result(op) : r;
  }
  return try_compare(a, b, op).value();
}

Outcome<int> try_compare(const Value& a, const Value& b, std::string_view op) {
  if (is_numeric(a) && is_numeric(b)) {
    int r = compare_numbers(a, b);
    return r == kUnordered ? unordered_result(op) : r;
  }
  if (a.kind() != b.kind()) return not_supported(a, b, op);
  switch (a.kind()) {
    case Kind::String:
      return compare_strings(a.as_string(), b.as_string());
    case Kind::List:
      return compare_lists(a.as_list(), b.as_list(), op);
    case Kind::Set:
      return compare_sets(a.as_set(), b.as_set(), op);
    case Kind::DateTime:
      return compare_datetimes(a.as_datetime(), b.as_datetime());
    case Kind::TimeSpan:
      return (a.timespan_micros() > b.timespan_micros()) -
             (a.timespan_micros() < b.timespan_micros());
    default:
      return not_supported(a, b, op);
  }
}

// --- total order for sorting ------------------------------------------------------------------

namespace {

// Rank of a kind in the total order: null, numbers, strings, lists, dicts, sets, ...
int kind_rank(const Value& v) {
  switch (v.kind()) {
    case Kind::Null:
      return 0;
    case Kind::Bool:
    case Kind::Int:
    case Kind::Float:
      return 1;
    case Kind::String:
      return 2;
    case Kind::List:
      return 3;
    case Kind::Dict:
      return 4;
    case Kind::Set:
      return 5;
    case Kind::DateTime:
      return 6;
    case Kind::TimeSpan:
      return 7;
    case Kind::Function:
      return 8;
    case Kind::Sequence:
      return 9;
    case Kind::Opaque:
      return 10;
  }
  return 11;
}

int total_compare(const Value& a, const Value& b);

// NaN sorts after every other number and ties with NaN.
int total_compare_numbers(const Value& a, const Value& b) {
  int r = compare_numbers(a, b);
  if (r != kUnordered) return r;
  const bool a_nan = a.is_float() && std::isnan(a.as_float());
  const bool b_nan = b.is_float() && std::isnan(b.as_float());
  return a_nan - b_nan;
}

int total_compare_lists(const List& a, const List& b) {
  const size_t common = std::min(a.size(), b.size());
  for (size_t i = 0; i < common; ++i) {
    if (int r = total_compare(a[i], b[i])) return r;
  }
  return (a.size() > b.size()) - (a.size() < b.size());
}

// Dicts and sets are unordered: compare their contents sorted, so equal ones tie.
List sorted_items(const Set& s) {
  List items(s.begin(), s.end());
  std::sort(items.begin(), items.end(), sort_less);
  return items;
}

List sorted_entries(const Dict& d) {
  std::vector<const Dict::Entry*> entries;
  entries.reserve(d.size());
  for (const auto& entry : d) entries.push_back(&entry);
  std::sort(entries.begin(), entries.end(), [](const Dict::Entry* x, const Dict::Entry* y) {
    return sort_less(x->first, y->first);
  });
  List flat;
  flat.reserve(d.size() * 2);
  for (const Dict::Entry* entry : entries) {
    flat.push_back(entry->first);
    flat.push_back(entry->second);
  }
  return flat;
}

int total_compare_same_rank(const Value& a, const Value& b) {
  switch (a.kind()) {
    case Kind::Null:
      return 0;
    case Kind::Bool:
    case Kind::Int:
    case Kind::Float:
      return total_compare_numbers(a, b);
    case Kind::String:
      return compare_strings(a.as_string(), b.as_string());
    case Kind::List:
      return total_compare_lists(a.as_list(), b.as_list());
    case Kind::Dict:
      return total_compare_lists(sorted_entries(a.as_dict()), sorted_entries(b.as_dict()));
    case Kind::Set:
      return total_compare_lists(sorted_items(a.as_set()), sorted_items(b.as_set()));
    case Kind::DateTime: {
      const DateTimeParts &x = a.as_datetime(), &y = b.as_datetime();
      if (x.naive != y.naive) return x.naive ? -1 : 1;
      return (x.micros > y.micros) - (x.micros < y.micros);
    }
    case Kind::TimeSpan:
      return (a.timespan_micros() > b.timespan_micros()) -
             (a.timespan_micros() < b.timespan_micros());
    case Kind::Function:
    case Kind::Sequence:
    case Kind::Opaque: {
      std::less<const void*> less;
      return less(identity(b), identity(a)) - less(identity(a), identity(b));
    }
  }
  return 0;
}

int total_compare(const Value& a, const Value& b) {
  int rank_a = kind_rank(a), rank_b = kind_rank(b);
  if (rank_a != rank_b) return rank_a < rank_b ? -1 : 1;
  return total_compare_same_rank(a, b);
}

}  // namespace

bool sort_less(const Value& a, const Value& b) { return total_compare(a, b) < 0; }

// --- sequences ----------------------------------------------------------------------------------

List to_list(const Value& v) {
  switch (v.kind()) {
    case Kind::List:
      return v.as_list();
    case Kind::Set:
      return v.as_set().items();
    case Kind::Sequence: {
      List items;
      Value item;
      SequenceObject& sequence = v.as_sequence();
      while (sequence.next(item)) {
        items.push_back(std::move(item));
        if (items.size() % kBudgetCheckInterval == 0) charge_items(items.size());
      }
      return items;
    }
    default:
      throw Error("TypeError", "'" + type_name(v) + "' object is not iterable");
  }
}

bool GeneratorSequence::next(Value& out) {
  if (done_) return false;
  if (++produced_ % kBudgetCheckInterval == 0) check_deadline();
  if (gen_(out)) return true;
  done_ = true;
  return false;
}

Value materialize(const Value& v) { return v.is_sequence() ? Value::list(to_list(v)) : v; }

}  // namespace sirocco
