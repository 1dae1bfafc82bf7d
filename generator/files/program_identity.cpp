#include "files/program_identity.h"

#include <elf.h>
#include <link.h>

#include <cstring>
#include <filesystem>

namespace clerk {

namespace fs = std::filesystem;

// The GNU build id of the running clerk (a hash the linker puts in the
// binary), so a rebuilt clerk renders again; the binary's size and time if
// it has none.
namespace {

std::string ReadProgramIdentity() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
            const char* name = p + sizeof(ElfW(Nhdr));
            const char* desc = name + ((note->n_namesz + 3) & ~3u);
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0) {
              static_cast<std::string*>(out)->assign(desc, note->n_descsz);
              return 1;
            }
            p = desc + ((note->n_descsz + 3) & ~3u);
          }
        }
        return 1;  // only the program itself, the first object
      },
      &id);
  if (id.empty()) {
    std::error_code ec;
    auto size = fs::file_size("/proc/self/exe", ec);
    auto time = fs::last_write_time("/proc/self/exe", ec).time_since_epoch().count();
    id = std::to_string(size) + "/" + std::to_string(time);
  }
  return id;
}

}  // namespace

const std::string& ProgramIdentity() {
  static const std::string id = ReadProgramIdentity();
  return id;
}

}  // namespace clerk
