#include "render/packed_text.h"

#include <zlib.h>

#include <stdexcept>

namespace clerk {

PackedText Pack(std::string_view text) {
  PackedText packed;
  packed.size = text.size();
  uLongf capacity = compressBound(static_cast<uLong>(text.size()));
  packed.bytes.resize(capacity);
  if (compress2(reinterpret_cast<Bytef*>(packed.bytes.data()), &capacity,
                reinterpret_cast<const Bytef*>(text.data()),
                static_cast<uLong>(text.size()), Z_BEST_SPEED) != Z_OK)
    throw std::runtime_error("cannot compress a text in memory");
  packed.bytes.resize(capacity);
  packed.bytes.shrink_to_fit();
  return packed;
}

std::string Unpack(const PackedText& packed) {
  std::string text(packed.size, '\0');
  uLongf size = static_cast<uLongf>(packed.size);
  if (uncompress(reinterpret_cast<Bytef*>(text.data()), &size,
                 reinterpret_cast<const Bytef*>(packed.bytes.data()),
                 static_cast<uLong>(packed.bytes.size())) != Z_OK ||
      size != packed.size)
    throw std::runtime_error("a text compressed in memory is damaged");
  return text;
}

}  // namespace clerk
