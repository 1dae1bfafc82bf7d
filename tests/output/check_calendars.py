#!/usr/bin/python3
"""check_calendars.py SITE_DIR SOURCE_DIR: the built site's iCalendar files,
read by an independent parser (Debian's python3-icalendar), not by libical.

Checks: every .ics parses; CRLF line endings and lines of at most 75 octets
(RFC 5545 3.1); meetings.ics (to subscribe to) has one VEVENT per meeting
folder of the source from the first day its X-WR-CALDESC names on (the build's
date a year earlier: no calendar app reloads an archive of thousands every few
hours), each committee its own calendar with its meetings of that window;
calendars/<year>.ics together hold every meeting exactly once, each in its
year; each meeting its own meeting.ics; UIDs unique and the same in every file; DTSTART/DTEND in
Europe/London with a VTIMEZONE; DTSTAMP in UTC; cancelled or postponed
meetings have STATUS:CANCELLED. Run with /usr/bin/python3 (Debian's
packages live there, not in a pyenv python)."""
import datetime
import os
import re
import sys

try:
    import icalendar
except ImportError:
    print("check_calendars: python3-icalendar is missing (apt-get install python3-icalendar)")
    sys.exit(2)

site, source = sys.argv[1], sys.argv[2]
problems = []


def problem(path, msg):
    problems.append(f"{os.path.relpath(path, site)}: {msg}")


def load(path):
    raw = open(path, "rb").read()
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problem(path, "does not end with CRLF")
    for n, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problem(path, f"line {n}: bare LF or CR (lines must end with CRLF)")
        if len(line) > 75:
            problem(path, f"line {n}: {len(line)} octets, longer than 75 (not folded)")
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001 - any parse failure is a finding
        problem(path, f"does not parse: {e}")
        return None
    if str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        problem(path, "VERSION:2.0 and PRODID are required")
    tzids = [str(tz.get("TZID")) for tz in cal.walk("VTIMEZONE")]
    if "Europe/London" not in tzids:
        problem(path, "no VTIMEZONE for Europe/London")
    return cal


def meeting_status(folder):
    for line in open(os.path.join(folder, "meeting.yaml"), encoding="utf-8"):
        if line.startswith("status:"):
            return line.split(":", 1)[1].split("#")[0].strip()
    return ""


def meeting_committee(folder):
    for line in open(os.path.join(folder, "meeting.yaml"), encoding="utf-8"):
        if line.startswith("committee:"):
            return line.split(":", 1)[1].split("#")[0].strip()
    return ""


meetings_dir = os.path.join(source, "content", "meetings")
meetings = sorted(d for d in os.listdir(meetings_dir)
                  if os.path.isfile(os.path.join(meetings_dir, d, "meeting.yaml")))
committees = sorted(f[:-5] for f in os.listdir(os.path.join(source, "content", "committees"))
                    if f.endswith(".yaml"))

uids = {}  # meeting id -> uid


