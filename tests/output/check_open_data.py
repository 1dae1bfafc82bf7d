#!/usr/bin/python3
"""check_open_data.py SITE_DIR SOURCE_DIR: the built site's JSON open data
against the JSON Schemas in docs/schemas/ (Debian's python3-jsonschema; run
with /usr/bin/python3), plus completeness: data/meetings.json and
data/decisions.json are indexes of months, each month's file linked from
them with its true counts, no file unlinked, every meeting folder of the
source in exactly one month (its own) and one data/meetings/<id>.json;
data/work-programmes.json an index of one file per programme
(data/work-programmes/<id>.json), each linked with its true row count, none
unlinked, every work programme of the source there once; and text:
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

def local_path(url, folder="data/months/"):
    """data/months/... (or another folder of data/) from a file's URL,
    absolute or root-relative."""
    at = url.find("/" + folder)
    return url[at + 1:] if at >= 0 else url


def months_of(index_rel, index_schema, month_schema, keys):
    """The entries of every month file the index links, after checking each
    against its schema, its counts and its month; and no month file unlinked."""
    index = check(index_rel, index_schema)
    entries = {k: [] for k in keys}
    if index is None or "months" not in index or "counts" not in index:
        return entries  # reported by the schema
    linked = set()
    for listed in index["months"]:
        rel = local_path(listed["url"])
        linked.add(rel)
        month = check(rel, month_schema)
        if month is None:
            continue
        if month["month"] != listed["month"]:
            problems.append(f"{rel}: month {month['month']}, listed as {listed['month']}")
        for k in keys:
            if len(month[k]) != listed[k]:
                problems.append(f"{index_rel}: {listed['month']} lists {listed[k]} {k}, "
                                f"the file holds {len(month[k])}")
            for e in month[k]:
                if e.get("date", "")[:7] != month["month"]:
                    problems.append(f"{rel}: {k} {e.get('id')} of {e.get('date')} in the wrong month")
            entries[k] += month[k]
    for k in keys:
        if index["counts"][k] != len(entries[k]):
            problems.append(f"{index_rel}: counts.{k} is {index['counts'][k]}, "
                            f"the months hold {len(entries[k])}")
    on_disk = set()
    months_dir = os.path.join(site, "data", "months")
    if os.path.isdir(months_dir):
        for m in os.listdir(months_dir):
            if os.path.isfile(os.path.join(months_dir, m, f"{keys[0]}.json")):
                on_disk.add(f"data/months/{m}/{keys[0]}.json")
    for rel in sorted(on_disk - linked):
        problems.append(f"{rel}: not linked from {index_rel}")
    return entries


ids = [m.get("id") for m in
       months_of("data/meetings.json", "meetings.schema.json", "meetings-month.schema.json",
                 ["meetings"])["meetings"]]
if sorted(ids) != meetings:
    problems.append(f"data/meetings.json: the months' meetings {ids} do not match the folders "
                    f"{meetings} (each exactly once)")
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
decisions = months_of("data/decisions.json", "decisions.schema.json",
                      "decisions-month.schema.json", ["decisions", "actions"])
if not decisions["decisions"]:
    problems.append("data/decisions.json: no decisions, but the example minutes record resolutions")

def ids_of(folder):
    path = os.path.join(source, "content", folder)
    if not os.path.isdir(path):
        return []
    return sorted(f[:-5] for f in os.listdir(path) if f.endswith(".yaml"))


def work_programmes(index_rel):
    """The ids of the programme files the index links, after checking each
    against its schema, its id, its listed row count and committee; the
    index's counts against the files; and no programme file unlinked."""
    index = check(index_rel, "work-programmes.schema.json")
    if index is None or "work_programmes" not in index or "counts" not in index:
        return []  # reported by the schema
    ids, linked, rows = [], set(), 0
    for listed in index["work_programmes"]:
        rel = local_path(listed["url"], "data/work-programmes/")
        linked.add(rel)
        ids.append(listed["id"])
        one = check(rel, "work-programme.schema.json")
        if one is None:
            continue
        for key in ("id", "committee_id", "title", "period"):
            if one[key] != listed[key]:
                problems.append(f"{rel}: {key} {one[key]!r}, listed as {listed[key]!r}")
        if len(one["rows"]) != listed["rows"]:
            problems.append(f"{index_rel}: {listed['id']} lists {listed['rows']} rows, "
                            f"the file holds {len(one['rows'])}")
        rows += len(one["rows"])
    if index["counts"] != {"work_programmes": len(ids), "rows": rows}:
        problems.append(f"{index_rel}: counts {index['counts']}, the files hold "
                        f"{len(ids)} programmes and {rows} rows")
    folder = os.path.join(site, "data", "work-programmes")
    on_disk = set()
    if os.path.isdir(folder):
        on_disk = {f"data/work-programmes/{f}" for f in os.listdir(folder) if f.endswith(".json")}
    for rel in sorted(on_disk - linked):
        problems.append(f"{rel}: not linked from {index_rel}")
    return ids


got = sorted(work_programmes("data/work-programmes.json"))
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
