#!/usr/bin/env python3
"""Lists the functions of generator/ longer than a limit (issue 20: none over
80 lines). A function is a definition that starts at the left margin and ends
at the first closing brace there; clang-format keeps that shape (functions
defined inside a class body are not measured). Prints file:line: name (N lines) for each; exits 1 if any.
  function_length.py GENERATOR_DIR [--max 80]
  function_length.py --selftest"""
import pathlib
import re
import sys

START = re.compile(r"^()(?!namespace\b|struct\b|class\b|enum\b|union\b|extern\b)"
                   r"[A-Za-z_][^;]*\)[^;]*\{$")


# The first line of a definition at the left margin; its signature may wrap
# onto indented lines, up to the one that ends with "{".
HEAD = re.compile(r"^(?!namespace\b|struct\b|class\b|enum\b|union\b|extern\b|template\b)"
                  r"[A-Za-z_~][^;=]*\(")


def signature_end(lines, i):
    """The line that closes the signature begun at line i, or None if it is
    not a definition (a declaration, a call, a statement)."""
    for end in range(i, min(i + 12, len(lines))):
        text = lines[end]
        if end > i and (not text.startswith(" ") or not text.strip()):
            return None
        if text.rstrip().endswith(";"):
            return None
        if text.rstrip().endswith("{"):
            return end
    return None


def long_functions(text, limit):
    lines = text.split("\n")
    found = []
    i = 0
    while i < len(lines):
        close = signature_end(lines, i) if HEAD.match(lines[i]) else None
        if close is not None:
            end = close + 1
            while end < len(lines) and lines[end] != "}" and not lines[end].startswith("};"):
                end += 1
            length = end - i + 1
            if length > limit:
                name = lines[i].split("(")[0].split()[-1]
                found.append((i + 1, name, length))
            i = end + 1
            continue
        i += 1
    return found


def selftest():
    body = "\n".join("  x();" for _ in range(90))
    text = (f"int Long() {{\n{body}\n}}\n\nint Short() {{\n  return 1;\n}}\n"
            f"void Outer() {{\n  Run([&] {{\n{body}\n  }});\n}}\n"
            f"std::string Wrapped(int a,\n                    int b) {{\n{body}\n}}\n"
            f"int Declared(int a,\n             int b);\n")
    got = long_functions(text, 80)
    assert [(n, name) for n, name, _ in got] == [(1, "Long"), (97, "Outer"), (191, "Wrapped")], got
    assert long_functions(text, 100) == []
    print("selftest passed")
    return 0


def main(argv):
    if argv[1:] == ["--selftest"]:
        return selftest()
    root = pathlib.Path(argv[1])
    limit = int(argv[argv.index("--max") + 1]) if "--max" in argv else 80
    count = 0
    for path in sorted(root.glob("**/*.cpp")) + sorted(root.glob("**/*.h")):
        for line, name, length in long_functions(path.read_text(), limit):
            print(f"{path}:{line}: {name} ({length} lines)")
            count += 1
    print(f"{count} functions over {limit} lines")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