def check_events(path, cal, expect_ids):
    seen = []
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID", ""))
        mid = uid.split("@")[0].removeprefix("clerk-meeting-")
        seen.append(mid)
        if mid in uids and uids[mid] != uid:
            problem(path, f"UID {uid} differs from {uids[mid]} in another calendar")
        uids.setdefault(mid, uid)
        for key in ("DTSTART", "DTEND"):
            prop = ev.get(key)
            if prop is None:
                problem(path, f"{uid}: no {key}")
            elif prop.params.get("VALUE") == "DATE":
                # A meeting whose time the papers do not give: a whole-day
                # event (RFC 5545 3.6.1), both ends dates, no time invented.
                if type(ev.decoded(key)) is not datetime.date:
                    problem(path, f"{uid}: {key} says VALUE=DATE but holds a time")
                other = "DTEND" if key == "DTSTART" else "DTSTART"
                if ev.get(other) is not None and ev.get(other).params.get("VALUE") != "DATE":
                    problem(path, f"{uid}: {key} is a date but {other} is not")
            elif prop.params.get("TZID") != "Europe/London":
                problem(path, f"{uid}: {key} is not in Europe/London")
        if ev.get("DTSTART") and ev.get("DTEND") and ev.decoded("DTEND") <= ev.decoded("DTSTART"):
            problem(path, f"{uid}: DTEND is not after DTSTART")
        stamp = ev.get("DTSTAMP")
        if stamp is None or ev.decoded("DTSTAMP").utcoffset() is None or \
                ev.decoded("DTSTAMP").utcoffset().total_seconds() != 0:
            problem(path, f"{uid}: DTSTAMP missing or not UTC")
        if not isinstance(ev.get("SEQUENCE"), int) and ev.get("SEQUENCE") is None:
            problem(path, f"{uid}: no SEQUENCE")
        if mid in meetings:
            status = meeting_status(os.path.join(meetings_dir, mid))
            got = str(ev.get("STATUS", ""))
            if status in ("cancelled", "postponed") and got != "CANCELLED":
                problem(path, f"{uid}: meeting is {status} but STATUS is {got or 'missing'}")
            if status not in ("cancelled", "postponed") and got == "CANCELLED":
                problem(path, f"{uid}: meeting is {status} but STATUS is CANCELLED")
        for key in ("SUMMARY", "LOCATION"):
            if not ev.get(key) and key == "SUMMARY":
                problem(path, f"{uid}: no {key}")
    if len(set(seen)) != len(seen):
        problem(path, "the same UID appears twice")
    if sorted(seen) != sorted(expect_ids):
        missing = sorted(set(expect_ids) - set(seen))
        extra = sorted(set(seen) - set(expect_ids))
        problem(path, f"events do not match the meetings: missing {missing}, unexpected {extra}")


def window_start(path, cal):
    """The first date a subscribed calendar holds, from its description
    ("Meetings from 2025-12-04 on: ..."); "" (all) when it names none."""
    desc = str(cal.get("X-WR-CALDESC", ""))
    m = re.match(r"Meetings from (\d{4}-\d{2}-\d{2}) on", desc)
    if desc and not m:
        problem(path, f"X-WR-CALDESC does not say from when: {desc[:80]!r}")
    return m.group(1) if m else ""


start = ""
all_path = os.path.join(site, "meetings.ics")
if not os.path.isfile(all_path):
    problem(all_path, "missing")
else:
    cal = load(all_path)
    if cal is not None:
        start = window_start(all_path, cal)
        if start and "calendars/" not in str(cal.get("X-WR-CALDESC", "")):
            problem(all_path, "X-WR-CALDESC does not say where earlier meetings are")
        check_events(all_path, cal, [m for m in meetings if m[:10] >= start])

# The archive: every meeting once, in the calendar of its year.
archived = []
cal_dir = os.path.join(site, "calendars")
years = sorted(f for f in os.listdir(cal_dir)) if os.path.isdir(cal_dir) else []
for f in years:
    path = os.path.join(cal_dir, f)
    if not re.fullmatch(r"\d{4}\.ics", f):
        problem(path, "not a year's calendar (calendars/<year>.ics)")
        continue
    cal = load(path)
    if cal is None:
        continue
    in_year = [m for m in meetings if m[:4] == f[:4]]
    check_events(path, cal, in_year)
    archived += [str(ev.get("UID", "")).split("@")[0].removeprefix("clerk-meeting-")
                 for ev in cal.walk("VEVENT")]
if sorted(archived) != meetings:
    problem(cal_dir, f"the years' calendars hold {len(archived)} events "
                     f"({len(set(archived))} meetings), not each of the {len(meetings)} once")

for c in committees:
    path = os.path.join(site, "committees", c, "meetings.ics")
    if not os.path.isfile(path):
        problem(path, "missing")
        continue
    cal = load(path)
    if cal is not None:
        if window_start(path, cal) != start:
            problem(path, f"holds meetings from {window_start(path, cal) or 'any date'}, "
                          f"meetings.ics from {start or 'any date'}")
        check_events(path, cal, [m for m in meetings if m[:10] >= start and
                                 meeting_committee(os.path.join(meetings_dir, m)) == c])

for m in meetings:
    path = os.path.join(site, "meetings", m, "meeting.ics")
    if not os.path.isfile(path):
        problem(path, "missing")
        continue
    cal = load(path)
    if cal is not None:
        check_events(path, cal, [m])

for p in problems:
    print(p)
print(f"check_calendars: {len(meetings)} meetings, {len(committees)} committees; "
      f"{len(problems)} problem{'s' if len(problems) != 1 else ''}")
sys.exit(1 if problems else 0)
