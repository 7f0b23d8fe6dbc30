// The objects Jinja's globals hand out: Cycler (next(), reset(), current, items) and Joiner.
// Both keep state across calls, like the Python objects they stand for.
#include <atomic>

#include "interp/text.h"
#include "stdlib/jinja/globals_internal.h"

namespace sirocco::jinja {
namespace {

void take_no_arguments(const char* name, const std::vector<Value>& args, const Kwargs& kwargs,
                       Span span) {
  if (!kwargs.empty())
    throw Error(
        "TypeError",
        std::string(name) + "() got an unexpected keyword argument '" + kwargs.front().first + "'",
        span);
  if (!args.empty())
    throw Error("TypeError",
                std::string(name) + "() takes 1 positional argument but " +
                    std::to_string(args.size() + 1) + " were given",
                span);
}

class CyclerObject final : public JinjaObject {
 public:
  explicit CyclerObject(List items) : items_(std::move(items)) {}
  std::string type_name() const override { return "Cycler"; }
  std::string repr() const override { return "<jinja2.utils.Cycler object>"; }

  std::optional<Value> attribute(Runtime&, std::string_view name) const override {
    if (name == "items") return Value::tuple(items_);
    if (name == "pos") return Value::integer(static_cast<int64_t>(pos_.load()));
    if (name == "current") return items_[pos_];
    if (name == "next" || name == "reset") return method(std::string(name));
    return std::nullopt;
  }

 private:
  // The bound method keeps this cycler alive.
  Value method(const std::string& name) const {
    boost::intrusive_ptr<const CyclerObject> self(this);
    return make_callable(
        "<bound method Cycler." + name + " of " + repr() + ">",
        [self, name](Runtime&, std::vector<Value> args, Kwargs kwargs, Span span) -> Value {
          take_no_arguments(name.c_str(), args, kwargs, span);
          if (name == "reset") {
            self->pos_ = 0;
            return Value();
          }
          size_t pos = self->pos_;
          self->pos_ = (pos + 1) % self->items_.size();
          return self->items_[pos];
        });
  }

  const List items_;
  mutable std::atomic<size_t> pos_{0};
};

class JoinerObject final : public Callable {
 public:
  explicit JoinerObject(Value separator) : separator_(std::move(separator)) {}
  Value invoke(Runtime&, std::vector<Value> args, Kwargs kwargs, Span span) const override {
    take_no_arguments("__call__", args, kwargs, span);
    if (!used_.exchange(true)) return Value::string("");
    return separator_;
  }
  std::string describe() const override { return "<jinja2.utils.Joiner object>"; }

 private:
  const Value separator_;
  mutable std::atomic<bool> used_{false};
};

}  // namespace

Value make_cycler(List items) {
  if (items.empty()) throw Error("RuntimeError", "at least one item has to be provided");
  return Value::opaque(boost::intrusive_ptr<Object>(new CyclerObject(std::move(items))));
}

Value make_joiner(Value separator) {
  return Value::function(
      boost::intrusive_ptr<FunctionObject>(new JoinerObject(std::move(separator))));
}

}  // namespace sirocco::jinja
