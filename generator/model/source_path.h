// The path of a source file as positions (SourcePos) hold it: one copy of
// the text shared by every copy of the path. A large site's records hold
// more than a million positions, about 130 a meeting folder, nearly all in
// a few files each; each held its own copy of a path of 50 to 70
// characters, about 110 MB at 10,000 meetings.
#pragma once

#include <compare>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace clerk {

class SourcePath {
 public:
  SourcePath() = default;
  SourcePath(std::string path)  // NOLINT: as a std::string is, implicitly
      : text_(path.empty() ? nullptr
                           : std::make_shared<const std::string>(std::move(path))) {}
  SourcePath(const char* path) : SourcePath(std::string(path)) {}  // NOLINT

  const std::string& str() const { return text_ ? *text_ : Empty(); }
  operator const std::string&() const { return str(); }  // NOLINT
  bool empty() const { return !text_; }
  size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }

  friend bool operator==(const SourcePath& a, const SourcePath& b) {
    return a.text_ == b.text_ || a.str() == b.str();
  }
  friend std::strong_ordering operator<=>(const SourcePath& a, const SourcePath& b) {
    return a.str().compare(b.str()) <=> 0;
  }
  friend bool operator==(const SourcePath& a, const std::string& b) {
    return a.str() == b;
  }
  friend bool operator==(const SourcePath& a, const char* b) { return a.str() == b; }
  friend std::string operator+(const SourcePath& a, std::string_view b) {
    return a.str() + std::string(b);
  }
  friend std::string operator+(std::string_view a, const SourcePath& b) {
    return std::string(a) + b.str();
  }
  friend std::ostream& operator<<(std::ostream& out, const SourcePath& p) {
    return out << p.str();
  }

 private:
  static const std::string& Empty() {
    static const std::string empty;
    return empty;
  }
  std::shared_ptr<const std::string> text_;
};

}  // namespace clerk
