// JSON text the way Mistral's functions write it: oslo.serialization's jsonutils.dumps,
// which is Python's json.dumps (ASCII only, `,`/`: ` separators, floats by repr) with
// to_primitive for what JSON lacks (sets and tuples as lists, datetimes as
// `YYYY-MM-DDTHH:MM:SS.ffffff`, timespans as their str()).
#pragma once

#include <string>

#include "interp/value.h"

namespace sirocco::mistral {

// indent < 0 writes one line (json.dumps' default separators); else one item per line.
std::string python_json_dumps(const Value& v, int indent);

// json_pp's text: the 4-space JSON with escaped newlines turned back into real ones, then a
// space before a line end dropped (Mistral's own post-processing, in that order).
std::string json_pp_text(const Value& v);

}  // namespace sirocco::mistral
