#!/usr/bin/env python3
"""Lints the CI recipes that publish a site without compiling Clerk.

The recipes are the ones `clerk init` writes (.github/workflows/publish.yml,
.gitlab-ci.yml) and the fenced YAML blocks of docs/publishing.md, which must
be the same text. Each is parsed with a YAML parser, its structure checked
(jobs and steps, the cache of public/ and its keys, the deploy key as a
secret or a GitLab File variable, no compiler), and every command it runs is
checked: each `clerk` command and option against the built clerk's --help,
every other program against this Debian 12 machine (or the packages the
recipe installs), every package against Debian's.

  check_recipes.py CLERK_BINARY SOURCE_DIR            # the check
  check_recipes.py --selftest CLERK_BINARY SOURCE_DIR # proves it catches faults
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

SHELL_BUILTINS = {":", "echo", "cd", "export", "set", "test", "[", "exit", "true",
                  "false", "printf", "unset", "shift", "read"}
SHELL_KEYWORDS = {"if", "then", "else", "elif", "fi", "do", "done", "!", "{", "}",
                  "while", "for", "case", "esac"}
COMPILERS = {"cmake", "make", "g++", "gcc", "c++", "clang++", "ninja", "./run", "./test"}
DOC_NAMES = (".github/workflows/publish.yml", ".gitlab-ci.yml")


class Problems(list):
    def add(self, where, what):
        self.append(f"{where}: {what}")


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def doc_blocks(markdown):
    """Fenced yaml blocks of the docs, by the file name on their first line."""
    blocks = {}
    for m in re.finditer(r"^```yaml\n(.*?)^```$", markdown, re.S | re.M):
        text = m.group(1)
        first = text.split("\n", 1)[0].lstrip("# ").strip()
        if first in DOC_NAMES:
            blocks[first] = text
    return blocks


def commands(shell_text):
    """Each simple command of a shell script, as its list of words."""
    text = re.sub(r"\$\{\{.*?\}\}", "X", shell_text)  # GitHub expressions
    found = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|")
        lexer.whitespace_split = True
        lexer.commenters = "#"
        words = []
        for token in list(lexer) + [";"]:
            if token and set(token) <= set(";&|"):
                if words:
                    found.append(words)
                words = []
                continue
            if not words and (token in SHELL_KEYWORDS or re.match(r"^\w+=", token)):
                continue
            words.append(token)
    return found


class ClerkHelp:
    """`clerk ... --help`, once per command."""

    def __init__(self, binary):
        self.binary, self.cache = binary, {}

    def help(self, path):
        key = tuple(path)
        if key not in self.cache:
            r = run([self.binary, *path, "--help"]) if path else run([self.binary, "--help"])
            self.cache[key] = r.stdout + r.stderr if r.returncode == 0 else None
        return self.cache[key]


def lists_subcommand(help_text, name):
    """Whether a --help text lists `name` under its subcommands."""
    section = help_text.split("Subcommands:", 1)
    return len(section) == 2 and re.search(r"^\s+" + re.escape(name) + r"\b",
                                           section[1], re.M) is not None


def check_clerk(words, where, clerk, problems):
    path = []
    for w in words[1:]:
        if w.startswith("-"):
            break
        parent = clerk.help(path)
        path.append(w)
        if parent is None or not lists_subcommand(parent, w) or clerk.help(path) is None:
            problems.add(where, f"'clerk {' '.join(path)}' is not a clerk command")
            return
        if path[0] != "new":
            break
    if not path:
        problems.add(where, "clerk without a command")
        return
    text = clerk.help(path)
    for w in words[1:]:
        if w.startswith("--"):
            option = w.split("=", 1)[0]
            if not re.search(re.escape(option) + r"\b", text):
                problems.add(where, f"clerk {' '.join(path)} has no option {option}")


def installed_by(recipe_commands):
    packages = set()
    for words in recipe_commands:
        if words[:2] == ["apt-get", "install"]:
            packages |= {w for w in words[2:] if not w.startswith("-") and "/" not in w}
    return packages


PACKAGES = {}


def is_debian_package(name):
    """Installed here (the tests install what the recipes do), else known to apt."""
    if name not in PACKAGES:
        PACKAGES[name] = run(["dpkg-query", "-W", name]).returncode == 0 or \
            run(["apt-cache", "show", name]).returncode == 0
    return PACKAGES[name]


def check_program(words, where, packages, problems):
    program = words[0]
    if program in SHELL_BUILTINS:
        return
    if program in COMPILERS or program.startswith("./"):
        problems.add(where, f"runs {program}: the recipes must not compile Clerk")
        return
    if program == "git" and len(words) > 1 and not words[1].startswith("-"):
        sub = words[1]
        listed = run(["git", "--list-cmds=main,others"]).stdout.split()
        if sub not in listed and not shutil.which("git-" + sub):
            problems.add(where, f"'git {sub}' is not a git command here (git-{sub})")
    if not shutil.which(program):
        problems.add(where, f"{program} is not a program on this Debian 12 machine")
    if words[:2] == ["apt-get", "install"]:
        for package in installed_by([words]):
            if not is_debian_package(package):
                problems.add(where, f"{package} is not a Debian 12 package")


def check_commands(name, scripts, clerk, problems):
    all_commands = [c for s in scripts for c in commands(s)]
    packages = installed_by(all_commands)
    named = []
    for words in all_commands:
        where = f"{name}: {' '.join(words)}"
        if words[0] == "clerk":
            check_clerk(words, where, clerk, problems)
            named.append(" ".join(w for w in words[:2]))
        else:
            check_program(words, where, packages, problems)
    for needed in ("clerk check", "clerk build", "clerk deploy"):
        if needed not in named:
            problems.add(name, f"does not run {needed}")
    for words in all_commands:
        if words[:2] == ["clerk", "check"] and "--strict" not in words:
            problems.add(name, "clerk check runs without --strict")
    if "clerk.deb" not in " ".join(" ".join(c) for c in all_commands):
        problems.add(name, "does not install the released package (clerk.deb)")


def check_github(text, clerk, problems):
    name = ".github/workflows/publish.yml"
    doc = yaml.safe_load(text)
    on = doc.get("on", doc.get(True))  # YAML 1.1 reads a bare `on` as true
    if not isinstance(on, dict) or "push" not in on:
        problems.add(name, "does not run on push")
    jobs = doc.get("jobs") or {}
    if len(jobs) != 1:
        problems.add(name, "expected one job")
        return
    job = next(iter(jobs.values()))
    if job.get("container") != "debian:12":
        problems.add(name, "the job should run in the debian:12 container the .deb is for")
    steps = job.get("steps") or []
    uses = [s.get("uses", "") for s in steps]
    index = {u.split("@")[0]: i for i, u in enumerate(uses) if u}
    if "actions/checkout" not in index:
        problems.add(name, "no actions/checkout step")
    elif (steps[index["actions/checkout"]].get("with") or {}).get("fetch-depth") != 0:
        problems.add(name, "checkout without fetch-depth: 0 (git restore-mtime needs history)")
    runs = [s.get("run", "") for s in steps]
    build = next((i for i, r in enumerate(runs) if re.search(r"\bclerk build\b", r)), None)
    if "actions/cache" not in index:
        problems.add(name, "no actions/cache step: every run would build from nothing")
    else:
        cache = steps[index["actions/cache"]].get("with") or {}
        key, restore = str(cache.get("key", "")), str(cache.get("restore-keys", ""))
        if cache.get("path") not in ("public", "public/"):
            problems.add(name, "the cache does not keep public/ (the site and its caches)")
        if "github.sha" not in key:
            problems.add(name, "the cache key does not change with each commit (it would never be saved again)")
        if not restore or not key.startswith(restore.strip()):
            problems.add(name, "restore-keys is not a prefix of key: a new commit would not restore the last build")
        if build is None or index["actions/cache"] > build:
            problems.add(name, "the cache is restored after clerk build")
    deploy = [s for s in steps if "clerk deploy" in s.get("run", "")]
    if not deploy or (deploy[0].get("env") or {}).get("CLERK_DEPLOY_KEY") != \
            "${{ secrets.CLERK_DEPLOY_KEY }}":
        problems.add(name, "the deploy step does not take CLERK_DEPLOY_KEY from a secret")
    if "vars.CLERK_DEB_URL" not in text:
        problems.add(name, "the package address is not the variable CLERK_DEB_URL")
    check_commands(name, runs, clerk, problems)


def check_gitlab(text, clerk, problems):
    name = ".gitlab-ci.yml"
    doc = yaml.safe_load(text)
    jobs = {k: v for k, v in doc.items() if isinstance(v, dict) and "script" in v}
    if len(jobs) != 1:
        problems.add(name, "expected one job")
        return
    job = next(iter(jobs.values()))
    if job.get("image") != "debian:12":
        problems.add(name, "the job should run in the debian:12 image the .deb is for")
    cache = job.get("cache") or {}
    if "public/" not in (cache.get("paths") or []) or not cache.get("key"):
        problems.add(name, "no cache: of public/ with a key")
    if str((job.get("variables") or {}).get("GIT_DEPTH")) != "0":
        problems.add(name, "GIT_DEPTH is not 0 (git restore-mtime needs history)")
    scripts = [*(job.get("before_script") or []), *(job.get("script") or [])]
    # A File variable is the name of a file holding the key: clerk reads it.
    # Printing it into a file or a command line would be a masked variable's way.
    for line in scripts:
        if "CLERK_DEPLOY_KEY" in line:
            problems.add(name, f"uses CLERK_DEPLOY_KEY in the script ({line}); "
                               "it is a File variable clerk deploy reads itself")
    if not re.search(r"CLERK_DEPLOY_KEY\s+Type \"File\"", text):
        problems.add(name, "does not say CLERK_DEPLOY_KEY is a File variable")
    if "$CLERK_DEB_URL" not in text:
        problems.add(name, "the package address is not the variable CLERK_DEB_URL")
    check_commands(name, scripts, clerk, problems)


INIT_WRITES = {}
HELP = {}


def init_writes(clerk_binary):
    """The recipes `clerk init` writes (once per run of this script)."""
    if not INIT_WRITES:
        with tempfile.TemporaryDirectory() as tmp:
            site = os.path.join(tmp, "site")
            r = run([clerk_binary, "init", site, "--today", "2026-12-04"])
            if r.returncode != 0:
                raise SystemExit(f"clerk init failed: {r.stdout}{r.stderr}")
            INIT_WRITES.update({n: open(os.path.join(site, n)).read() for n in DOC_NAMES})
    return dict(INIT_WRITES)


def check_all(clerk_binary, source_dir, recipes=None):
    """Problems with the recipes; `recipes` replaces what clerk init writes."""
    problems = Problems()
    clerk = HELP.setdefault(clerk_binary, ClerkHelp(clerk_binary))
    written = init_writes(clerk_binary)
    recipes = recipes or written
    docs = doc_blocks(open(os.path.join(source_dir, "docs/publishing.md")).read())
    for n in DOC_NAMES:
        if n not in docs:
            problems.add("docs/publishing.md", f"no yaml block for {n}")
        elif docs[n] != written[n]:
            problems.add("docs/publishing.md", f"the {n} block is not what clerk init writes")
    check_github(recipes[DOC_NAMES[0]], clerk, problems)
    check_gitlab(recipes[DOC_NAMES[1]], clerk, problems)
    return problems


def selftest(clerk_binary, source_dir):
    """Each fault, put into a recipe, must be reported."""
    good = init_writes(clerk_binary)
    gh, gl = DOC_NAMES
    faults = [
        (gh, "clerk build", "clerk biuld", "not a clerk command"),
        (gh, "--target", "--targte", "has no option --targte"),
        (gh, "clerk check --strict", "clerk check", "without --strict"),
        (gh, "          git restore-mtime\n", "          git restore-mtimes\n", "not a git command"),
        (gh, "curl -fsSL", "curlx -fsSL", "curlx is not a program"),
        (gh, "ca-certificates curl", "ca-certificates curl-tools", "not a Debian 12 package"),
        (gh, "${{ github.sha }}", "main", "does not change with each commit"),
        (gh, "restore-keys: clerk-public-", "restore-keys: other-", "not a prefix"),
        (gh, "fetch-depth: 0", "fetch-depth: 1", "fetch-depth"),
        (gh, "${{ secrets.CLERK_DEPLOY_KEY }}", "${{ vars.CLERK_DEPLOY_KEY }}", "from a secret"),
        (gh, "      - run: clerk build\n", "      - run: cmake --build build\n      - run: clerk build\n", "must not compile"),
        (gl, "      - public/", "      - build/", "no cache: of public/"),
        (gl, "GIT_DEPTH: \"0\"", "GIT_DEPTH: \"20\"", "GIT_DEPTH"),
        (gl, "    - clerk build", "    - echo \"$CLERK_DEPLOY_KEY\" > key\n    - clerk build", "File variable clerk deploy reads"),
        (gl, "Type \"File\"", "Masked", "is a File variable"),
        (gl, "clerk deploy --target", "clerk deploy --tagret", "has no option --tagret"),
        (gl, "    - clerk build", "    - ./run", "must not compile"),
    ]
    failed = 0
    for name, old, new, expected in faults:
        if old not in good[name]:
            print(f"selftest: '{old}' is not in {name}")
            failed += 1
            continue
        recipes = dict(good)
        recipes[name] = good[name].replace(old, new, 1)
        found = check_all(clerk_binary, source_dir, recipes)
        if not any(expected in p for p in found):
            print(f"selftest: {name} with '{new}' was not reported as '{expected}': {found}")
            failed += 1
    clean = check_all(clerk_binary, source_dir)
    print(f"{len(faults) - failed} passed, {failed} failed (faults caught)")
    return failed == 0 and not clean


def main(argv):
    if argv[1:2] == ["--selftest"]:
        return 0 if selftest(argv[2], argv[3]) else 1
    problems = check_all(argv[1], argv[2])
    for p in problems:
        print(p)
    if problems:
        print(f"0 passed, {len(problems)} failed")
        return 1
    print("check_recipes: the GitHub and GitLab recipes (clerk init's and the docs') "
          "parse, keep public/ between runs, and name only real commands")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
