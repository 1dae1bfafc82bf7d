#!/usr/bin/env bash
# cli.completion CLERK: the real clerk's completion scripts. bash completes
# `clerk bu<TAB>` and `clerk build --so<TAB>`, and every command `clerk --help`
# lists and every option each command's --help lists is in the script (they
# are made from the same CLI11 app); zsh and fish accept theirs.
source "$(dirname "$0")/lib.sh"
clerk=$1

"$clerk" completion bash >"$work/clerk.bash"
complete_bash() {  # complete_bash WORDS...: what bash offers for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _clerk
           echo "${COMPREPLY[*]}"' _ "$work/clerk.bash" "$@"
}
check "clerk bu<TAB> is build" test "$(complete_bash clerk bu)" = build
check "clerk build --so<TAB> is --source" test "$(complete_bash clerk build --so)" = --source
check "clerk check --format <TAB> is text json" \
  test "$(complete_bash clerk check --format '')" = "text json"
check "clerk completion <TAB> lists the shells" \
  test "$(complete_bash clerk completion '')" = "bash zsh fish"
check "clerk new <TAB> lists what it makes" \
  test "$(complete_bash clerk new '')" = "meeting paper minutes person committee"

# The commands clerk --help lists, and each one's options.
commands=$("$clerk" --help | awk '/^Subcommands:/{on=1; next} on && !NF {exit} on {print $1}')
check "clerk --help lists commands" test -n "$commands"
for command in $commands; do
  check "bash completes the command $command" \
    grep -qw -- "$command" <<<"$(complete_bash clerk '')"
  for option in $("$clerk" "$command" --help | grep -oE '^  +(-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
    got=$(complete_bash clerk "$command" "$option")
    check "bash completes $command $option" grep -qw -- "$option" <<<"$got"
  done
done

"$clerk" completion zsh >"$work/_clerk"
check "zsh reads its script" zsh -n "$work/_clerk"
"$clerk" completion fish >"$work/clerk.fish"
check "fish reads its script" fish -n "$work/clerk.fish"
check "fish completes clerk build --so" \
  bash -c "fish -c 'source $work/clerk.fish; complete -C \"clerk build --so\"' | grep -q '^--source'"
if "$clerk" completion tcsh >/dev/null 2>&1; then fail "an unknown shell was accepted"; else pass; fi
finish
