// Jinja's builtin filters, with Jinja2 3.1's names, parameters and defaults: the 54 entries
// of jinja2.filters.FILTERS, declared group by group (see filters_internal.h).
#include "stdlib/jinja/filters.h"

#include "stdlib/jinja/filters_internal.h"

namespace sirocco::jinja {

void register_filters(Registry& registry) {
  filters::register_text_filters(registry);
  filters::register_layout_filters(registry);
  filters::register_html_filters(registry);
  filters::register_url_filters(registry);
  filters::register_number_filters(registry);
  filters::register_format_filter(registry);
  filters::register_sequence_filters(registry);
  filters::register_ordering_filters(registry);
  filters::register_selection_filters(registry);
  filters::register_value_filters(registry);
  filters::register_json_filter(registry);
  filters::register_pprint_filter(registry);
}

}  // namespace sirocco::jinja
