// Random version-4 UUIDs in their canonical text form, as Mistral's uuid() returns them.
#pragma once

#include <string>

namespace sirocco::mistral {

std::string random_uuid4();

}  // namespace sirocco::mistral
