#include "publish/curl_remote.h"

#include <curl/curl.h>

#include <cstring>
#include <mutex>
#include <vector>

#include "publish/file_remote.h"

namespace clerk::publish {

namespace {

constexpr const char* kEmptySha256 =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

size_t WriteToString(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

struct ReadState {
  const std::string* data;
  size_t offset;
};

size_t ReadFromString(char* buffer, size_t size, size_t n, void* user) {
  auto* state = static_cast<ReadState*>(user);
  size_t left = state->data->size() - state->offset;
  size_t count = std::min(left, size * n);
  std::memcpy(buffer, state->data->data() + state->offset, count);
  state->offset += count;
  return count;
}

const char* ContentType(const std::string& path) {
  auto ends = [&](const char* ext) {
    size_t n = std::strlen(ext);
    return path.size() >= n && path.compare(path.size() - n, n, ext) == 0;
  };
  if (ends(".html") || ends(".htm")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".json")) return "application/json";
  if (ends(".xml")) return "application/xml";
  if (ends(".ics")) return "text/calendar; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".pdf")) return "application/pdf";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

class CurlRemote : public Remote {
 public:
  CurlRemote(const Target& target, const Credentials& credentials)
      : t_(target), c_(credentials), h_(curl_easy_init()) {
    bool http = t_.scheme == Scheme::kWebdav || t_.scheme == Scheme::kWebdavs ||
                t_.scheme == Scheme::kS3;
    http_ = http;
    std::string port = t_.port ? ":" + std::to_string(t_.port) : "";
    switch (t_.scheme) {
      case Scheme::kSftp: base_ = "sftp://" + t_.host + port; break;
      case Scheme::kFtp:
      case Scheme::kFtps: base_ = "ftp://" + t_.host + port; break;
      case Scheme::kWebdav: base_ = "http://" + t_.host + port; break;
      case Scheme::kWebdavs: base_ = "https://" + t_.host + port; break;
      case Scheme::kS3: {
        base_ = t_.endpoint;
        while (!base_.empty() && base_.back() == '/') base_.pop_back();
        base_ += "/" + t_.bucket + "/";
        break;
      }
      case Scheme::kFile: break;
    }
    where_ = t_.scheme == Scheme::kS3 ? t_.endpoint : t_.host + port;
  }
  ~CurlRemote() override {
    curl_slist_free_all(headers_);
    curl_easy_cleanup(h_);
  }

  RemoteResult Fetch(const std::string& path, std::string* data) override {
    data->clear();
    if (RemoteResult bad = CheckRemotePath(path); !bad.ok()) return bad;
    Reset(Url(path));
    curl_easy_setopt(h_, CURLOPT_WRITEFUNCTION, WriteToString);
    curl_easy_setopt(h_, CURLOPT_WRITEDATA, data);
    return Perform("fetch", path, true, data);
  }

  RemoteResult Stat(const std::string& path, int64_t* size) override {
    if (RemoteResult bad = CheckRemotePath(path); !bad.ok()) return bad;
    Reset(Url(path));
    curl_easy_setopt(h_, CURLOPT_NOBODY, 1L);
    RemoteResult r = Perform("stat", path, true);
    if (!r.ok()) return r;
    curl_off_t length = -1;
    curl_easy_getinfo(h_, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
    *size = length;
    return r;
  }

  RemoteResult Put(const std::string& path, const std::string& data,
                   const std::string& sha256) override {
    if (RemoteResult bad = CheckRemotePath(path); !bad.ok()) return bad;
    RemoteResult r = PutOnce(path, data, sha256);
    if (r.ok() || !http_ || t_.scheme == Scheme::kS3 || response_ != 409) return r;
    // A WebDAV server that does not create folders on PUT: MKCOL each.
    std::string full = t_.path + path;
    for (size_t slash = full.find('/', 1); slash != std::string::npos;
         slash = full.find('/', slash + 1)) {
      Reset(base_ + EncodePath(full.substr(0, slash + 1)));
      curl_easy_setopt(h_, CURLOPT_CUSTOMREQUEST, "MKCOL");
      Perform("create folder for", path, false);  // 405: it exists
    }
    return PutOnce(path, data, sha256);
  }

  RemoteResult Delete(const std::string& path) override {
    if (RemoteResult bad = CheckRemotePath(path); !bad.ok()) return bad;
    if (http_) {
      Reset(Url(path));
      curl_easy_setopt(h_, CURLOPT_CUSTOMREQUEST, "DELETE");
      std::string body;
      curl_easy_setopt(h_, CURLOPT_WRITEFUNCTION, WriteToString);
      curl_easy_setopt(h_, CURLOPT_WRITEDATA, &body);
      RemoteResult r = Perform("delete", path, true);
      if (r.status == RemoteStatus::kNotFound) return {};
      return r;
    }
    std::string full = t_.path + path;
    size_t slash = full.rfind('/');
    std::string dir = full.substr(0, slash + 1), name = full.substr(slash + 1);
    curl_slist* quote = nullptr;
    if (t_.scheme == Scheme::kSftp) {
      // libcurl's SFTP quote takes the path in double quotes, unencoded.
      std::string p = full.rfind("/~/", 0) == 0 ? full.substr(3) : full;
      std::string escaped;
      for (char ch : p) {
        if (ch == '"' || ch == '\\') escaped += '\\';
        escaped += ch;
      }
      quote = curl_slist_append(quote, ("rm \"" + escaped + "\"").c_str());
      Reset(base_ + "/");
      curl_easy_setopt(h_, CURLOPT_QUOTE, quote);
    } else {
      // FTP: change into the file's folder (the URL), then DELE after it.
      quote = curl_slist_append(quote, ("DELE " + name).c_str());
      Reset(base_ + EncodePath(dir));
      curl_easy_setopt(h_, CURLOPT_POSTQUOTE, quote);
    }
    curl_easy_setopt(h_, CURLOPT_NOBODY, 1L);
    RemoteResult r = Perform("delete", path, false);
    curl_slist_free_all(quote);
    if (r.ok()) return r;
    if (r.status == RemoteStatus::kOther || r.status == RemoteStatus::kPermission) {
      // The command failed: fine if the file is gone already.
      int64_t size = 0;
      RemoteResult s = Stat(path, &size);
      if (s.status == RemoteStatus::kNotFound) return {};
    }
    return r;
  }

 private:
  std::string Url(const std::string& path) const {
    if (t_.scheme == Scheme::kS3) return base_ + EncodePath(t_.path + path);
    return base_ + EncodePath(t_.path + path);
  }

  RemoteResult PutOnce(const std::string& path, const std::string& data,
                       const std::string& sha256) {
    Reset(Url(path));
    ReadState state{&data, 0};
    curl_easy_setopt(h_, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h_, CURLOPT_READFUNCTION, ReadFromString);
    curl_easy_setopt(h_, CURLOPT_READDATA, &state);
    curl_easy_setopt(h_, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
    std::string body;
    curl_easy_setopt(h_, CURLOPT_WRITEFUNCTION, WriteToString);
    curl_easy_setopt(h_, CURLOPT_WRITEDATA, &body);
    if (http_) {
      headers_ = curl_slist_append(headers_, ("Content-Type: " + std::string(ContentType(path))).c_str());
      if (t_.scheme == Scheme::kS3) {
        curl_slist_free_all(headers_);
        headers_ = nullptr;
        headers_ = curl_slist_append(headers_, "Expect:");
        headers_ = curl_slist_append(headers_, ("x-amz-content-sha256: " + sha256).c_str());
        headers_ = curl_slist_append(headers_, ("Content-Type: " + std::string(ContentType(path))).c_str());
      }
      curl_easy_setopt(h_, CURLOPT_HTTPHEADER, headers_);
    } else {
      curl_easy_setopt(h_, CURLOPT_FTP_CREATE_MISSING_DIRS, static_cast<long>(CURLFTP_CREATE_DIR_RETRY));
    }
    return Perform("upload", path, false, &body);
  }

  void Reset(const std::string& url) {
    curl_easy_reset(h_);  // keeps the open connection
    curl_slist_free_all(headers_);
    headers_ = nullptr;
    error_[0] = 0;
    key_match_ = -1;
    response_ = 0;
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h_, CURLOPT_ERRORBUFFER, error_);
    curl_easy_setopt(h_, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(h_, CURLOPT_LOW_SPEED_LIMIT, 1L);  // stalled 30 s: give up (and retry)
    curl_easy_setopt(h_, CURLOPT_LOW_SPEED_TIME, 30L);
    curl_easy_setopt(h_, CURLOPT_PROTOCOLS_STR, "sftp,ftp,ftps,http,https");
    curl_easy_setopt(h_, CURLOPT_WRITEFUNCTION, WriteToString);
    curl_easy_setopt(h_, CURLOPT_WRITEDATA, &sink_);
    sink_.clear();
    if (!c_.ca_file.empty()) {
      curl_easy_setopt(h_, CURLOPT_CAINFO, c_.ca_file.c_str());
      curl_easy_setopt(h_, CURLOPT_CAPATH, c_.ca_path.c_str());
    }
    if (t_.scheme == Scheme::kS3) {
      std::string sigv4 = "aws:amz:" + t_.region + ":s3";
      curl_easy_setopt(h_, CURLOPT_AWS_SIGV4, sigv4.c_str());
      curl_easy_setopt(h_, CURLOPT_USERNAME, c_.aws_key_id.c_str());
      curl_easy_setopt(h_, CURLOPT_PASSWORD, c_.aws_secret.c_str());
      headers_ = curl_slist_append(headers_, (std::string("x-amz-content-sha256: ") + kEmptySha256).c_str());
      curl_easy_setopt(h_, CURLOPT_HTTPHEADER, headers_);
      return;
    }
    if (!t_.user.empty()) curl_easy_setopt(h_, CURLOPT_USERNAME, t_.user.c_str());
    if (!c_.password.empty()) {
      curl_easy_setopt(h_, CURLOPT_PASSWORD, c_.password.c_str());
    } else {
      curl_easy_setopt(h_, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
    }
    if (http_) {
      curl_easy_setopt(h_, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
      // (no "Expect:" override: small bodies go with the headers)
      curl_easy_setopt(h_, CURLOPT_HTTPHEADER, headers_);
    }
    if (t_.scheme == Scheme::kFtps) curl_easy_setopt(h_, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (t_.scheme == Scheme::kSftp) {
      long auth = CURLSSH_AUTH_PUBLICKEY;
      if (!c_.password.empty()) auth |= CURLSSH_AUTH_PASSWORD | CURLSSH_AUTH_KEYBOARD;
      curl_easy_setopt(h_, CURLOPT_SSH_AUTH_TYPES, auth);
      if (!c_.key_file.empty()) {
        curl_easy_setopt(h_, CURLOPT_SSH_PRIVATE_KEYFILE, c_.key_file.c_str());
        curl_easy_setopt(h_, CURLOPT_SSH_PUBLIC_KEYFILE, "");  // derived from the private key
      }
      if (!c_.key_passphrase.empty())
        curl_easy_setopt(h_, CURLOPT_KEYPASSWD, c_.key_passphrase.c_str());
      curl_easy_setopt(h_, CURLOPT_SSH_KNOWNHOSTS, t_.known_hosts.c_str());
      curl_easy_setopt(h_, CURLOPT_SSH_KEYFUNCTION, KeyCallback);
      curl_easy_setopt(h_, CURLOPT_SSH_KEYDATA, this);
      curl_easy_setopt(h_, CURLOPT_NEW_FILE_PERMS, 0644L);
      curl_easy_setopt(h_, CURLOPT_NEW_DIRECTORY_PERMS, 0755L);
    }
  }

  static int KeyCallback(CURL*, const curl_khkey*, const curl_khkey*, curl_khmatch match,
                         void* self) {
    static_cast<CurlRemote*>(self)->key_match_ = match;
    // Only a key that known_hosts holds for this host is accepted; the file
    // is never written.
    return match == CURLKHMATCH_OK ? CURLKHSTAT_FINE : CURLKHSTAT_REJECT;
  }

  RemoteResult Perform(const char* op, const std::string& path, bool missing_ok,
                       const std::string* body = nullptr) {
    CURLcode rc = curl_easy_perform(h_);
    long code = 0;
    curl_easy_getinfo(h_, CURLINFO_RESPONSE_CODE, &code);
    response_ = code;
    std::string what = std::string(op) + " " + (path.empty() ? "/" : path) + ": ";
    std::string detail = error_[0] ? std::string(error_) : curl_easy_strerror(rc);
    if (rc == CURLE_OK && http_) {
      if (code >= 200 && code < 300) return {};
      if (code == 404 || code == 410) return {RemoteStatus::kNotFound, what + "not found"};
      std::string text = body ? *body : sink_;
      if (code == 401) return {RemoteStatus::kAuth, what + "the server refused the credentials (HTTP 401)"};
      if (code == 403) {
        if (text.find("InvalidAccessKeyId") != std::string::npos ||
            text.find("SignatureDoesNotMatch") != std::string::npos)
          return {RemoteStatus::kAuth, what + "the server refused the credentials (HTTP 403: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)"};
        return {RemoteStatus::kPermission, what + "permission denied (HTTP 403)"};
      }
      if (code == 507 || code == 413)
        return {RemoteStatus::kDiskFull, what + "the server has no room (HTTP " + std::to_string(code) + ")"};
      if (code >= 500) return {RemoteStatus::kTransient, what + "server error (HTTP " + std::to_string(code) + ")"};
      if (code == 405 || code == 409)
        return {RemoteStatus::kOther, what + "the server refused (HTTP " + std::to_string(code) + ")"};
      return {RemoteStatus::kOther, what + "unexpected answer HTTP " + std::to_string(code)};
    }
    switch (rc) {
      case CURLE_OK: return {};
      case CURLE_REMOTE_FILE_NOT_FOUND:
        return {RemoteStatus::kNotFound, what + "not found"};
      case CURLE_REMOTE_ACCESS_DENIED:
        // FTP says so when a folder is missing, too.
        if (missing_ok && !http_) return {RemoteStatus::kNotFound, what + "not found"};
        return {RemoteStatus::kPermission, what + "permission denied (" + detail + ")"};
      case CURLE_COULDNT_CONNECT:
        return {RemoteStatus::kConnection, "cannot connect to " + where_ + ": connection refused (is the server running?)"};
      case CURLE_COULDNT_RESOLVE_HOST:
        return {RemoteStatus::kAuth, "cannot resolve host '" + t_.host + "'"};
      case CURLE_OPERATION_TIMEDOUT:
        return {RemoteStatus::kConnection, what + "timed out talking to " + where_};
      case CURLE_LOGIN_DENIED:
        return {RemoteStatus::kAuth, "login to " + where_ + " as '" + t_.user + "' was refused: check CLERK_DEPLOY_PASSWORD, CLERK_DEPLOY_KEY or ~/.netrc"};
      case CURLE_PEER_FAILED_VERIFICATION:
        if (t_.scheme == Scheme::kSftp) {
          if (key_match_ == CURLKHMATCH_MISMATCH)
            return {RemoteStatus::kHostKey, "the SSH host key of " + where_ + " does not match " + t_.known_hosts + ": refusing to connect (it may have been replaced, or this is not the right host)"};
          return {RemoteStatus::kHostKey, "the SSH host key of " + where_ + " is not in " + t_.known_hosts + ": check it, then add it (ssh-keyscan -p PORT HOST >> " + t_.known_hosts + ")"};
        }
        return {RemoteStatus::kTls, "the TLS certificate of " + where_ + " is not trusted (" + detail + "); for a private CA set the ca_file option"};
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CACERT_BADFILE:
        return {RemoteStatus::kTls, "TLS with " + where_ + " failed: " + detail};
      case CURLE_USE_SSL_FAILED:
        return {RemoteStatus::kTls, where_ + " does not offer TLS (ftps:// needs AUTH TLS); use ftp:// only on a trusted network"};
      case CURLE_REMOTE_DISK_FULL:
        return {RemoteStatus::kDiskFull, what + "the host's disk is full"};
      case CURLE_UPLOAD_FAILED:
      case CURLE_QUOTE_ERROR:
      case CURLE_FTP_COULDNT_RETR_FILE:
        if (code == 452 || code == 552) return {RemoteStatus::kDiskFull, what + "the host's disk is full (FTP " + std::to_string(code) + ")"};
        if (code == 550 || code == 553) return {RemoteStatus::kPermission, what + "refused by the host (FTP " + std::to_string(code) + ": permission denied or no such folder)"};
        return {RemoteStatus::kOther, what + detail};
      case CURLE_SEND_ERROR:
      case CURLE_RECV_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_PARTIAL_FILE:
      case CURLE_SSH:
      case CURLE_FTP_WEIRD_SERVER_REPLY:
      case CURLE_FTP_ACCEPT_FAILED:
      case CURLE_FTP_CANT_GET_HOST:
      case CURLE_FTP_WEIRD_PASV_REPLY:
        return {RemoteStatus::kTransient, what + "the connection to " + where_ + " failed (" + detail + ")"};
      default:
        return {RemoteStatus::kOther, what + detail};
    }
  }

  Target t_;
  const Credentials& c_;
  CURL* h_;
  bool http_ = false;
  std::string base_, where_;
  char error_[CURL_ERROR_SIZE] = {};
  curl_slist* headers_ = nullptr;
  std::string sink_;
  int key_match_ = -1;
  long response_ = 0;
};

}  // namespace

void GlobalCurlInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::unique_ptr<Remote> MakeCurlRemote(const Target& target, const Credentials& credentials) {
  GlobalCurlInit();
  return std::make_unique<CurlRemote>(target, credentials);
}

std::unique_ptr<Remote> MakeRemote(const Target& target, const Credentials& credentials) {
  if (target.scheme == Scheme::kFile) return MakeFileRemote(target.path);
  return MakeCurlRemote(target, credentials);
}

}  // namespace clerk::publish
