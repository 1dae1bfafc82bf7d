#!/usr/bin/env python3
"""Checks that generator/model/ does no I/O (issue 20): none of its files
includes a header that reads or writes files, lists folders or asks the
loader about the running binary. Its only output is StageTimer's optional
timing lines on stderr (<cstdio>), which are not file I/O. Prints
file:line: include for each offence; exits 1 if any.
  model_no_io.py MODEL_DIR
  model_no_io.py --selftest"""
import pathlib
import re
import sys
import tempfile

IO_HEADERS = {"fstream", "ifstream", "ofstream", "filesystem", "iostream",
              "sys/stat.h", "sys/types.h", "fcntl.h", "unistd.h", "dirent.h",
              "link.h", "elf.h", "dlfcn.h", "sys/mman.h", "stdio.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')


def offences(model_dir):
    found = []
    for path in sorted(pathlib.Path(model_dir).rglob("*")):
        if path.suffix not in (".h", ".cpp", ".cc"):
            continue
        for number, line in enumerate(path.read_text(errors="replace").split("\n"), 1):
            m = INCLUDE.match(line)
            if m and m.group(1) in IO_HEADERS:
                found.append(f"{path}:{number}: #include <{m.group(1)}>")
    return found


def selftest():
    with tempfile.TemporaryDirectory() as d:
        (pathlib.Path(d) / "dates.cpp").write_text("#include <string>\n#include <cstdio>\n")
        if offences(d):
            print("FAIL: a clean model folder was reported")
            return 1
        (pathlib.Path(d) / "identity.cpp").write_text("#include <string>\n#include <link.h>\n")
        if offences(d) != [f"{d}/identity.cpp:2: #include <link.h>"]:
            print(f"FAIL: the include of <link.h> was not found: {offences(d)}")
            return 1
    print("model_no_io selftest: 2 passed, 0 failed")
    return 0


def main(argv):
    if argv[1:] == ["--selftest"]:
        return selftest()
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    found = offences(argv[1])
    for line in found:
        print(line)
    print(f"{len(found)} I/O includes in {argv[1]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
