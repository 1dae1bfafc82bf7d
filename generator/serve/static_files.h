// clerk serve: which file of the built site answers a URL, and its
// Content-Type. Folder URLs get the folder's index.html; "/x" where x is a
// folder is redirected to "/x/" so the page's relative links work.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace clerk::serve {

struct FileAnswer {
  enum class Kind { kFile, kRedirect, kNotFound, kBadRequest };
  Kind kind = Kind::kNotFound;
  std::filesystem::path file;  // kFile: the file to send
  std::string location;        // kRedirect: where to ("/x/?q")
};

// `url_path` is the request's path (still percent-encoded), `query` what
// followed '?'. Unsafe paths (see ToSafePath) are kBadRequest.
FileAnswer ResolveFile(const std::filesystem::path& root, std::string_view url_path,
                       std::string_view query = {});

// "text/html; charset=utf-8" for .html, and so on; unknown kinds are
// application/octet-stream.
std::string ContentType(const std::filesystem::path& file);

bool IsHtml(const std::filesystem::path& file);

}  // namespace clerk::serve
