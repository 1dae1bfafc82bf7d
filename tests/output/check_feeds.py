#!/usr/bin/python3
"""check_feeds.py SITE_DIR SOURCE_DIR: the Atom feeds (feed.xml and
committees/<id>/feed.xml) parsed by an XML parser and checked against the
elements RFC 4287 requires: feed id, title, updated, author (or one per
entry), link rel=self; entry id, title, updated, link rel=alternate, unique
ids, RFC 3339 dates, entries newest first, at most 200 (kFeedEntries in
generator/output/atom_feed.h). feed.xml must list every paper (each .md of
a meeting folder but minutes.md) and every minutes, as long as there are no
more than 200 of them (the example site has fewer); every
relative link must name a file of the site. Also sitemap.xml (every standard
page, well-formed, absolute <loc>s when the site has a base URL; an index is
followed to each of its files, none over 5,000,000 bytes) and robots.txt."""
import os
import re
import sys
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlparse, urldefrag

site, source = sys.argv[1], sys.argv[2]
require_sitemap = "--sitemap" in sys.argv[3:]  # a site built with a base URL
A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
problems = []


def check_feed(rel):
    path = os.path.join(site, rel)
    if not os.path.isfile(path):
        problems.append(f"{rel}: missing")
        return []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        problems.append(f"{rel}: not well-formed XML: {e}")
        return []
    if root.tag != A + "feed":
        problems.append(f"{rel}: root is {root.tag}, not an Atom feed")
        return []
    for tag in ("id", "title", "updated"):
        if len(root.findall(A + tag)) != 1 or not (root.find(A + tag).text or "").strip():
            problems.append(f"{rel}: feed needs exactly one non-empty <{tag}>")
    if not RFC3339.match(root.findtext(A + "updated") or ""):
        problems.append(f"{rel}: feed <updated> is not an RFC 3339 date")
    if not [l for l in root.findall(A + "link") if l.get("rel") == "self"]:
        problems.append(f"{rel}: no <link rel=\"self\">")
    feed_author = root.find(A + "author") is not None
    ids, dates, hrefs = set(), [], []
    for n, entry in enumerate(root.findall(A + "entry"), 1):
        for tag in ("id", "title", "updated"):
            if len(entry.findall(A + tag)) != 1 or not (entry.find(A + tag).text or "").strip():
                problems.append(f"{rel}: entry {n} needs exactly one non-empty <{tag}>")
        eid = entry.findtext(A + "id")
        if eid in ids:
            problems.append(f"{rel}: entry id {eid} is not unique")
        ids.add(eid)
        updated = entry.findtext(A + "updated") or ""
        if not RFC3339.match(updated):
            problems.append(f"{rel}: entry {n} <updated> {updated!r} is not an RFC 3339 date")
        dates.append(updated)
        if not feed_author and entry.find(A + "author") is None:
            problems.append(f"{rel}: entry {n} has no <author> and the feed has none")
        alt = [l for l in entry.findall(A + "link") if l.get("rel", "alternate") == "alternate"]
        if len(alt) != 1:
            problems.append(f"{rel}: entry {n} needs one <link rel=\"alternate\">")
            continue
        href = alt[0].get("href", "")
        hrefs.append(href)
        if not urlparse(href).scheme:  # relative to the feed: must be a page of the site
            target = urldefrag(urljoin(rel, href))[0]  # an entry may be an anchor of a page
            if target.endswith("/"):
                target += "index.html"
            if not os.path.isfile(os.path.join(site, target)):
                problems.append(f"{rel}: entry {n} links to {href}, which is not in the site")
    if dates != sorted(dates, reverse=True):
        problems.append(f"{rel}: entries are not newest first")
    if len(dates) > FEED_ENTRIES:
        problems.append(f"{rel}: {len(dates)} entries, more than the {FEED_ENTRIES} a feed holds")
    return hrefs


FEED_ENTRIES = 200  # kFeedEntries in generator/output/atom_feed.h

meetings_dir = os.path.join(source, "content", "meetings")
expected = []
for m in sorted(os.listdir(meetings_dir)):
    folder = os.path.join(meetings_dir, m)
    if not os.path.isfile(os.path.join(folder, "meeting.yaml")):
        continue
    for f in sorted(os.listdir(folder)):
        if f == "minutes.md":
            expected.append(f"meetings/{m}/minutes/")
        elif f.endswith(".md") and not f.endswith(".easy.md"):
            expected.append(f"meetings/{m}/{f[:-3]}/")

