// Batch evaluation: JSON Lines cases in, one JSON line per case out, in order.
#pragma once

#include <istream>
#include <ostream>

#include "stdlib/session.h"

namespace sirocco::cli {

// Reads {"id","lang","expr","data"[,"env"]} lines and writes {"id","result"} or
// {"id","error":{"type","message"}} lines. A bad line gives an error line; the batch goes
// on. Returns the number of cases answered.
size_t run_batch(std::istream& in, std::ostream& out, Session& session);

}  // namespace sirocco::cli
