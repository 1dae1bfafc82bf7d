// A page's data is made once for all its renditions where only the layout's
// rendition fields differ (DataSameInEveryRendition, PageContext::FromCommon).
// Built both ways for every page of the example site and both packs of
// tests/sites/, in every rendition, the data must be the same; and the kinds
// left out must be left out, or this test could not tell.
#include <catch2/catch.hpp>
#include <memory>
#include <set>

#include "content/loader.h"
#include "render/content_html.h"
#include "render/page_context.h"
#include "render/page_jobs.h"
#include "render/site_index.h"
#include "test_support.h"

using namespace clerk;

namespace {

// `common` with `over` set on it, as a template reads the two.
nlohmann::json SetOver(const nlohmann::json& common, const nlohmann::json& over) {
  nlohmann::json merged = common;
  for (const auto& [key, value] : over.items()) merged[key] = value;
  return merged;
}

void CheckSite(const std::string& root) {
  CAPTURE(root);
  Diagnostics diag;
  const Site site = LoadSite(root, diag);
  REQUIRE_FALSE(diag.HasErrors());
  const SiteIndex index(site);
  const RenderedContent content = RenderContent(site, diag);
  const std::vector<Rendition> renditions = DefaultRenditions();
  REQUIRE(renditions.size() == 3);
  RenderOptions options;
  options.base_url = site.config.base_url;
  std::vector<std::unique_ptr<PageContext>> contexts;
  for (const Rendition& r : renditions)
    contexts.push_back(
        std::make_unique<PageContext>(index, content, r, renditions, options));

  std::set<PageKind> differing;
  size_t shared = 0;
  for (const PageJob& job : PageJobs(site)) {
    CAPTURE(job.key);
    PageData first = contexts[0]->Build(job);
    const std::string template_name = first.template_name;
    auto common = std::make_shared<const nlohmann::json>(std::move(first.data));
    for (size_t r = 0; r < renditions.size(); ++r) {
      CAPTURE(renditions[r].id);
      const PageData direct = contexts[r]->Build(job);
      const PageData made = contexts[r]->FromCommon(job, template_name, common);
      CHECK(made.path == direct.path);
      CHECK(made.template_name == direct.template_name);
      const bool same = SetOver(*made.common, made.data) == direct.data;
      if (DataSameInEveryRendition(job.kind)) {
        CHECK(same);
        shared += same;
      } else if (!same) {
        differing.insert(job.kind);
      }
    }
  }
  CHECK(shared > 50);  // pages of every rendition
  // Each kind left out differs somewhere (the example site has them all).
  if (root == testing::SourceDir().string()) {
    for (PageKind kind : {PageKind::kHome, PageKind::kCommitteeIndex,
                          PageKind::kCommittee, PageKind::kNotFound, PageKind::kSearch})
      CHECK(differing.count(kind));
  }
}

}  // namespace

TEST_CASE("a page's data made once for all renditions is the data each would make",
          "[render][shared-data]") {
  CheckSite(testing::SourceDir().string());
  CheckSite((testing::SourceDir() / "tests/sites/city-scrutiny").string());
  CheckSite((testing::SourceDir() / "tests/sites/county-performance-board").string());
}
