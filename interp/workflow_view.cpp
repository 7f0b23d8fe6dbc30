// The view of workflow executions installed on the current thread.
#include "interp/workflow_view.h"

namespace sirocco {

namespace {
thread_local const WorkflowView* installed_view = nullptr;
}  // namespace

WorkflowViewScope::WorkflowViewScope(const WorkflowView* view) : previous_(installed_view) {
  installed_view = view;
}

WorkflowViewScope::~WorkflowViewScope() { installed_view = previous_; }

const WorkflowView* WorkflowViewScope::current() { return installed_view; }

}  // namespace sirocco
