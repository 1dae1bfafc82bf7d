// Holds one of a build's large structures. When the process ends right
// after the build, it is not freed: freeing a large site's records and logs
// (a gigabyte of small objects at 10,000 meetings) takes a quarter of a
// second, and the kernel takes the memory back at exit in one go. Clang's
// -disable-free does the same. `clerk serve`, which builds again and again,
// frees them.
#pragma once

#include <memory>
#include <utility>

namespace clerk::builder {

template <typename T>
class BuildHeld {
 public:
  template <typename... Args>
  BuildHeld(bool free_at_end, Args&&... args)
      : held_(std::make_unique<T>(std::forward<Args>(args)...)), free_(free_at_end) {}
  ~BuildHeld() {
    if (!free_) (void)held_.release();
  }
  BuildHeld(const BuildHeld&) = delete;
  BuildHeld& operator=(const BuildHeld&) = delete;
  T& operator*() { return *held_; }
  T* operator->() { return held_.get(); }

 private:
  std::unique_ptr<T> held_;
  bool free_;
};

}  // namespace clerk::builder
