// How the evaluators' scopes compare variable names.
#pragma once

#include <string_view>

namespace sirocco {

// Whether two variable names are equal. Names are a few characters: comparing them in place
// is cheaper than a call of memcmp, and scopes compare one per binding on every lookup.
inline bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace sirocco
