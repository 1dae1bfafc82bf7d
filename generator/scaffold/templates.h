// The files `clerk init` writes, from generator/scaffold/templates/, compiled
// into the binary by embed_templates.cmake (an installed clerk may be far
// from any source tree). Placeholders: @TODAY@ and @MEETING_DATE@.
#pragma once

#include <map>
#include <string_view>

namespace clerk::scaffold {

// Template file name ("site.yaml", "gitlab-ci.yml") -> its text.
const std::map<std::string_view, std::string_view>& Templates();

}  // namespace clerk::scaffold
