// The budget of the evaluation running on this thread: its wall-clock deadline, its
// collection-size limit and memory quota, for code deep inside a library that produces many
// items with no evaluator at hand (materialising a lazy sequence, a generator's loop). An
// evaluator installs one for the length of an evaluation; outside one, checks cost nothing.
#pragma once

#include <chrono>
#include <cstddef>

#include "interp/error.h"
#include "interp/limits.h"

namespace sirocco {

class EvaluationBudget {
 public:
  explicit EvaluationBudget(const Limits& limits);
  ~EvaluationBudget();
  EvaluationBudget(const EvaluationBudget&) = delete;
  EvaluationBudget& operator=(const EvaluationBudget&) = delete;

  // Throws when `items` values produced in one go break the limits: over the collection
  // limit (CollectionTooLargeException), over the memory quota or past 10^7 items whatever
  // the limits say (MemoryQuotaExceededException), or past the deadline (TimeoutError).
  void check_items(size_t items) const;
  // Throws when text of `bytes` bytes breaks the limits: over the memory quota or past 10^8
  // bytes whatever the limits say (MemoryQuotaExceededException), or past the deadline.
  void check_bytes(size_t bytes) const;
  // Throws TimeoutError (at `span`, when the caller knows one) past the deadline.
  void check_deadline(Span span = {}) const;

  // The budget installed on this thread, or nullptr.
  static const EvaluationBudget* current();

 private:
  const Limits& limits_;
  std::chrono::steady_clock::time_point deadline_;
  const EvaluationBudget* previous_;
};

// Items a producer may make before it checks the budget again.
inline constexpr size_t kBudgetCheckInterval = 4096;

// EvaluationBudget::current()->check_items(items) when an evaluation is running.
inline void charge_items(size_t items) {
  if (const EvaluationBudget* budget = EvaluationBudget::current()) budget->check_items(items);
}

// EvaluationBudget::current()->check_bytes(bytes) when an evaluation is running.
inline void charge_bytes(size_t bytes) {
  if (const EvaluationBudget* budget = EvaluationBudget::current()) budget->check_bytes(bytes);
}

// EvaluationBudget::current()->check_deadline() when an evaluation is running.
inline void check_deadline() {
  if (const EvaluationBudget* budget = EvaluationBudget::current()) budget->check_deadline();
}

}  // namespace sirocco
