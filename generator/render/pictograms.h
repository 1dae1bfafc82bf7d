// Pictograms for easy read: simple SVG pictures drawn for Clerk, one per
// idea, in themes/default/pictograms/<name>.svg. A picture is chosen for an
// idea by its kind or by words in its text; agenda items may name one in
// YAML (`picture: money`).
#pragma once

#include <string>
#include <vector>

#include "content/pictogram_names.h"  // PictogramNames, IsPictogram

namespace clerk {

// The pictogram for a piece of text (an agenda item's title, a document's
// title): the first keyword rule that matches, else `fallback`.
std::string ChoosePictogram(const std::string& text, const std::string& fallback);

}  // namespace clerk
