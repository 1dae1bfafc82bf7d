// A library for tests, loaded into clerk with LD_PRELOAD: every thread the
// program starts appends a line to the file named by CLERK_THREAD_COUNT_FILE.
// (A file, written as it happens, because `clerk build` leaves without
// running every destructor.) Not part of clerk; see tests/e2e/jobs_test.cpp.
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <cstdlib>

extern "C" int pthread_create(pthread_t* thread, const pthread_attr_t* attr,
                              void* (*start)(void*), void* arg) {
  using Create = int (*)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*);
  static const Create real = reinterpret_cast<Create>(dlsym(RTLD_NEXT, "pthread_create"));
  if (const char* path = std::getenv("CLERK_THREAD_COUNT_FILE")) {
    int fd = ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd >= 0) {
      (void)!::write(fd, "thread\n", 7);
      ::close(fd);
    }
  }
  return real(thread, attr, start, arg);
}
