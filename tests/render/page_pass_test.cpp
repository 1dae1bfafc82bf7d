// A page's dependencies: the bodies it read, by their sources, hashed the
// same whether they are looked up in a hash index (every page looked at) or
// in the ordered map (an edit's few pages).
#include "render/page_pass.h"

#include <catch2/catch.hpp>

using namespace clerk;

TEST_CASE("a page's dependencies hash the same with the bodies indexed or not",
          "[render][deps]") {
  std::map<std::string, BodySummary> bodies;
  bodies["2020-01-01-a/report"].source = Hasher().Add("one").Finish();
  bodies["minutes:2020-01-01-a"].source = Hasher().Add("two").Finish();
  DepsInputs looked_up, indexed;
  looked_up.SetBodies(bodies);
  indexed.SetBodies(bodies);
  indexed.IndexBodies();
  REQUIRE(indexed.sources.size() == 2);
  REQUIRE(looked_up.sources.empty());
  const Fingerprint shared = Hasher().Add("shared").Finish();
  const Rendition standard{"standard", "Standard", ""};
  const std::vector<std::string> read = {"2020-01-01-a/report", "gone/paper",
                                         "minutes:2020-01-01-a"};
  const Fingerprint a = looked_up.Of(shared, standard, "meetings/x/index.html", read);
  CHECK(a == indexed.Of(shared, standard, "meetings/x/index.html", read));
  // A body's source is in it: a changed body changes it.
  bodies["2020-01-01-a/report"].source = Hasher().Add("three").Finish();
  CHECK(!(a == looked_up.Of(shared, standard, "meetings/x/index.html", read)));
}
