# The layers of generator/ (issue 20): each folder is a static library,
# clerk_<folder>, and may include only its own headers and those of the
# folders its line below names. This table is the architecture: data flows
# up it, from the model to the files written and deployed; nothing includes
# a folder above it or beside it that it does not name.
#
# Two checks hold it (docs/architecture.md, "Layers"):
# - at configure time, clerk_check_layers() reads every `#include "folder/..."`
#   in generator/*/ and stops the configure, naming file:line, when a folder
#   includes one it does not name (test layers.upward-include);
# - at compile time, each library's include root in the build tree holds only
#   a link to its own folder, and a library sees the roots of the libraries it
#   links (and theirs), so an include from above is "no such file".
#
# A new folder must be added here, or the configure stops.

# Bottom to top; a folder may only name folders listed before it.
set(CLERK_LAYERS
  model        # the structs, dates, diagnostics, fingerprints; no I/O
  files        # the file-system seam: reading sources safely, writing files whole
  incremental  # the build state: build log, record cache, bodies, page ids, stamps
  schema       # the field table of every kind of record, JSON Schemas
  config       # values of site.yaml: base URL, language tag
  content      # reads site.yaml, YAML records and Markdown into the model
  links        # reference, minute-number and acronym checks; @/ links
  render       # Markdown and Mustache to HTML, every rendition
  readability  # easy-read and plain-English checks of `clerk check`
  output       # writes the site: calendars, feeds, open data, build log, search
  cli          # what the command line shows: progress, diagnostics, help
  publish      # clerk deploy
  scaffold     # clerk init, clerk new
  serve        # clerk serve (gets its rebuild function from main)
  builder      # one build: load, check, render, write (command line and serve)
)

set(CLERK_LAYER_model)
set(CLERK_LAYER_files model)
set(CLERK_LAYER_incremental model files)
set(CLERK_LAYER_schema model files)
set(CLERK_LAYER_config model)
set(CLERK_LAYER_content model files incremental schema config)
set(CLERK_LAYER_links model files content)
set(CLERK_LAYER_render model files incremental config content links)
set(CLERK_LAYER_readability model files content render)
set(CLERK_LAYER_output model files incremental config content links render)
set(CLERK_LAYER_cli model)
set(CLERK_LAYER_publish model files incremental config content cli)
set(CLERK_LAYER_scaffold model files schema config content links)
set(CLERK_LAYER_serve model render)
set(CLERK_LAYER_builder model files incremental config content links render readability output cli)

# Stops the configure when a folder includes a folder it does not name,
# listing every such include as file:line under its folder. Files are
# matched with file(STRINGS ... REGEX) first, so a clean tree costs one read
# of each file; line numbers are counted only for a file that breaks the rule.
function(clerk_check_layers generator_dir)
  set(all_errors "")
  file(GLOB folders LIST_DIRECTORIES true RELATIVE ${generator_dir} ${generator_dir}/*)
  foreach(folder ${folders})
    if(NOT IS_DIRECTORY ${generator_dir}/${folder})
      continue()
    endif()
    if(NOT folder IN_LIST CLERK_LAYERS)
      message(FATAL_ERROR "generator/${folder}/ is not in the layer table: add it to "
                          "cmake/layers.cmake with the folders it may include")
    endif()
    _clerk_check_folder(${generator_dir} ${folder} errors)
    string(APPEND all_errors "${errors}")
  endforeach()
  if(all_errors)
    message(FATAL_ERROR "an include breaks the layers of cmake/layers.cmake:${all_errors}")
  endif()
endfunction()

function(_clerk_check_folder generator_dir folder out)
  set(allowed ${folder} ${CLERK_LAYER_${folder}})
  file(GLOB sources ${generator_dir}/${folder}/*.h ${generator_dir}/${folder}/*.cpp)
  set(errors "")
  foreach(source ${sources})
    file(STRINGS ${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[a-z_]+/")
    foreach(line ${includes})
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([a-z_]+)/.*$" "\\1" used "${line}")
      if(NOT used IN_LIST allowed)
        string(STRIP "${line}" line)
        _clerk_line_number(${source} "${line}" number)
        file(RELATIVE_PATH shown ${generator_dir}/.. ${source})
        string(APPEND errors "\n  ${shown}:${number}: ${line}")
      endif()
    endforeach()
  endforeach()
  if(errors)
    string(JOIN " " names ${CLERK_LAYER_${folder}})
    if(NOT names)
      set(names "none")
    endif()
    set(errors "\ngenerator/${folder}/ may use only ${folder} and: ${names}${errors}")
  endif()
  set(${out} "${errors}" PARENT_SCOPE)
endfunction()

# The line number of the first line of `source` that holds `text`.
function(_clerk_line_number source text out)
  file(READ ${source} content)
  string(FIND "${content}" "${text}" at)
  string(SUBSTRING "${content}" 0 ${at} before)
  string(REGEX MATCHALL "\n" newlines "${before}")
  list(LENGTH newlines count)
  math(EXPR count "${count} + 1")
  set(${out} ${count} PARENT_SCOPE)
endfunction()

# One static library per folder: its sources, an include root holding only a
# link to its own folder, and the libraries of the folders it may use.
# Generated sources of a folder come in clerk_<folder>_EXTRA; every library
# gets CLERK_EXTERNAL_INCLUDES and CLERK_EXTERNAL_LIBRARIES (Debian's).
function(clerk_add_layers generator_dir)
  foreach(folder ${CLERK_LAYERS})
    if(NOT IS_DIRECTORY ${generator_dir}/${folder})
      continue()
    endif()
    file(GLOB sources CONFIGURE_DEPENDS ${generator_dir}/${folder}/*.cpp)
    set(root ${CMAKE_BINARY_DIR}/layers/${folder})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${generator_dir}/${folder} ${root}/${folder} SYMBOLIC)
    add_library(clerk_${folder} STATIC ${sources} ${clerk_${folder}_EXTRA})
    target_include_directories(clerk_${folder} PUBLIC ${root})
    target_compile_options(clerk_${folder} PRIVATE ${CLERK_WARNINGS})
    target_include_directories(clerk_${folder} SYSTEM PUBLIC ${CLERK_EXTERNAL_INCLUDES})
    target_link_libraries(clerk_${folder} PUBLIC ${CLERK_EXTERNAL_LIBRARIES})
    foreach(used ${CLERK_LAYER_${folder}})
      target_link_libraries(clerk_${folder} PUBLIC clerk_${used})
    endforeach()
  endforeach()
endfunction()
