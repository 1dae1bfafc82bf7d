#include "publish/file_remote.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace clerk::publish {

namespace fs = std::filesystem;

namespace {

RemoteResult FromErrno(int err, const std::string& what) {
  RemoteStatus status = RemoteStatus::kOther;
  if (err == ENOSPC || err == EDQUOT) status = RemoteStatus::kDiskFull;
  else if (err == EACCES || err == EPERM || err == EROFS) status = RemoteStatus::kPermission;
  else if (err == ENOENT) status = RemoteStatus::kNotFound;
  return {status, what + ": " + std::strerror(err)};
}

class FileRemote : public Remote {
 public:
  explicit FileRemote(std::string root) : root_(std::move(root)) {}

  RemoteResult Fetch(const std::string& path, std::string* data) override {
    std::ifstream in(root_ + path, std::ios::binary);
    if (!in) return FromErrno(errno, root_ + path);
    std::ostringstream s;
    s << in.rdbuf();
    *data = s.str();
    return {};
  }

  RemoteResult Stat(const std::string& path, int64_t* size) override {
    std::error_code ec;
    uintmax_t n = fs::file_size(root_ + path, ec);
    if (ec) return FromErrno(ec.value(), root_ + path);
    *size = static_cast<int64_t>(n);
    return {};
  }

  RemoteResult Put(const std::string& path, const std::string& data,
                   const std::string& /*sha256*/) override {
    fs::path target = root_ + path;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return FromErrno(ec.value(), target.parent_path().string());
    std::ostringstream tid;
    tid << std::this_thread::get_id();
    fs::path temp = target.parent_path() /
                    ("." + target.filename().string() + ".clerk-tmp-" +
                     std::to_string(::getpid()) + "-" + tid.str());
    FILE* f = std::fopen(temp.c_str(), "wb");
    if (!f) return FromErrno(errno, temp.string());
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    int err = ok ? 0 : errno;
    if (std::fclose(f) != 0 && ok) {
      ok = false;
      err = errno;
    }
    if (!ok) {
      ::unlink(temp.c_str());
      return FromErrno(err, target.string());
    }
    fs::rename(temp, target, ec);
    if (ec) {
      ::unlink(temp.c_str());
      return FromErrno(ec.value(), target.string());
    }
    return {};
  }

  RemoteResult Delete(const std::string& path) override {
    fs::path target = root_ + path;
    std::error_code ec;
    fs::remove(target, ec);
    if (ec && ec.value() != ENOENT) return FromErrno(ec.value(), target.string());
    // Remove folders this left empty, up to the root.
    fs::path root = fs::path(root_).lexically_normal();
    for (fs::path dir = target.parent_path();
         dir.lexically_normal() != root && dir.string().size() > root.string().size();
         dir = dir.parent_path()) {
      if (!fs::is_empty(dir, ec) || ec || !fs::remove(dir, ec)) break;
    }
    return {};
  }

 private:
  std::string root_;  // ends with '/'
};

}  // namespace

std::unique_ptr<Remote> MakeFileRemote(const std::string& root) {
  return std::make_unique<FileRemote>(root);
}

}  // namespace clerk::publish
