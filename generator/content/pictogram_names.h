// The names of the easy-read pictograms (themes/default/pictograms/<name>.svg).
// Kept in the content stage, not the render stage, because the loaders check a
// `picture:` a person wrote against them, at its line, before anything is
// rendered; a name not here is never used in a path.
#pragma once

#include <string>
#include <vector>

namespace clerk {

// Every pictogram the default theme has, sorted.
const std::vector<std::string>& PictogramNames();

bool IsPictogram(const std::string& name);

// The error for a `picture` that names no pictogram: "unknown picture 'mony';
// did you mean 'money'?", else the names to choose from.
std::string UnknownPictogramMessage(const std::string& name);

}  // namespace clerk
