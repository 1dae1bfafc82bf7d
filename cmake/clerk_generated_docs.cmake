# Runs the built clerk to write its man page and the three completion
# scripts (cli/man_page.h, cli/completion.h), so what is installed is made
# from the same command tree as the parser.
#   cmake -DCLERK=<built clerk> -DOUT=<folder> -P clerk_generated_docs.cmake
file(MAKE_DIRECTORY ${OUT})
foreach(job "man;clerk.1" "completion;bash;clerk.bash" "completion;zsh;_clerk"
            "completion;fish;clerk.fish")
  list(POP_BACK job file)
  execute_process(COMMAND ${CLERK} ${job} OUTPUT_FILE ${OUT}/${file}.new
                  RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "clerk ${job} failed (${failed})")
  endif()
  # Rewritten only when changed, so an install or package sees the same file.
  file(COPY_FILE ${OUT}/${file}.new ${OUT}/${file} ONLY_IF_DIFFERENT)
  file(REMOVE ${OUT}/${file}.new)
endforeach()
