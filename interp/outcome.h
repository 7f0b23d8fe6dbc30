// Outcome<T>: a result or the Error that stopped it. Evaluators return it up their recursion
// where errors are common (a YAQL call no overload matches), so an error costs a return per
// level instead of a C++ throw, which unwinds every frame at ~5 000 instructions each. At
// the API boundary value() turns a failure back into the thrown Error.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "interp/error.h"

namespace sirocco {

// A failure on its way up: converts to an Outcome of any type.
class Failure {
 public:
  explicit Failure(std::unique_ptr<Error> error) : error_(std::move(error)) {}
  Failure(Error error) : error_(std::make_unique<Error>(std::move(error))) {}  // NOLINT
  std::unique_ptr<Error> release() && { return std::move(error_); }

 private:
  std::unique_ptr<Error> error_;
};

template <class T>
class [[nodiscard]] Outcome {
 public:
  // Implicit on purpose, as are the failures': `return value;` and `return error;` read best.
  template <class U, class = std::enable_if_t<std::is_convertible_v<U&&, T>>>
  Outcome(U&& value) : value_(std::forward<U>(value)) {}                       // NOLINT
  Outcome(Failure failure) : error_(std::move(failure).release()) {}           // NOLINT
  Outcome(Error error) : error_(std::make_unique<Error>(std::move(error))) {}  // NOLINT

  bool ok() const { return !error_; }
  explicit operator bool() const { return ok(); }
  T& operator*() & { return value_; }
  const T& operator*() const& { return value_; }
  T&& operator*() && { return std::move(value_); }
  T* operator->() { return &value_; }
  const Error& error() const { return *error_; }
  // Passes the error up, as the failure of an Outcome of another type.
  Failure failure() && { return Failure(std::move(error_)); }
  // The value, or the error thrown.
  T value() && {
    if (error_) throw std::move(*error_);
    return std::move(value_);
  }

 private:
  T value_{};
  std::unique_ptr<Error> error_;
};

// Success or the Error that stopped it, for steps that produce nothing.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Failure failure) : error_(std::move(failure).release()) {}           // NOLINT
  Status(Error error) : error_(std::make_unique<Error>(std::move(error))) {}  // NOLINT
  bool ok() const { return !error_; }
  explicit operator bool() const { return ok(); }
  Failure failure() && { return Failure(std::move(error_)); }
  // Nothing, or the error thrown.
  void value() && {
    if (error_) throw std::move(*error_);
  }

 private:
  std::unique_ptr<Error> error_;
};

// f()'s result as the Outcome or Status `R`, an Error f throws returned instead: where the
// evaluators call code that throws (a library function, a rare limit).
template <class R, class F>
R catching(F&& f) {
  try {
    return f();
  } catch (Error& e) {
    return std::move(e);
  }
}

}  // namespace sirocco

#define SIROCCO_OUTCOME_CONCAT_(a, b) a##b
#define SIROCCO_OUTCOME_CONCAT(a, b) SIROCCO_OUTCOME_CONCAT_(a, b)

// `lhs = *outcome` of an Outcome expression, or returns its failure from the enclosing
// function: SIROCCO_ASSIGN_OR_RETURN(Value v, eval(node));
#define SIROCCO_ASSIGN_OR_RETURN(lhs, expr)                                 \
  auto SIROCCO_OUTCOME_CONCAT(outcome_, __LINE__) = (expr);                 \
  if (!SIROCCO_OUTCOME_CONCAT(outcome_, __LINE__))                          \
    return std::move(SIROCCO_OUTCOME_CONCAT(outcome_, __LINE__)).failure(); \
  lhs = *std::move(SIROCCO_OUTCOME_CONCAT(outcome_, __LINE__))

// Returns the failure of a Status or Outcome expression from the enclosing function.
#define SIROCCO_RETURN_IF_ERROR(expr)                          \
  if (auto SIROCCO_OUTCOME_CONCAT(status_, __LINE__) = (expr); \
      !SIROCCO_OUTCOME_CONCAT(status_, __LINE__))              \
  return std::move(SIROCCO_OUTCOME_CONCAT(status_, __LINE__)).failure()
