// Carrying the files of the old site that a build keeps into the new one,
// as hard links: no bytes are copied, a kept file keeps its inode and time
// (the build log's record of it stays true), and the old site is not
// touched until the new one is swapped in (folder_swap.h).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace clerk {

struct CarryResult {
  bool ok = true;
  std::string error;  // the first file that could not be carried, and why
  size_t carried = 0;
};

// Links every file under `from` into the same place under `to`, making the
// folders it needs, except files and folders for which `skip(path)` is true
// (path relative, '/'-separated). A file `to` already has (written by this
// build) wins; `to` having a file where `from` has a folder with something
// to carry, or a folder where `from` has a file, is an error: the old file
// would be lost. `carried(path)` is called for every file linked.
CarryResult CarryOver(const std::string& from, const std::string& to,
                      const std::function<bool(std::string_view path)>& skip,
                      const std::function<void(const std::string& path)>& carried);

// Makes the folder `mirror` hold exactly what `source` holds, every file a
// hard link to the same file of `source`, changing only what differs (a
// file is the same when it is the same inode, as the folder listing says:
// no file is opened or read). An edit build keeps the previous site this way
// beside the current one, so it changes a handful of entries instead of
// making a folder and a link for every page. False (with `*error`) if some
// entry cannot be made or removed. The folders are walked on `jobs` threads
// (0: every core).
bool MirrorTree(const std::string& source, const std::string& mirror, std::string* error,
                int jobs = 0);

// Copies the file `from` to `to` (a new file), in the kernel where it can:
// for bookkeeping that the build then appends to, which must not change the
// old site's copy. False if it cannot.
bool CopyFile(const std::string& from, const std::string& to);

}  // namespace clerk
