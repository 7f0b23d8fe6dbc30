// Internal pieces of the YAQL collections module shared by its files (and by strings, for
// the size guard of repetition): materialising arguments within the sandbox's limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "interp/memory_quota.h"
#include "interp/registry.h"
#include "interp/value.h"
#include "interp/yaql_eval.h"

namespace sirocco::yaql {

// The most bytes one produced value may take: 10^8, or the memory quota when it is lower.
size_t max_result_bytes(const Call& c);

// Throws MemoryQuotaExceededException when `count` copies of `item_bytes` bytes are too many.
void check_repetition(const Call& c, int64_t count, size_t item_bytes);

// An int argument Python converts to a C ssize_t: a big int is an OverflowError.
int64_t ssize_arg(const Value& v);
// The same for a repetition count (Python words that error differently).
int64_t repeat_count_arg(const Value& v);

// Every item of a collection argument, counted against the iterator limit.
List collect(const Call& c, const Value& collection);

// The arguments of list()/set(): lazy sequences among them (and inside them) are expanded
// into their items, everything else is kept as one item.
List expand_iterators(const Call& c, const std::vector<Value>& args);

// Registration of the parts that live in their own files.
void register_sequence_edits(Registry& r);  // delete insert replace insertMany replaceMany flatten
void register_sets(Registry& r);            // set toSet union intersect add remove, set operators

}  // namespace sirocco::yaql
