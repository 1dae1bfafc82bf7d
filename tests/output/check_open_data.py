#!/usr/bin/python3
"""check_open_data.py SITE_DIR SOURCE_DIR: the built site's JSON open data
against the JSON Schemas in docs/schemas/ (Debian's python3-jsonschema; run
with /usr/bin/python3), plus completeness: one entry in data/meetings.json
and one data/meetings/<id>.json per meeting folder of the source; and text:
no string of any data/*.json file holds Markdown (**, __, `, [text]() or an
"@/" reference (text in open data is plain, links are public URLs)."""
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:
    print("check_open_data: python3-jsonschema is missing (apt-get install python3-jsonschema)")
    sys.exit(2)

site, source = sys.argv[1], sys.argv[2]
schemas_dir = os.path.join(source, "docs", "schemas")
if not os.path.isdir(schemas_dir):  # a test site: Clerk's own schemas
    schemas_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "schemas")
schemas = {}
for f in sorted(os.listdir(schemas_dir)):
    if f.endswith(".schema.json"):
        schemas[f] = json.load(open(os.path.join(schemas_dir, f), encoding="utf-8"))
problems = []


def validator(name):
    schema = schemas[name]
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    # $ref "event.schema.json" resolves to the file beside it.
    resolver = jsonschema.RefResolver(base_uri=name, referrer=schema, store=dict(schemas))
    return cls(schema, resolver=resolver)


def check(rel, schema_name):
    path = os.path.join(site, rel)
    if not os.path.isfile(path):
        problems.append(f"{rel}: missing")
        return None
    try:
        data = json.load(open(path, encoding="utf-8"))
    except ValueError as e:
        problems.append(f"{rel}: not JSON: {e}")
        return None
    for err in sorted(validator(schema_name).iter_errors(data), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in err.absolute_path)
        problems.append(f"{rel}: {where or '(top)'}: {err.message[:200]}")
    return data


meetings_dir = os.path.join(source, "content", "meetings")
meetings = sorted(d for d in os.listdir(meetings_dir)
                  if os.path.isfile(os.path.join(meetings_dir, d, "meeting.yaml")))

data = check("data/meetings.json", "meetings.schema.json")
if data is not None:
    ids = [m.get("id") for m in data.get("meetings", [])]
    if sorted(ids) != meetings:
        problems.append(f"data/meetings.json: meetings {ids} do not match the folders {meetings}")
for m in meetings:
    one = check(f"data/meetings/{m}.json", "event.schema.json")
    if one is not None and one.get("id") != m:
        problems.append(f"data/meetings/{m}.json: id is {one.get('id')}")
committees = check("data/committees.json", "committees.schema.json")
if committees is not None:
    want = sorted(f[:-5] for f in os.listdir(os.path.join(source, "content", "committees"))
                  if f.endswith(".yaml"))
    got = sorted(c["id"] for c in committees["committees"])
    if got != want:
        problems.append(f"data/committees.json: committees {got}, expected {want}")
people = check("data/people.json", "people.schema.json")
if people is not None:
    want = sorted(f[:-5] for f in os.listdir(os.path.join(source, "content", "people"))
                  if f.endswith(".yaml"))
    got = sorted(p["id"] for p in people["people"])
    if got != want:
        problems.append(f"data/people.json: people {got}, expected {want}")
decisions = check("data/decisions.json", "decisions.schema.json")
if decisions is not None and not decisions["decisions"]:
    problems.append("data/decisions.json: no decisions, but the example minutes record resolutions")

def ids_of(folder):
    path = os.path.join(source, "content", folder)
    if not os.path.isdir(path):
        return []
    return sorted(f[:-5] for f in os.listdir(path) if f.endswith(".yaml"))


programmes = check("data/work-programmes.json", "work-programmes.schema.json")
if programmes is not None:
    got = sorted(w["id"] for w in programmes["work_programmes"])
    if got != ids_of("work-programmes"):
        problems.append(f"data/work-programmes.json: {got}, expected {ids_of('work-programmes')}")
if ids_of("forward-plans"):
    plans = check("data/forward-plans.json", "forward-plans.schema.json")
    if plans is not None:
        got = sorted(p["id"] for p in plans["forward_plans"])
        if got != ids_of("forward-plans"):
            problems.append(f"data/forward-plans.json: {got}, expected {ids_of('forward-plans')}")

# Text is plain and links are public: no Markdown or "@/" in any string.
MARKUP = re.compile(r"\*\*|__|`|\[[^\]\n]*\]\(|@/")


def strings(value, where):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, f"{where}/{i}")
    elif isinstance(value, dict):
        for k, v in value.items():
            if k != "sources":  # the source file's path, not text
                yield from strings(v, f"{where}/{k}")


data_dir = os.path.join(site, "data")
for root, _, files in os.walk(data_dir):
    for f in sorted(files):
        if not f.endswith(".json"):
            continue
        rel = os.path.relpath(os.path.join(root, f), site)
        try:
            value = json.load(open(os.path.join(root, f), encoding="utf-8"))
        except ValueError:
            continue  # reported above
        for where, text in strings(value, rel):
            m = MARKUP.search(text)
            if m:
                problems.append(f"{where}: Markdown or a site reference '{m.group(0)}' in "
                                f"open data, which holds plain text and public URLs: {text[:80]!r}")

for p in problems:
    print(p)
print(f"check_open_data: {len(meetings)} meetings; {len(problems)} problem{'s' if len(problems) != 1 else ''}")
sys.exit(1 if problems else 0)
