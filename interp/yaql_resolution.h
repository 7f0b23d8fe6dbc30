// Overload resolution, the way python-yaql does it: candidates by scope level, arity and
// keyword names first (a static check of the unevaluated arguments), then the lazy
// parameters stay unevaluated, the others are evaluated once and the most specific matching
// overload wins. What depends only on a call's shape — its argument nodes and whether it has
// a receiver — is worked out once per call node and kept in a CallSite; the evaluator
// (interp/yaql_eval.cpp) does the rest on every call.
#pragma once

#include <atomic>
#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "interp/yaql_eval.h"

namespace sirocco::yaql {

template <class T>
using Small = boost::container::small_vector<T, 4>;

inline constexpr size_t kNoArg = static_cast<size_t>(-1);

// Where a param's value comes from: an index into the positional args, a kwarg, or the
// default. `kw` indexes the kwargs list.
struct Binding {
  size_t positional = kNoArg;
  size_t kw = kNoArg;
};

// One overload with the call's arguments mapped onto its params.
struct Candidate {
  const FunctionDef* def = nullptr;
  int level = 0;                  // lower levels are tried first
  bool rules_positional = false;  // reads `a => b` as positional mapping rules
  Small<Binding> params;          // one per positional param
  Small<size_t> varargs;          // positional arg indices going to *args
  Small<size_t> kwargs_to_rest;   // kwarg indices going to **kwargs
  Small<bool> lazy_positional;    // per positional arg
  Small<bool> lazy_kw;            // per kwarg
  Small<int> specificity;         // per param: how specific it is, -1 when it got no argument
  // The overload is a FunctionDef::binary one with its two params bound to positional args
  // 0 and 1, neither lazy nor under the iterator limit: it can be called on the values.
  bool direct = false;
  uint64_t lazy_mask = 0;  // lazy_positional then lazy_kw as bits (when they fit)
  // The params the leading arguments whose values are not known yet (a receiver, a
  // delegate's values) go to, whose types are checked per call.
  Small<const Param*> dynamic_params;
};
using Candidates = boost::container::small_vector<Candidate, 4>;

// The overloads of a name with their resolution level (0 first: functions def() made in the
// innermost scope, ..., then the registry's by declared level). `scope` may be null.
using Overloads = boost::container::small_vector<std::pair<int, const FunctionDef*>, 8>;
Overloads collect_overloads(const Registry& registry, std::string_view name, const Scope* scope,
                            bool method);

// The candidates among `overloads` the arguments map onto, in order. `args`/`kwargs` are the
// arguments as written; `kw_pos`/`kw_kw` the same with `name => value` split off as keyword
// arguments (meaningful when `keywords_ok`). The first `dynamic` positional args are values
// not known yet (a receiver, a delegate's arguments): their types are left to
// dynamic_fits().
Candidates map_candidates(const Overloads& overloads, const RawArgs& args, const RawKwargs& kwargs,
                          const RawArgs& kw_pos, const RawKwargs& kw_kw, bool keywords_ok,
                          size_t dynamic);

// Splits `name => value` arguments into keyword arguments, for overloads that take them;
// false when a name is not a bare identifier or comes twice.
bool split_keywords(const RawArgs& args, RawArgs& pos, RawKwargs& kw);

// Whether the values of the dynamic arguments fit the params the candidate gives them.
bool dynamic_fits(const Candidate& c, const RawArgs& dynamic);

// Whether an evaluated (or lazy) argument fits a param.
bool value_fits(const Param& p, const RawArg& a);

// True when overload a is strictly more specific than b on the arguments both received.
bool more_specific(const Small<int>& a, const Small<int>& b);

inline bool is_skipped(const RawArg& a) { return a.node && a.node->kind == NodeKind::Skipped; }

// The arguments of a call node, read the two ways, for a CallSite.
struct Arrangement {
  Small<const Node*> pos;  // null at index 0 for the receiver
  boost::container::small_vector<std::pair<std::string_view, const Node*>, 2> kw;
  bool operands = false;  // two positional expressions (an operator's), nothing else
};

// A key made of the kinds of a call's arguments (one not evaluated counts as a kind of its
// own), or kNoKey. Whether a value fits a param depends on its kind alone, but for opaque
// objects (a context or not), which make no key.
inline constexpr uint64_t kNoKey = ~uint64_t{0};
inline uint64_t kinds_key(const RawArgs& pos, const RawKwargs& kw) {
  if (pos.size() + kw.size() > 13) return kNoKey;  // 4 bits each, below the memo's index
  uint64_t key = 1;
  auto add = [&key](const RawArg& a) {
    if (!a.evaluated) {
      key = key << 4 | 0xF;
      return true;
    }
    if (a.value.is_opaque()) return false;
    key = key << 4 | static_cast<uint64_t>(a.value.kind());
    return true;
  };
  for (const RawArg& a : pos)
    if (!add(a)) return kNoKey;
  for (const auto& entry : kw)
    if (!add(entry.second)) return kNoKey;
  return key;
}

// The last answer a call site gave for a key, shared by threads: the key and an index, in one
// atomic word.
class Memo {
 public:
  // The index remembered for `key`, or -1.
  int recall(uint64_t key) const {
    const uint64_t word = word_.load(std::memory_order_relaxed);
    if (key == kNoKey || (word & kKeyBits) != key) return -1;
    return static_cast<int>(word >> kIndexShift);
  }
  void remember(uint64_t key, size_t index) const {
    if (key != kNoKey && index < 256)
      word_.store(key | (static_cast<uint64_t>(index) << kIndexShift), std::memory_order_relaxed);
  }

 private:
  static constexpr int kIndexShift = 56;
  static constexpr uint64_t kKeyBits = (uint64_t{1} << kIndexShift) - 1;
  mutable std::atomic<uint64_t> word_{kNoKey};
};

// What a call's resolution keeps between evaluations: a call node's, or a delegate's (a
// function called by name with `arity` values).
struct CallSite {
  const Registry* registry = nullptr;
  std::string name;
  size_t arity = 0;  // of a delegate: its values, receiver included
  bool method = false;
  bool registered = false;  // the name has overloads of the wanted kind
  Arrangement as_written;   // for candidates reading `a => b` positionally
  Arrangement as_keywords;  // for the others
  Candidates candidates;
  Memo first_memo;   // kinds of the values known in advance → the first live candidate
  Memo winner_memo;  // kinds of all the arguments → the overload called
  // The two operand nodes of a call node whose first candidate, whatever the call's values,
  // takes them evaluated as written (an operator's): its calls skip the rest of the site.
  // Null otherwise.
  const Node* operands[2] = {nullptr, nullptr};
};

// Works out the call site of a call node, called as a method (with a receiver) or not.
const CallSite* make_call_site(const Registry& registry, const Node& node, bool method);
// Works out the call site of a function called by name with `arity` values (the first of
// them the receiver of a method).
std::unique_ptr<CallSite> make_delegate_site(const Registry& registry, std::string_view name,
                                             size_t arity, bool method);

}  // namespace sirocco::yaql
