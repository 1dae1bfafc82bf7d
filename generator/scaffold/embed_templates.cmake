# Compiles the files of generator/scaffold/templates/ into the binary, as
# raw string literals: an installed clerk needs no template folder beside it.
#   cmake -DDIR=<templates folder> -DOUT=<file.cpp> -P embed_templates.cmake
file(GLOB names RELATIVE ${DIR} ${DIR}/*)
list(SORT names)
set(body "")
foreach(name IN LISTS names)
  file(READ ${DIR}/${name} text)
  string(FIND "${text}" ")clerk_template\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${name} holds the end marker of the raw string")
  endif()
  string(APPEND body "      {\"${name}\", R\"clerk_template(${text})clerk_template\"},\n")
endforeach()
file(WRITE ${OUT}.new
"// Made by generator/scaffold/embed_templates.cmake from generator/scaffold/templates/.\n"
"#include \"scaffold/templates.h\"\n\n"
"namespace clerk::scaffold {\n\n"
"const std::map<std::string_view, std::string_view>& Templates() {\n"
"  static const std::map<std::string_view, std::string_view> kTemplates = {\n"
"${body}"
"  };\n"
"  return kTemplates;\n"
"}\n\n"
"}  // namespace clerk::scaffold\n")
file(COPY_FILE ${OUT}.new ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.new)
