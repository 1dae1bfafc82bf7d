// The '---' lines around front matter may carry trailing spaces or tabs (an
// editor leaves them and nobody sees them): a paper whose first line is
// "--- " has front matter all the same.
#include <catch2/catch.hpp>

#include "files/source_files.h"
#include "model/diagnostics.h"

using namespace clerk;

TEST_CASE("front matter markers may end in spaces or tabs", "[front-matter]") {
  Diagnostics diag;
  FrontMatter fm = SplitFrontMatter("--- \ntitle: Plan\n---\t\n\nBody.\n", "p.md", diag);
  CHECK(diag.All().empty());
  CHECK(fm.present);
  CHECK(fm.yaml == "title: Plan\n");
  CHECK(fm.body == "\nBody.\n");
  CHECK(fm.body_line == 4);
  CHECK(FrontMatterLength("--- \ntitle: Plan\n...  \nBody.\n") ==
        std::string("--- \ntitle: Plan\n...  \n").size());
}

TEST_CASE("a first line that only starts with '---' opens no front matter",
          "[front-matter]") {
  Diagnostics diag;
  FrontMatter fm = SplitFrontMatter("--- title\nBody.\n", "p.md", diag);
  CHECK(!fm.present);
  CHECK(fm.body == "--- title\nBody.\n");
}

TEST_CASE("a file that ends on its closing '---' has an empty body on that line",
          "[front-matter]") {
  Diagnostics diag;
  FrontMatter fm = SplitFrontMatter("---\ntitle: Plan\n---", "p.md", diag);
  CHECK(fm.present);
  CHECK(fm.body.empty());
  CHECK(fm.body_line == 3);  // found by fuzz/front_matter: it said 4, a line that is not there
}
