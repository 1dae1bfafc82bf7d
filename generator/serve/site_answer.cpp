#include "serve/site_answer.h"

#include <fstream>
#include <optional>
#include <sstream>

#include "serve/static_files.h"

namespace clerk::serve {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> ReadAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

HttpResponse Html(int status, std::string_view html, const BuildState& build) {
  HttpResponse response;
  response.status = status;
  response.content_type = ContentType("page.html");
  response.body = InjectReloadScript(html, build.generation);
  return response;
}

HttpResponse Text(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

HttpResponse BuildFailed(const BuildState& build) {
  return Html(500, ErrorPage(build.messages), build);
}

HttpResponse NotFound(const fs::path& root, const BuildState& build) {
  if (!build.ok) return BuildFailed(build);
  if (std::optional<std::string> page = ReadAll(root / "404.html"))
    return Html(404, *page, build);
  return Text(404, "Not found\n");
}

}  // namespace

HttpResponse AnswerRequest(const fs::path& root, const HttpRequest& request,
                           const BuildState& build) {
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse response = Text(405, "Only GET and HEAD\n");
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  if (request.path == kScriptPath) {
    HttpResponse response = Text(200, std::string(ReloadScript()));
    response.content_type = ContentType("reload.js");
    return response;
  }
  FileAnswer answer = ResolveFile(root, request.path, request.query);
  switch (answer.kind) {
    case FileAnswer::Kind::kBadRequest:
      return Text(400, "Bad request: not a path inside the site\n");
    case FileAnswer::Kind::kRedirect: {
      HttpResponse response = Text(302, "Moved to " + answer.location + "\n");
      response.headers.emplace_back("Location", answer.location);
      return response;
    }
    case FileAnswer::Kind::kNotFound:
      return NotFound(root, build);
    case FileAnswer::Kind::kFile:
      break;
  }
  bool html = IsHtml(answer.file);
  if (html && !build.ok) return BuildFailed(build);
  std::optional<std::string> body = ReadAll(answer.file);
  if (!body) return NotFound(root, build);
  if (html) return Html(200, *body, build);
  HttpResponse response = Text(200, std::move(*body));
  response.content_type = ContentType(answer.file);
  return response;
}

}  // namespace clerk::serve
