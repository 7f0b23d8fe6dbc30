// Overload resolution: the overloads of a name, the static mapping of a call's arguments
// onto each of them, and the call sites kept with call nodes.
#include "interp/yaql_resolution.h"

#include <algorithm>

namespace sirocco::yaql {

Node::~Node() {
  for (auto& site : sites) delete site.load(std::memory_order_relaxed);
}

Overloads collect_overloads(const Registry& registry, std::string_view name, const Scope* scope,
                            bool method) {
  Overloads out;
  int level = 0;
  auto wanted = [&](const FunctionDef& f) { return method ? f.is_method : f.is_function; };
  if (scope && scope->defines_functions()) {
    for (const Scope* s = scope; s; s = s->parent()) {
      bool any = false;
      for (const auto& f : s->own_functions()) {
        if (f->name != name || !wanted(*f)) continue;
        out.push_back({level, f.get()});
        any = true;
      }
      level += any;
    }
  }
  if (const auto* defs = registry.find(name)) {
    int max_level = 0;
    for (const auto& f : *defs) max_level = std::max(max_level, f->level);
    for (int lv = 0; lv <= max_level; ++lv) {
      bool any = false;
      for (const auto& f : *defs) {
        if (f->level != lv || !wanted(*f)) continue;
        out.push_back({level, f.get()});
        any = true;
      }
      level += any;
    }
  }
  return out;
}

namespace {

// The value a non-lazy argument is known to have before evaluation, if any (constants and
// bare keywords are strings already).
const Value* static_value(const RawArg& a, Value& scratch) {
  if (a.evaluated) return &a.value;
  if (a.node->kind == NodeKind::Constant) return &a.node->value;
  if (a.node->kind == NodeKind::Keyword) {
    scratch = Value::string(a.node->name);
    return &scratch;
  }
  return nullptr;
}

bool node_fits(const ParamType& t, const RawArg& a) {
  if (a.evaluated)
    return t.code != TypeCode::Expr && t.code != TypeCode::Keyword &&
           t.code != TypeCode::StringConstant && t.code != TypeCode::MappingRule;
  const Node& n = *a.node;
  switch (t.code) {
    case TypeCode::Keyword:
      return n.kind == NodeKind::Keyword;
    case TypeCode::StringConstant:
      return n.kind == NodeKind::Constant && n.value.is_string();
    case TypeCode::MappingRule:
      return n.kind == NodeKind::MappingRule;
    case TypeCode::MethodLambda:
      return n.uses_receiver;
    default:
      return n.kind != NodeKind::MappingRule;
  }
}

// Static check of one argument against a param (before evaluation). With `value_unknown`
// (a receiver not evaluated yet) only what does not depend on its value.
bool precheck(const Param& p, const RawArg& a, bool value_unknown = false) {
  if (is_lazy(p.type.code)) return node_fits(p.type, a);
  if (value_unknown) return true;
  if (!a.evaluated && a.node->kind == NodeKind::MappingRule) return false;
  Value scratch;
  const Value* v = static_value(a, scratch);
  return !v || p.type.accepts(*v);
}

// How specific each param of a mapped overload is, for the params that received an argument
// (-1 for the others: a default or an empty *args says nothing about the call).
Small<int> used_specificity(const Candidate& m) {
  const FunctionDef& def = *m.def;
  Small<int> out;
  out.reserve(def.params.size());
  size_t positional = 0;
  for (const Param& p : def.params) {
    bool used = false;
    if (p.variadic) {
      used = !m.varargs.empty();
    } else if (p.kw_variadic) {
      used = !m.kwargs_to_rest.empty();
    } else {
      const Binding& b = m.params[positional++];
      used = b.positional != kNoArg || b.kw != kNoArg;
    }
    out.push_back(used ? p.type.specificity() : -1);
  }
  return out;
}

// Maps the call's arguments onto one overload's params, or returns false.
bool map_args(const FunctionDef& def, const RawArgs& pos, const RawKwargs& kw, size_t dynamic,
              Candidate& m) {
  m.def = &def;
  size_t npos = def.positional_count();
  m.params.assign(npos, Binding{});
  Small<bool> kw_used(kw.size(), false);
  const Param* varparam = nullptr;
  const Param* kwparam = nullptr;
  for (const auto& p : def.params) {
    if (p.variadic) varparam = &p;
    if (p.kw_variadic) kwparam = &p;
  }
  auto find_kw = [&](const std::string& name) -> size_t {
    for (size_t i = 0; i < kw.size(); ++i)
      if (!kw_used[i] && kw[i].first == name) return i;
    return kNoArg;
  };
  for (size_t i = 0; i < npos; ++i) {
    const Param& p = def.params[i];
    size_t k = find_kw(p.name);
    if (i < pos.size() && !is_skipped(pos[i])) {
      if (k != kNoArg) return false;
      if (!precheck(p, pos[i], i < dynamic)) return false;
      m.params[i].positional = i;
    } else if (k != kNoArg) {
      if (!precheck(p, kw[k].second)) return false;
      m.params[i].kw = k;
      kw_used[k] = true;
    } else if (!p.default_value) {
      return false;
    }
  }
  for (size_t i = npos; i < pos.size(); ++i) {
    if (!varparam || is_skipped(pos[i]) || !precheck(*varparam, pos[i], i < dynamic)) return false;
    m.varargs.push_back(i);
  }
  for (size_t k = 0; k < kw.size(); ++k) {
    if (kw_used[k]) continue;
    if (!kwparam || !precheck(*kwparam, kw[k].second)) return false;
    m.kwargs_to_rest.push_back(k);
  }
  m.lazy_positional.assign(pos.size(), false);
  m.lazy_kw.assign(kw.size(), false);
  for (size_t i = 0; i < npos; ++i) {
    if (!is_lazy(def.params[i].type.code)) continue;
    if (m.params[i].positional != kNoArg) m.lazy_positional[m.params[i].positional] = true;
    if (m.params[i].kw != kNoArg) m.lazy_kw[m.params[i].kw] = true;
  }
  if (varparam && is_lazy(varparam->type.code))
    for (size_t i : m.varargs) m.lazy_positional[i] = true;
  if (kwparam && is_lazy(kwparam->type.code))
    for (size_t k : m.kwargs_to_rest) m.lazy_kw[k] = true;
  for (size_t i = 0; i < dynamic; ++i)
    m.dynamic_params.push_back(i < npos ? &def.params[i] : varparam);
  m.specificity = used_specificity(m);
  auto plain = [](const Param& p) {
    return !p.variadic && !p.kw_variadic && !is_lazy(p.type.code) &&
           p.type.code != TypeCode::Iterable;
  };
  m.direct = def.binary && def.params.size() == 2 && plain(def.params[0]) && plain(def.params[1]) &&
             m.params[0].positional == 0 && m.params[1].positional == 1 && pos.size() == 2 &&
             kw.empty();
  size_t bit = 0;
  for (bool lazy : m.lazy_positional) m.lazy_mask |= uint64_t{lazy} << (bit++ & 63);
  for (bool lazy : m.lazy_kw) m.lazy_mask |= uint64_t{lazy} << (bit++ & 63);
  return true;
}

}  // namespace

Candidates map_candidates(const Overloads& overloads, const RawArgs& args, const RawKwargs& kwargs,
                          const RawArgs& kw_pos, const RawKwargs& kw_kw, bool keywords_ok,
                          size_t dynamic) {
  Candidates out;
  for (const auto& [level, def] : overloads) {
    Candidate c;
    c.level = level;
    c.rules_positional = def->takes_mapping_rules();
    bool ok = c.rules_positional ? map_args(*def, args, kwargs, dynamic, c)
                                 : keywords_ok && map_args(*def, kw_pos, kw_kw, dynamic, c);
    if (ok) out.push_back(std::move(c));
  }
  return out;
}

bool split_keywords(const RawArgs& args, RawArgs& pos, RawKwargs& kw) {
  for (const auto& a : args) {
    if (!a.evaluated && a.node->kind == NodeKind::MappingRule) {
      const Node& src = *a.node->args[0];
      if (src.kind != NodeKind::Keyword) return false;
      for (const auto& [n, v] : kw)
        if (n == src.name) return false;
      kw.emplace_back(src.name, RawArg::of(a.node->args[1].get()));
    } else {
      pos.push_back(a);
    }
  }
  return true;
}

bool dynamic_fits(const Candidate& c, const RawArgs& dynamic) {
  for (size_t i = 0; i < c.dynamic_params.size(); ++i) {
    const ParamType& t = c.dynamic_params[i]->type;
    if (!is_lazy(t.code) && !t.accepts(dynamic[i].value)) return false;
  }
  return true;
}

bool value_fits(const Param& p, const RawArg& a) {
  if (is_lazy(p.type.code)) return true;
  return p.type.accepts(a.value);
}

bool more_specific(const Small<int>& a, const Small<int>& b) {
  size_t n = std::min(a.size(), b.size());
  bool better = false;
  for (size_t i = 0; i < n; ++i) {
    if (a[i] < 0 || b[i] < 0) continue;
    if (a[i] < b[i]) return false;
    if (a[i] > b[i]) better = true;
  }
  return better;
}

namespace {

Arrangement arrangement_of(const RawArgs& pos, const RawKwargs& kw) {
  Arrangement out;
  for (const RawArg& a : pos) out.pos.push_back(a.node);
  for (const auto& [name, a] : kw) out.kw.emplace_back(name, a.node);
  auto expression = [](const Node* n) {
    return n && n->kind != NodeKind::Skipped && n->kind != NodeKind::MappingRule;
  };
  out.operands =
      out.pos.size() == 2 && out.kw.empty() && expression(out.pos[0]) && expression(out.pos[1]);
  return out;
}

}  // namespace

const CallSite* make_call_site(const Registry& registry, const Node& node, bool method) {
  auto site = std::make_unique<CallSite>();
  site->registry = &registry;
  const Overloads overloads = collect_overloads(registry, node.name, nullptr, method);
  site->registered = !overloads.empty();
  RawArgs args;
  if (method) args.push_back(RawArg{nullptr, Value(), true});  // the receiver, still unknown
  for (const auto& a : node.args) args.push_back(RawArg::of(a.get()));
  const RawKwargs no_kwargs;
  RawArgs kw_pos;
  RawKwargs kw_kw;
  const bool keywords_ok = split_keywords(args, kw_pos, kw_kw);
  site->candidates =
      map_candidates(overloads, args, no_kwargs, kw_pos, kw_kw, keywords_ok, method ? 1 : 0);
  site->as_written = arrangement_of(args, no_kwargs);
  if (keywords_ok) site->as_keywords = arrangement_of(kw_pos, kw_kw);
  // With no receiver every candidate fits the (absent) values known in advance, so the first
  // one is the first of the call's candidates on every evaluation.
  if (!method && !site->candidates.empty()) {
    const Candidate& first = site->candidates.front();
    const Arrangement& arrangement = first.rules_positional ? site->as_written : site->as_keywords;
    if (arrangement.operands && first.lazy_mask == 0)
      site->operands[0] = arrangement.pos[0], site->operands[1] = arrangement.pos[1];
  }
  return site.release();
}

std::unique_ptr<CallSite> make_delegate_site(const Registry& registry, std::string_view name,
                                             size_t arity, bool method) {
  auto site = std::make_unique<CallSite>();
  site->registry = &registry;
  site->name = std::string(name);
  site->arity = arity;
  site->method = method;
  const Overloads overloads = collect_overloads(registry, name, nullptr, method);
  site->registered = !overloads.empty();
  const RawArgs args(arity, RawArg{nullptr, Value(), true});  // values, none known yet
  const RawKwargs no_kwargs;
  site->candidates = map_candidates(overloads, args, no_kwargs, args, no_kwargs, true, arity);
  site->as_written = arrangement_of(args, no_kwargs);
  site->as_keywords = site->as_written;
  return site;
}

}  // namespace sirocco::yaql
