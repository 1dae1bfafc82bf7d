#include "builder/build_stamp.h"

#include <filesystem>

#include "builder/stages.h"
#include "files/program_identity.h"
#include "incremental/source_stamp.h"
#include "output/search_index.h"

namespace clerk::builder {

Fingerprint BuildStamp(const BuildOptions& options) {
  std::filesystem::path source(options.source);
  return StampSources(
      {(source / "site.yaml").string(), (source / "content").string(),
       (source / "assets").string(), ThemeDir(options.source)},
      ProgramIdentity() + "\n" + options.base_url + "\n" + IsoDate(options.today) + "\n" +
          (options.noindex ? "noindex" : "") + "\n" +
          (options.no_search ? "no-search" : output::PagefindStamp(options.source)) +
          (options.allow_outside_links ? "\nallow-outside-links" : ""),
      Jobs(options));
}

bool NothingChanged(const BuildOptions& options, const Fingerprint& stamp, int jobs,
                    size_t* files) {
  std::error_code ec;
  return SavedStamp(options.out) == stamp && OutputIntact(options.out, jobs, files) &&
         (options.no_search ||
          std::filesystem::exists(std::filesystem::path(options.out) / "pagefind", ec));
}

}  // namespace clerk::builder
