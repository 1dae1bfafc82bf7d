#!/usr/bin/env python3
"""Validates every content file of the given sites against the JSON Schemas
`clerk schema` wrote (tests/schema/, CMakeLists.txt): site.yaml, every YAML
file under content/, and the front matter of every paper, minutes and
easy-read version. A valid site must pass: the schemas may never flag what
Clerk accepts. Usage: validate_sites.py SCHEMA_DIR SITE...
"""
import json
import pathlib
import sys

import jsonschema

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import yaml12  # noqa: E402


def kind_of(relative):
    """The schema a file of the site is checked against, or None."""
    parts = relative.parts
    name = relative.name
    if relative == pathlib.Path("site.yaml"):
        return "site"
    if len(parts) < 2 or parts[0] != "content":
        return None
    if len(parts) == 2:
        return {"venues.yaml": "venues", "topics.yaml": "topics",
                "glossary.yaml": "glossary"}.get(name)
    folder = parts[1]
    if len(parts) == 3 and name.endswith(".yaml"):
        return {"committees": "committee", "people": "person",
                "work-programmes": "work-programme",
                "forward-plans": "forward-plan"}.get(folder)
    if len(parts) == 4 and folder == "meetings":
        if name == "meeting.yaml":
            return "meeting"
        if name == "minutes.md":
            return "minutes"
        if name.endswith(".easy.md"):
            return "easy-read"
        if name.endswith(".md"):
            return "paper"
    return None


def validators(schema_dir):
    out = {}
    for path in sorted(pathlib.Path(schema_dir).glob("*.schema.json")):
        schema = json.loads(path.read_text())
        jsonschema.Draft7Validator.check_schema(schema)
        out[path.name[: -len(".schema.json")]] = jsonschema.Draft7Validator(schema)
    return out


def problems_in(site, checks):
    """(files checked by kind, problems) for one site."""
    counts, problems = {}, []
    for path in [site / "site.yaml"] + sorted((site / "content").rglob("*")):
        relative = path.relative_to(site)
        kind = kind_of(relative)
        if kind is None or not path.is_file():
            continue
        text = path.read_text()
        if path.suffix == ".md":
            text = yaml12.front_matter(text)
            if text is None:
                problems.append(f"{path}: no front matter")
                continue
        data = yaml12.load(text)
        counts[kind] = counts.get(kind, 0) + 1
        for error in checks[kind].iter_errors(data):
            where = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"{path}: {where}: {error.message}")
    return counts, problems


def main():
    checks = validators(sys.argv[1])
    failed = False
    for site in map(pathlib.Path, sys.argv[2:]):
        counts, problems = problems_in(site, checks)
        print(site, dict(sorted(counts.items())))
        for p in problems:
            print(p)
        # A site with no content files checked proves nothing.
        failed |= bool(problems) or sum(counts.values()) < 5 or "site" not in counts
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
