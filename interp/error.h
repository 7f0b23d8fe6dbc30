// Error: the one error type of Sirocco — a stable type name, a message and a source span.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sirocco {

// A range of bytes [begin, end) in the source text an error or node comes from.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

// Line and column (both 1-based, column in code points) of a byte offset in a text.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
};
Position position_of(std::string_view source, uint32_t offset);

// The innermost source span an evaluator is working on, per thread. Evaluators open one
// round each call, filter, attribute access...; an Error made without a span while one is
// open takes it. This gives an error the span of the innermost construct it was raised in
// without catching and rethrowing at every level (each rethrow costs a whole unwind).
class ErrorSpanScope {
 public:
  explicit ErrorSpanScope(const Span& span) noexcept : outer_(innermost_) { innermost_ = &span; }
  ~ErrorSpanScope() { innermost_ = outer_; }
  ErrorSpanScope(const ErrorSpanScope&) = delete;
  ErrorSpanScope& operator=(const ErrorSpanScope&) = delete;
  static const Span* innermost() { return innermost_; }

 private:
  const Span* outer_;
  static constinit thread_local const Span* innermost_;
};

class Error : public std::exception {
 public:
  Error(std::string type, std::string message)
      : type_(std::move(type)), message_(std::move(message)) {
    if (const Span* open = ErrorSpanScope::innermost()) span_ = *open, has_span_ = true;
  }
  Error(std::string type, std::string message, Span span)
      : type_(std::move(type)), message_(std::move(message)), span_(span), has_span_(true) {}

  const std::string& type() const { return type_; }
  const std::string& message() const { return message_; }
  const Span& span() const { return span_; }
  bool has_span() const { return has_span_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  std::string type_;
  std::string message_;
  Span span_;
  bool has_span_ = false;
};

// Human rendering: "<name>:LINE:COL: Type: message", the source line, a caret line under
// the span. Without a span only the first line is printed.
std::string render_error(const Error& e, std::string_view source, std::string_view name = "<expr>");

}  // namespace sirocco
