#!/usr/bin/env python3
"""The schemas flag what an editor should underline, and Clerk's loader
flags the same file: a misspelt key (`venu:`), a list where a date goes, a
word that is not one of the choices, a required key left out. Each mistake is
made in a copy of tests/bad-input/base, which passes both as it is.
Usage: schema_catches_mistakes.py SCHEMA_DIR CLERK SOURCE_DIR
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import jsonschema

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import yaml12  # noqa: E402

MEETING = "content/meetings/2024-03-04-planning/meeting.yaml"
COMMITTEE = "content/committees/planning.yaml"
PAPER = "content/meetings/2024-03-04-planning/local-plan.md"

# (what, file, schema, text replaced, replacement, words the schema's error
# holds, words Clerk's message holds)
CASES = [
    ("a typo key", MEETING, "meeting", "venue: town-hall", "venu: town-hall",
     "'venu' was unexpected", "unknown key 'venu' in the meeting; did you mean 'venue'?"),
    ("a list where a date goes", COMMITTEE, "committee", "    from: 2023-05-01\n  - person: bo",
     "    from: [2023-05-01]\n  - person: bo", "is not of type 'string', 'null'",
     "expected text for 'from'"),
    ("a word that is not a choice", MEETING, "meeting", "status: held", "status: hold",
     "'hold' is not one of", "'hold' is not a valid status"),
    ("a required key left out", MEETING, "meeting", "committee: planning\n", "",
     "'committee' is a required property", "missing required field 'committee'"),
]


def validator(schema_dir, kind):
    schema = json.loads((pathlib.Path(schema_dir) / f"{kind}.schema.json").read_text())
    return jsonschema.Draft7Validator(schema)


def schema_errors(schema_dir, kind, path):
    text = path.read_text()
    if path.suffix == ".md":
        text = yaml12.front_matter(text)
    return [e.message for e in validator(schema_dir, kind).iter_errors(yaml12.load(text))]


def clerk_check(clerk, site):
    run = subprocess.run([clerk, "check", "--source", str(site), "--today", "2024-01-01"],
                         capture_output=True, text=True)
    return run.returncode, run.stdout + run.stderr


def main():
    schema_dir, clerk, source = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    base = source / "tests" / "bad-input" / "base"
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp) / "site"
        shutil.copytree(base, site)
        # The base passes both, so what follows is down to each mistake.
        for rel, kind in [(MEETING, "meeting"), (COMMITTEE, "committee"), (PAPER, "paper")]:
            if schema_errors(schema_dir, kind, site / rel):
                failures.append(f"the base {rel} fails its schema")
        code, out = clerk_check(clerk, site)
        if code != 0:
            failures.append(f"clerk check fails the base site:\n{out}")
        for what, rel, kind, old, new, schema_says, clerk_says in CASES:
            path = site / rel
            original = path.read_text()
            if old not in original:
                failures.append(f"{what}: '{old}' is not in {rel}")
                continue
            path.write_text(original.replace(old, new, 1))
            errors = schema_errors(schema_dir, kind, path)
            if not any(schema_says in e for e in errors):
                failures.append(f"{what}: the {kind} schema did not flag it: {errors}")
            code, out = clerk_check(clerk, site)
            if code != 1 or clerk_says not in out:
                failures.append(f"{what}: clerk check did not flag it ({code}):\n{out}")
            path.write_text(original)
            print(f"{what}: flagged by the schema ({errors[0] if errors else '-'})")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
