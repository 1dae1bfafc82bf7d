#include "render/packed_text.h"

#include <zstd.h>

#include <memory>
#include <stdexcept>

namespace clerk {

namespace {

// One context of each kind per thread: made once, not for every text (the
// Markdown stage packs thousands of texts; the pages unpack them again).
struct FreeCompress {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct FreeDecompress {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

ZSTD_CCtx* CompressContext() {
  thread_local std::unique_ptr<ZSTD_CCtx, FreeCompress> context(ZSTD_createCCtx());
  if (!context) throw std::runtime_error("cannot make a compression context");
  return context.get();
}

ZSTD_DCtx* DecompressContext() {
  thread_local std::unique_ptr<ZSTD_DCtx, FreeDecompress> context(ZSTD_createDCtx());
  if (!context) throw std::runtime_error("cannot make a decompression context");
  return context.get();
}

// zstd's level 1: on papers' HTML it packs smaller than zlib's fastest level
// and, measured on 2,000 pages, packs twice and unpacks three times as fast
// (docs/benchmarks.md).
constexpr int kLevel = 1;

}  // namespace

PackedText Pack(std::string_view text) {
  PackedText packed;
  packed.size = text.size();
  packed.bytes.resize(ZSTD_compressBound(text.size()));
  const size_t size =
      ZSTD_compressCCtx(CompressContext(), packed.bytes.data(), packed.bytes.size(),
                        text.data(), text.size(), kLevel);
  if (ZSTD_isError(size)) throw std::runtime_error("cannot compress a text in memory");
  packed.bytes.resize(size);
  packed.bytes.shrink_to_fit();
  return packed;
}

std::string Unpack(const PackedText& packed) {
  std::string text(packed.size, '\0');
  const size_t size = ZSTD_decompressDCtx(DecompressContext(), text.data(), text.size(),
                                          packed.bytes.data(), packed.bytes.size());
  if (ZSTD_isError(size) || size != packed.size)
    throw std::runtime_error("a text compressed in memory is damaged");
  return text;
}

}  // namespace clerk
