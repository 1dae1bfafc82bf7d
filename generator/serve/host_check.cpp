#include "serve/host_check.h"

#include <cctype>
#include <string>

namespace clerk::serve {

namespace {

bool SameCaseless(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

bool IsLoopbackHost(std::string_view host, int port) {
  // The port is required and must be this server's, written plainly: no
  // default port (we are never on 80 by accident), no leading zeros.
  std::size_t colon = host.rfind(':');
  if (colon == std::string_view::npos || host.substr(colon + 1) != std::to_string(port))
    return false;
  std::string_view name = host.substr(0, colon);
  return name == "127.0.0.1" || SameCaseless(name, "localhost") || name == "[::1]";
}

HostVerdict CheckHost(const HttpRequest& request, int port) {
  if (request.hosts.empty())
    return request.version == "HTTP/1.0" ? HostVerdict::kOk : HostVerdict::kMissing;
  // Which of two Host headers counts is how request smuggling starts
  // (RFC 9112 3.2: answer 400).
  if (request.hosts.size() > 1) return HostVerdict::kAmbiguous;
  return IsLoopbackHost(request.hosts.front(), port) ? HostVerdict::kOk
                                                     : HostVerdict::kForeign;
}

}  // namespace clerk::serve
