#include "publish/target.h"

#include <cstdlib>
#include <vector>

namespace clerk::publish {

namespace {

std::string Decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string EncodePath(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

namespace {

std::optional<Scheme> SchemeNamed(const std::string& scheme) {
  if (scheme == "file") return Scheme::kFile;
  if (scheme == "sftp") return Scheme::kSftp;
  if (scheme == "ftp") return Scheme::kFtp;
  if (scheme == "ftps") return Scheme::kFtps;
  if (scheme == "webdav") return Scheme::kWebdav;
  if (scheme == "webdavs") return Scheme::kWebdavs;
  if (scheme == "s3") return Scheme::kS3;
  return std::nullopt;
}

// The user, host and port of [user@]host[:port] into `t`. False with `error`
// for a password in the URL or a bad port.
bool ParseAuthority(std::string authority, const std::string& scheme,
                    const std::string& path, Target& t, std::string* error) {
  if (size_t at = authority.rfind('@'); at != std::string::npos) {
    t.user = Decode(authority.substr(0, at));
    authority = authority.substr(at + 1);
    if (t.user.find(':') != std::string::npos) {
      // Say so without repeating the URL: it holds the password.
      t.display = scheme + "://" + authority + path;
      *error = "the deploy URL " + t.display +
               " holds a password: remove it and set CLERK_DEPLOY_PASSWORD instead";
      return false;
    }
  }
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    t.host = authority.substr(0, close + 1);
    authority = close == std::string::npos ? "" : authority.substr(close + 1);
    if (!authority.empty() && authority[0] == ':') authority = authority.substr(1);
    else authority.clear();
    if (!authority.empty()) t.port = std::atoi(authority.c_str());
  } else if (size_t pc = authority.rfind(':'); pc != std::string::npos) {
    t.host = authority.substr(0, pc);
    std::string port = authority.substr(pc + 1);
    if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos ||
        std::atoi(port.c_str()) <= 0 || std::atoi(port.c_str()) > 65535) {
      *error = "bad port '" + port + "' in " + t.display;
      return false;
    }
    t.port = std::atoi(port.c_str());
  } else {
    t.host = authority;
  }
  return true;
}

// The options of the URL's query (key=value&...), over those of the config.
// False with `error` for an unknown option.
bool ApplyQueryOptions(const std::string& query, Target& t, std::string* error) {
  size_t start = 0;
  while (!query.empty() && start <= query.size()) {
    size_t amp = query.find('&', start);
    std::string pair = query.substr(start, amp == std::string::npos ? amp : amp - start);
    size_t eq = pair.find('=');
    std::string key = pair.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : Decode(pair.substr(eq + 1));
    if (key == "endpoint") t.endpoint = value;
    else if (key == "region") t.region = value;
    else if (key == "ca_file") t.ca_file = value;
    else if (key == "known_hosts") t.known_hosts = value;
    else {
      *error = "unknown option '" + key + "' in the deploy URL (known: endpoint, region, "
               "ca_file, known_hosts)";
      return false;
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return true;
}

// What each scheme needs: a local path for file://, a host for the others,
// a user for sftp. False with `error` if it is missing.
bool CheckHostAndUser(const Target& t, std::string* error) {
  if (t.scheme == Scheme::kFile) {
    if (!t.host.empty() && t.host != "localhost") {
      *error = "file:// URLs name a local folder: file:///path (three slashes)";
      return false;
    }
  } else if (t.host.empty()) {
    *error = t.display + " names no host";
    return false;
  }
  if (t.scheme == Scheme::kSftp && t.user.empty()) {
    *error = "an sftp URL needs a user: sftp://user@host:port/path/";
    return false;
  }
  return true;
}

}  // namespace

std::optional<Target> ParseTarget(const DeployTarget& config, std::string* error) {
  Target t;
  std::string url = config.url;
  std::string query;
  if (size_t q = url.find('?'); q != std::string::npos) {
    query = url.substr(q + 1);
    url = url.substr(0, q);
  }
  t.display = url;
  size_t colon = url.find("://");
  if (url.empty() || colon == std::string::npos) {
    *error = "'" + url + "' is not a deploy URL (expected e.g. webdav://host:port/path/)";
    return std::nullopt;
  }
  std::string scheme = url.substr(0, colon);
  std::optional<Scheme> known = SchemeNamed(scheme);
  if (!known) {
    *error = "unknown deploy scheme '" + scheme +
             "://' (use file, sftp, ftp, ftps, webdav, webdavs or s3)";
    return std::nullopt;
  }
  t.scheme = *known;
  std::string rest = url.substr(colon + 3);
  size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  std::string path = slash == std::string::npos ? "/" : rest.substr(slash);
  if (!ParseAuthority(authority, scheme, path, t, error)) return std::nullopt;
  path = Decode(path);
  if (path.back() != '/') path += '/';
  t.path = path;

  t.endpoint = config.endpoint;
  if (!config.region.empty()) t.region = config.region;
  t.ca_file = config.ca_file;
  t.known_hosts = config.known_hosts;
  if (!ApplyQueryOptions(query, t, error)) return std::nullopt;

  if (!CheckHostAndUser(t, error)) return std::nullopt;
  if (t.scheme == Scheme::kS3) {
    t.bucket = t.host;
    if (t.endpoint.empty())
      t.endpoint = "https://s3." + t.region + ".amazonaws.com";
    // s3://bucket/prefix: the prefix has no leading slash in keys.
    t.path = t.path.substr(1);
  }
  return t;
}

}  // namespace clerk::publish
