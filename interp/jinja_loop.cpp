// The `loop` variable of Jinja for loops (see interp/jinja_loop.h).
#include "interp/jinja_loop.h"

#include "interp/jinja_ops.h"

namespace sirocco::jinja {

std::string LoopObject::repr() const {
  return "<LoopContext " + std::to_string(index0 + 1) + "/" + std::to_string(items.size()) + ">";
}

std::optional<Value> LoopObject::attribute(Runtime& runtime, std::string_view name) const {
  const auto length = static_cast<int64_t>(items.size());
  const auto index = static_cast<int64_t>(index0);
  if (name == "index") return Value::integer(index + 1);
  if (name == "index0") return Value::integer(index);
  if (name == "revindex") return Value::integer(length - index);
  if (name == "revindex0") return Value::integer(length - index - 1);
  if (name == "first") return Value::boolean(index == 0);
  if (name == "last") return Value::boolean(index == length - 1);
  if (name == "length") return Value::integer(length);
  if (name == "depth") return Value::integer(static_cast<int64_t>(depth0) + 1);
  if (name == "depth0") return Value::integer(static_cast<int64_t>(depth0));
  if (name == "previtem") {
    if (index == 0) return runtime.undefined("there is no previous item");
    return items[index0 - 1];
  }
  if (name == "nextitem") {
    if (index + 1 >= length) return runtime.undefined("there is no next item");
    return items[index0 + 1];
  }
  boost::intrusive_ptr<const LoopObject> self(this);
  if (name == "cycle") {
    return make_callable("<bound method LoopContext.cycle>",
                         [self](Runtime&, std::vector<Value> args, Kwargs, Span span) {
                           if (args.empty())
                             throw Error("TypeError", "no items for cycling given", span);
                           return args[self->index0 % args.size()];
                         });
  }
  if (name == "changed") {
    return make_callable(
        "<bound method LoopContext.changed>",
        [self](Runtime&, std::vector<Value> args, Kwargs, Span) {
          Value now = Value::list(std::move(args));
          if (self->changed_called_ && python_equal(now, self->last_changed_).value())
            return Value::boolean(false);
          self->changed_called_ = true;
          self->last_changed_ = now;
          return Value::boolean(true);
        });
  }
  return std::nullopt;
}

const LoopObject* as_loop(const Value& v) {
  return v.is_opaque() ? dynamic_cast<const LoopObject*>(v.as_opaque()) : nullptr;
}

}  // namespace sirocco::jinja
