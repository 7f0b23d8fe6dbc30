// The per-thread evaluation budget.
#include "interp/budget.h"

#include <string>

#include "interp/error.h"

namespace sirocco {

namespace {

thread_local const EvaluationBudget* current_budget = nullptr;

// Past this many items one produced value is refused whatever the limits: 10^7 values take
// a quarter of a gigabyte before their contents.
constexpr size_t kMaxItems = 10'000'000;
constexpr size_t kBytesPerItem = 24;
constexpr size_t kMaxBytes = 100'000'000;

[[noreturn]] void memory_exceeded() {
  throw Error("MemoryQuotaExceededException", "Expression consumed too much memory");
}

}  // namespace

EvaluationBudget::EvaluationBudget(const Limits& limits)
    : limits_(limits), previous_(current_budget) {
  if (limits.timeout_ms > 0)
    deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(limits.timeout_ms);
  current_budget = this;
}

EvaluationBudget::~EvaluationBudget() { current_budget = previous_; }

const EvaluationBudget* EvaluationBudget::current() { return current_budget; }

void EvaluationBudget::check_items(size_t items) const {
  if (limits_.max_collection_items >= 0 &&
      static_cast<int64_t>(items) > limits_.max_collection_items)
    throw Error(
        "CollectionTooLargeException",
        "Collection length exceeds " + std::to_string(limits_.max_collection_items) + " elements");
  if (items > kMaxItems) memory_exceeded();
  check_bytes(items * kBytesPerItem);
}

void EvaluationBudget::check_bytes(size_t bytes) const {
  if (bytes > kMaxBytes ||
      (limits_.memory_quota > 0 && bytes > static_cast<size_t>(limits_.memory_quota)))
    memory_exceeded();
  check_deadline();
}

void EvaluationBudget::check_deadline(Span span) const {
  if (limits_.timeout_ms > 0 && std::chrono::steady_clock::now() > deadline_)
    throw Error("TimeoutError", "evaluation timed out", span);
}

}  // namespace sirocco
