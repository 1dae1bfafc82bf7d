// The pictogram names a `picture:` may give are the pictures the theme has
// (content/pictogram_names.h); anything else is refused with a suggestion.
#include "content/pictogram_names.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"

using namespace clerk;

TEST_CASE("pictograms: the names are exactly the theme's pictures", "[pictograms]") {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(
           testing::SourceDir() / "themes/default/pictograms"))
    if (entry.path().extension() == ".svg") files.push_back(entry.path().stem().string());
  std::sort(files.begin(), files.end());
  CHECK(files == PictogramNames());
}

TEST_CASE("pictograms: an unknown name is refused, with a suggestion when close",
          "[pictograms]") {
  CHECK(IsPictogram("money"));
  CHECK_FALSE(IsPictogram("../../../etc/passwd"));
  CHECK_FALSE(IsPictogram(""));
  CHECK_FALSE(IsPictogram("Money"));
  CHECK(UnknownPictogramMessage("mony") ==
        "unknown picture 'mony'; did you mean 'money'?");
  std::string far = UnknownPictogramMessage("../../../etc/passwd");
  CHECK(far.rfind(
            "unknown picture '../../../etc/passwd': write one of apologies, calendar,",
            0) == 0);
  CHECK(far.find("website (the pictograms in themes/default/pictograms/)") !=
        std::string::npos);
}
