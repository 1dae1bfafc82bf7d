# Writes version_info.cpp (cli/version.h): clerk's version and the git commit
# it was built from (`git describe --always --dirty`, or "unknown" outside a
# git checkout). Run at configure time and again at every build (the
# clerk_version_info target), so a new commit is picked up without
# configuring again; configure_file rewrites the file only when it changes,
# so an unchanged commit recompiles nothing.
#   cmake -DSOURCE_DIR=... -DOUTPUT=... -DCLERK_VERSION=x.y.z -P clerk_version.cmake
set(CLERK_COMMIT "unknown")
find_program(CLERK_GIT git)
if(CLERK_GIT)
  execute_process(COMMAND ${CLERK_GIT} describe --always --dirty
                  WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE described OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE failed ERROR_QUIET)
  # Only this repository's own commit: a source tarball unpacked inside some
  # other git checkout must not take that checkout's commit.
  execute_process(COMMAND ${CLERK_GIT} rev-parse --show-toplevel
                  WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE top OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT failed AND described AND top)
    file(REAL_PATH "${top}" top)
    file(REAL_PATH "${SOURCE_DIR}" here)
    if(top STREQUAL here)
      set(CLERK_COMMIT "${described}")
    endif()
  endif()
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/version_info.cpp.in ${OUTPUT} @ONLY)
