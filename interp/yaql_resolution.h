// Overload resolution, the way python-yaql does it: candidates by scope level, arity and
// keyword names first (a static check of the unevaluated arguments), then the lazy
// parameters stay unevaluated, the others are evaluated once and the most specific matching
// overload wins. What depends only on a call's shape — its argument nodes and whether it has
// a receiver — is worked out once per call node and kept in a CallSite; the evaluator
// (interp/yaql_eval.cpp) does the rest on every call.
#pragma once

#include <boost/container/small_vector.hpp>
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
  // The param a receiver (positional arg 0) goes to, whose type is checked per call.
  const Param* receiver_param = nullptr;
};
using Candidates = boost::container::small_vector<Candidate, 4>;

// The overloads of a name with their resolution level (0 first: functions def() made in the
// innermost scope, ..., then the registry's by declared level). `scope` may be null.
using Overloads = boost::container::small_vector<std::pair<int, const FunctionDef*>, 8>;
Overloads collect_overloads(const Registry& registry, std::string_view name, const Scope* scope,
                            bool method);

// The candidates among `overloads` the arguments map onto, in order. `args`/`kwargs` are the
// arguments as written; `kw_pos`/`kw_kw` the same with `name => value` split off as keyword
// arguments (meaningful when `keywords_ok`). With `receiver_unknown`, positional arg 0 is a
// receiver whose value is not known yet: its type is left to receiver_fits().
Candidates map_candidates(const Overloads& overloads, const RawArgs& args, const RawKwargs& kwargs,
                          const RawArgs& kw_pos, const RawKwargs& kw_kw, bool keywords_ok,
                          bool receiver_unknown);

// Splits `name => value` arguments into keyword arguments, for overloads that take them;
// false when a name is not a bare identifier or comes twice.
bool split_keywords(const RawArgs& args, RawArgs& pos, RawKwargs& kw);

// Whether the receiver's value fits the param the candidate gives it.
bool receiver_fits(const Candidate& c, const Value& receiver);

// Whether an evaluated (or lazy) argument fits a param.
bool value_fits(const Param& p, const RawArg& a);

// True when overload a is strictly more specific than b on the arguments both received.
bool more_specific(const Small<int>& a, const Small<int>& b);

bool is_skipped(const RawArg& a);

// The arguments of a call node, read the two ways, for a CallSite.
struct Arrangement {
  Small<const Node*> pos;  // null at index 0 for the receiver
  boost::container::small_vector<std::pair<std::string_view, const Node*>, 2> kw;
};

// What a call node's resolution keeps between evaluations.
struct CallSite {
  const Registry* registry = nullptr;
  bool registered = false;  // the name has overloads of the wanted kind
  Arrangement as_written;   // for candidates reading `a => b` positionally
  Arrangement as_keywords;  // for the others
  Candidates candidates;
};

// Works out the call site of a call node, called as a method (with a receiver) or not.
const CallSite* make_call_site(const Registry& registry, const Node& node, bool method);

}  // namespace sirocco::yaql
