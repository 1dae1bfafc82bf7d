# CPack runs this (CPACK_PRE_BUILD_SCRIPTS) on the staged files before it
# makes the .deb: Debian policy wants man pages gzipped (-n: no name or time
# in the header, so the package is reproducible). `cmake --install` keeps
# clerk.1 as it is; man reads both.
file(GLOB_RECURSE pages "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.1")
list(FILTER pages INCLUDE REGEX "/share/man/man1/[^/]+\\.1$")
foreach(page ${pages})
  execute_process(COMMAND gzip -9nf ${page} RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "gzip ${page} failed")
  endif()
endforeach()
