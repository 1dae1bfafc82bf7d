// A theme is read once per build (ThemeFiles) and every rendition's
// templates come from those bytes, not from the disk again.
#include "render/theme_files.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "render/templates.h"
#include "test_support.h"

using namespace clerk;

TEST_CASE("a theme's files are read once, sorted, and found by path",
          "[render][theme_files]") {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "templates" / "page.mustache", "<p>{{title}}</p>");
  testing::WriteFile(dir.path() / "css" / "standard.css", "body{}");
  testing::WriteFile(dir.path() / ".hidden", "x");
  ThemeFiles theme = ThemeFiles::Read(dir.path().string());
  CHECK(theme.has_templates);
  REQUIRE(theme.files.size() == 3);
  CHECK(theme.files[0].first == ".hidden");
  CHECK(theme.files[1].first == "css/standard.css");
  CHECK(theme.files[2].first == "templates/page.mustache");
  REQUIRE(theme.Find("css/standard.css") != nullptr);
  CHECK(*theme.Find("css/standard.css") == "body{}");
  CHECK(theme.Find("css/large-print.css") == nullptr);
  CHECK(theme.Find("css") == nullptr);

  ThemeFiles missing = ThemeFiles::Read((dir.path() / "none").string());
  CHECK(missing.files.empty());
  CHECK_FALSE(missing.has_templates);
}

TEST_CASE("a theme's linked folders are read and a link that loops ends",
          "[render][theme_files]") {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "shared" / "page.mustache", "<p>{{title}}</p>");
  std::filesystem::create_directories(dir.path() / "theme");
  std::filesystem::create_directory_symlink("../shared",
                                            dir.path() / "theme" / "templates");
  std::filesystem::create_directory_symlink("..", dir.path() / "shared" / "loop");
  ThemeFiles theme = ThemeFiles::Read((dir.path() / "theme").string());
  CHECK(theme.has_templates);
  REQUIRE(theme.Find("templates/page.mustache") != nullptr);
  CHECK(*theme.Find("templates/page.mustache") == "<p>{{title}}</p>");
}

TEST_CASE("templates load from a theme read before, with the rendition's own",
          "[render][theme_files]") {
  ThemeFiles theme;
  {
    testing::TempDir dir;
    testing::WriteFile(dir.path() / "templates" / "page.mustache", "<p>{{title}}</p>");
    testing::WriteFile(dir.path() / "templates" / "layout.mustache", "[{{{content}}}]");
    testing::WriteFile(dir.path() / "templates" / "deeper" / "x.mustache", "not one");
    testing::WriteFile(dir.path() / "easy-read" / "templates" / "page.mustache",
                       "<p>Easy: {{title}}</p>");
    theme = ThemeFiles::Read(dir.path().string());
  }  // the folder is gone: the templates must come from memory
  Diagnostics diag;
  Theme standard, easy;
  standard.Load(theme, Rendition{"standard", "Standard", ""}, diag);
  easy.Load(theme, Rendition{"easy-read", "Easy read", "easy-read/"}, diag);
  REQUIRE_FALSE(diag.HasErrors());
  CHECK_FALSE(standard.Has("x"));
  CHECK_FALSE(standard.Has("deeper/x"));
  const nlohmann::json data = {{"title", "Agenda"}};
  CHECK(standard.RenderPage("page", data, nullptr, diag) == "[<p>Agenda</p>]");
  CHECK(easy.RenderPage("page", data, nullptr, diag) == "[<p>Easy: Agenda</p>]");

  ThemeFiles bare;
  bare.dir = "nowhere";
  Theme none;
  none.Load(bare, Rendition{"standard", "Standard", ""}, diag);
  CHECK(diag.HasErrors());
}
