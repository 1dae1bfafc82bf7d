// The file-system seam (issue 20), as ninja's DiskInterface and leveldb's
// Env: the few operations clerk does on files, behind one small interface,
// so a unit test can hand the content loader an in-memory tree
// (tests/files/fake_disk.h) and make a given read or write fail on purpose.
//
// The contract every Disk keeps (RealDisk is the reference):
// - Paths are as the caller builds them ("site/content/x.yaml"); a Disk does
//   not resolve them against anything but the current folder.
// - Nothing throws: a failure is a false return (or FileKind::kMissing) and,
//   where there is an `error`, a sentence saying why, in the words clerk
//   shows the user ("cannot read file: Permission denied").
// - Links are followed (stat, not lstat). Whether a link leads out of the
//   site is not the Disk's business: files/source_boundary.h asks the real
//   file system, and only when the disk is the real one (IsRealDisk).
// - A Disk may be called from several threads at once (the loader reads
//   meeting folders in parallel).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clerk {

enum class FileKind {
  kMissing,  // nothing there, a link to nothing, or it cannot be looked at
  kFile,     // a regular file
  kFolder,
  kOther,  // a named pipe, socket or device: never opened
};

struct FileStat {
  FileKind kind = FileKind::kMissing;
  int error = 0;              // the errno of a failed stat (kind is then kMissing)
  std::uint64_t size = 0;     // in bytes, for a file
  std::int64_t mtime_ns = 0;  // last change, nanoseconds since 1970
  std::uint64_t inode = 0;
};

struct FolderEntry {
  std::string name;                    // a name, not a path
  FileKind kind = FileKind::kMissing;  // of what a link leads to
};

class Disk {
 public:
  virtual ~Disk() = default;

  // Reads the whole of the regular file at `path` into *bytes (replacing
  // them). Anything else (a folder, a named pipe, a device) is refused
  // without being opened, and *error (if given) says what it is
  // (NotAFileMessage); a file that cannot be read gives "cannot read file:
  // <reason>".
  virtual bool ReadFile(const std::string& path, std::string* bytes,
                        std::string* error) = 0;

  // What is at `path`. Never fails: a path that cannot be looked at is
  // kMissing, with the reason in `error`.
  virtual FileStat Stat(const std::string& path) = 0;

  // The entries of the folder `path` but "." and "..", sorted by name (byte
  // order), hidden ones and names that are not UTF-8 included (the callers
  // decide what to leave out). False, with *error (if given), if `path` is
  // not a folder or cannot be listed; entries listed before a failure part
  // way are kept.
  virtual bool ListFolder(const std::string& path, std::vector<FolderEntry>* entries,
                          std::string* error) = 0;

  // Creates or truncates the file at `path` and writes `bytes` to it. Not
  // atomic: files/atomic_write.h builds the atomic write from this, Rename
  // and Remove.
  virtual bool WriteFile(const std::string& path, std::string_view bytes,
                         std::string* error) = 0;

  // Renames `from` to `to`, replacing a file at `to`, as POSIX rename(2).
  virtual bool Rename(const std::string& from, const std::string& to,
                      std::string* error) = 0;

  // Creates the folder `path` and any missing parents; true if it is there.
  virtual bool MakeFolders(const std::string& path, std::string* error) = 0;

  // Removes the file (or empty folder) at `path`; true if it was removed.
  virtual bool Remove(const std::string& path) = 0;
};

// The machine's file system: POSIX calls and std::filesystem.
class RealDisk : public Disk {
 public:
  bool ReadFile(const std::string& path, std::string* bytes, std::string* error) override;
  FileStat Stat(const std::string& path) override;
  bool ListFolder(const std::string& path, std::vector<FolderEntry>* entries,
                  std::string* error) override;
  bool WriteFile(const std::string& path, std::string_view bytes,
                 std::string* error) override;
  bool Rename(const std::string& from, const std::string& to,
              std::string* error) override;
  bool MakeFolders(const std::string& path, std::string* error) override;
  bool Remove(const std::string& path) override;
};

// A stat that failed for another reason than that nothing is there (a
// folder on the way that may not be searched): what std::filesystem::exists
// reports as an error rather than as false.
bool CannotLook(const FileStat& stat);

// The one RealDisk every caller without a disk of its own uses.
Disk& RealDiskInstance();

// Whether `disk` is the machine's file system (RealDiskInstance): only then
// do checks that need lstat or realpath (links out of the site, the source
// tree walk) apply.
bool IsRealDisk(const Disk& disk);

// Why a path that is not a regular file cannot be read: "not a regular file
// but a named pipe (FIFO): ..." (`mode` is a stat st_mode).
std::string NotAFileMessage(unsigned mode);

}  // namespace clerk
