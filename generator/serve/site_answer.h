// clerk serve: the answer to one request for the built site, from the
// files on disk and the last build's state: the file (HTML with the reload
// script), a redirect to the folder URL, the site's own 404.html, or, while
// the last build failed, the error page instead of any HTML.
#pragma once

#include <filesystem>

#include "serve/http_server.h"
#include "serve/live_reload.h"

namespace clerk::serve {

HttpResponse AnswerRequest(const std::filesystem::path& root, const HttpRequest& request,
                           const BuildState& build);

}  // namespace clerk::serve