hrefs = check_feed("feed.xml")
if len(expected) > FEED_ENTRIES:
    problems.append(f"the site has {len(expected)} papers and minutes: this check needs "
                    f"at most {FEED_ENTRIES} (the newest are in the feed)")
found = {re.sub(r"index\.html$", "", urlparse(h).path.lstrip("/")) for h in hrefs}
for e in expected:
    if not any(f.endswith(e) for f in found):
        problems.append(f"feed.xml: no entry for {e}")
for c in sorted(os.listdir(os.path.join(source, "content", "committees"))):
    if c.endswith(".yaml"):
        check_feed(f"committees/{c[:-5]}/feed.xml")
# Forward plans: one entry per decision of each plan with a publication date.
plans_dir = os.path.join(source, "content", "forward-plans")
if os.path.isdir(plans_dir) and any(f.endswith(".yaml") for f in os.listdir(plans_dir)):
    check_feed("forward-plans/feed.xml")

# sitemap.xml and robots.txt. sitemap.xml is one <urlset>, or an index of
# sitemap-N.xml files (a site too big for one file, generator/output/sitemap.h),
# each a <urlset>; no file over 5,000,000 bytes.
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_BYTES = 5000000


def sitemap_root(rel):
    """The parsed root of a sitemap file of the site, or None (a problem noted)."""
    path = os.path.join(site, rel)
    if not os.path.isfile(path):
        problems.append(f"{rel}: missing, though sitemap.xml names it")
        return None
    if os.path.getsize(path) > MAX_BYTES:
        problems.append(f"{rel}: {os.path.getsize(path)} bytes, over {MAX_BYTES}")
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as e:
        problems.append(f"{rel}: not well-formed XML: {e}")
        return None


def sitemap_locs():
    """Every page <loc> of sitemap.xml, following it when it is an index."""
    root = sitemap_root("sitemap.xml")
    if root is None:
        return []
    if root.tag == SM + "urlset":
        return [u.findtext(SM + "loc") or "" for u in root.findall(SM + "url")]
    if root.tag != SM + "sitemapindex":
        problems.append("sitemap.xml: root is not a sitemaps.org <urlset> or <sitemapindex>")
        return []
    locs = []
    for entry in root.findall(SM + "sitemap"):
        rel = urlparse(entry.findtext(SM + "loc") or "").path.rsplit("/", 1)[-1]
        part = sitemap_root(rel)
        if part is None:
            continue
        if part.tag != SM + "urlset":
            problems.append(f"{rel}: root is not a sitemaps.org <urlset>")
        locs += [u.findtext(SM + "loc") or "" for u in part.findall(SM + "url")]
    return locs


sm = os.path.join(site, "sitemap.xml")
if require_sitemap and not os.path.isfile(sm):
    problems.append("sitemap.xml: missing, though the site has a base URL")
if os.path.isfile(sm):
    locs = sitemap_locs()
    if not locs:
        problems.append("sitemap.xml: no <url>")
    if len(set(locs)) != len(locs):
        problems.append("sitemap.xml: a <loc> appears twice")
    for loc in locs:
        if not urlparse(loc).scheme:
            problems.append(f"sitemap.xml: <loc>{loc}</loc> is not an absolute URL")
            break
    # The home page's address is the shortest, and every other starts with it:
    # a set of the rest finds each page at once (the loop below alone is
    # quadratic: 54,378 pages by 199,578 URLs at 10,000 meetings).
    base = min(locs, key=len) if locs else ""
    listed = {loc[len(base):] for loc in locs if loc.startswith(base)}
    for e in expected:
        if e not in listed and not any(loc.endswith("/" + e) for loc in locs):
            problems.append(f"sitemap.xml: no <url> for {e}")
robots = os.path.join(site, "robots.txt")
if not os.path.isfile(robots):
    problems.append("robots.txt: missing")
elif "User-agent:" not in open(robots, encoding="utf-8").read():
    problems.append("robots.txt: no User-agent line")

for p in problems:
    print(p)
print(f"check_feeds: {len(expected)} papers and minutes; {len(problems)} problem{'s' if len(problems) != 1 else ''}")
sys.exit(1 if problems else 0)
