#!/usr/bin/python3
"""check_words.py SITE_DIR SOURCE_DIR [--selftest]: the words Clerk writes
itself must not contradict the papers (issue 17). Reads every built HTML page
of every rendition and every data/**/*.json, and fails, naming the file and
the offending text, on:

  upcoming  a meeting dated before the build's date listed as upcoming: in a
            list marked data-upcoming (its items' data-date, its meeting
            links), or under a heading that says "upcoming", "coming up" or
            "next meeting(s)" (the easy-read home) up to the next heading of
            the same level or higher. The build's date is read from the
            built site: the data-build-date attribute of the standard home
            page (index.html), written by themes/default/templates/home.mustache.
  glossary  a glossary expansion doubled: "((" or "( (", nested brackets of
            the expander's shape "X (X (ABC))", "A (B (C))", a bracket
            repeating what comes before it "Meaning (Meaning)", the same
            "(ABC)" twice in one sentence "words (ABC) model (ABC)", and
            (with SOURCE_DIR/content/glossary.yaml) one term written out in
            full more than once in a page's main content (large print's
            stacked copies of wide tables, which repeat the headings in each
            row, left out).
  cancelled a cancelled meeting's page, in any rendition, saying people
            will attend, be there, come or meet.
  tense     a held meeting's page, in any rendition, describing the meeting
            in the future tense ("will talk", "will decide", "will meet",
            "will be there", "Councillors will look at").
  open-data Markdown (**, __, [text](, backticks) or an "@/" site link left
            in a string of the open data.

Words quoted from the papers are not Clerk's own and are left out of the
cancelled and tense checks: a meeting's notice (notification banner), the
Markdown of papers ("prose") and agenda purposes. Each problem is one line;
the last line counts them by category. --selftest runs the checks over small
made-up sites and fails unless each category is caught (and a clean site
passes)."""
import json
import os
import re
import sys
import tempfile
from html.parser import HTMLParser

CATEGORIES = ("upcoming", "glossary", "cancelled", "tense", "open-data")
RENDITION_PREFIXES = ("", "large-print/", "easy-read/")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
UPCOMING_HEADING = re.compile(r"\b(upcoming|coming up|next meetings?)\b", re.I)
MEETING_LINK = re.compile(r"(?:^|/)meetings/([^/#?]+)/")
# Elements whose words are the papers' (or the clerk's notice), not Clerk's.
QUOTED_CLASS = re.compile(r"\b(prose|[\w-]*purpose[\w-]*|notification-banner__content)\b")
SKIP_TAGS = {"script", "style", "template", "noscript"}
BLOCKS = {"p", "li", "div", "td", "th", "dd", "dt", "br", "section", "article", "h1", "h2",
          "h3", "h4", "h5", "h6", "caption", "ul", "ol", "nav", "header", "footer", "main"}

ACTORS = (r"(?:councillors?|they|the committee|the board|the panel|the meeting|members|"
          r"council staff|staff|officers|people|the chair|someone|everyone|we|you)")
FUTURE_VERBS = (r"(?:talk|decide|discuss|meet|look at|look again|check|say|hear|agree|vote|"
                r"consider|ask|plan|choose|attend|come|explain|answer|tell|be asked|be told|"
                r"think about|set up|read|go through|find out|make|share|give|get|see)")
TENSE = re.compile(r"\bwill\s+be\s+there\b|\bwill\s+be\s+talked\s+about\b|"
                   r"(?:^|[.!?:]\s+)" + ACTORS + r"\s+will\s+(?:also\s+|then\s+|first\s+)?" + FUTURE_VERBS + r"\b",
                   re.I)
CANCELLED = re.compile(r"\b(?:will|is going to|are going to)\s+(?:also\s+|all\s+)?"
                       r"(?:attend|be\s+there|be\s+at\b|come|meet|join|take\s+part|be\s+present|"
                       r"watch|talk|decide|look\s+at|discuss)\b", re.I)
DOUBLE_OPEN = re.compile(r"\(\s*\(")
NESTED = re.compile(r"\([^()]*\s\([^()]+\)\s*\)")
SAME_ABBR = re.compile(r"\(([A-Z][\w&-]*[A-Z][\w&-]*)\)[^.()]{0,150}\(\1\)")
BRACKET = re.compile(r"\(([^()]{1,160})\)")
MARKDOWN = re.compile(r"\*\*|__|\[[^\]\n]*\]\(|`|@/")


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


class Page(HTMLParser):
    """A page's text in blocks, with what the checks need: the text outside
    quoted elements, the main content's text, data-build-date, and the
    upcoming lists' dates and meeting links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, quoted, upcoming, in_main)
        self.all_text, self.own_text, self.main_text = [], [], []
        self.build_date = None
        self.upcoming_dates, self.upcoming_links = [], []
        self.heading = None  # (level, words) while inside a heading
        self.upcoming_level = None  # level of the open upcoming heading
        self.skip = 0

    def state(self):
        return self.stack[-1][1:] if self.stack else (False, False, False)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        quoted, upcoming, in_main = self.state()
        if tag in SKIP_TAGS:
            self.skip += 1
        if "data-build-date" in a and self.build_date is None:
            self.build_date = a["data-build-date"]
        if QUOTED_CLASS.search(a.get("class") or ""):
            quoted = True
        if "data-upcoming" in a:
            upcoming = True
        if tag == "main":
            in_main = True
        # Large print's stacked copy of a wide table repeats its column
        # headings in every row, by design: counted once, in the table.
        if "stacked-table" in (a.get("class") or ""):
            in_main = False
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            if self.upcoming_level is not None and level <= self.upcoming_level:
                self.upcoming_level = None
            self.heading = (level, [])
        listed = upcoming or self.upcoming_level is not None
        if listed and "hidden" not in a:
            if a.get("data-date"):
                self.upcoming_dates.append(a["data-date"])
            if tag == "a" and a.get("href"):
                m = MEETING_LINK.search(a["href"])
                if m:
                    self.upcoming_links.append(m.group(1))
        # A list's "(Report, draft)" is Clerk's fixed words, apart from the title.
        if tag in BLOCKS or "document-list__kind" in (a.get("class") or ""):
            self.block()
        if tag not in VOID:
            self.stack.append((tag, quoted, upcoming, in_main))

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1
        if re.fullmatch(r"h[1-6]", tag) and self.heading:
            level, words = self.heading
            if UPCOMING_HEADING.search(" ".join(words)):
                self.upcoming_level = level
            self.heading = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in BLOCKS:
            self.block()

    def block(self):
        for parts in (self.all_text, self.own_text, self.main_text):
            parts.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        quoted, _, in_main = self.state()
        self.all_text.append(data)
        if not quoted:
            self.own_text.append(data)
        if in_main:
            self.main_text.append(data)
        if self.heading:
            self.heading[1].append(data)


def read_page(path):
    page = Page()
    with open(path, encoding="utf-8") as f:
        page.feed(f.read())
    page.close()
    return page


def lines_of(parts):
    return [squash(line) for line in "".join(parts).split("\n") if line.strip()]


def glossary_terms(source):
    path = os.path.join(source, "content", "glossary.yaml")
    if not os.path.isfile(path):
        return {}
    try:
        import yaml
    except ImportError:
        return {}
    data = yaml.safe_load(open(path, encoding="utf-8")) or {}
    terms = {}
    for term, entry in data.items():
        if isinstance(entry, dict) and isinstance(entry.get("expansion"), str) and \
                str(term) != entry["expansion"] and not entry.get("name"):
            terms[str(term)] = squash(entry["expansion"])
    return terms


def check_glossary(rel, page, terms, report):
    for line in lines_of(page.all_text):
        for rx, what in ((DOUBLE_OPEN, "brackets opened twice"),
                         (NESTED, "an expansion inside an expansion"),
                         (SAME_ABBR, "the same abbreviation twice in a sentence")):
            for m in rx.finditer(line):
                report("glossary", rel, f"{what}: {context(line, m.start(), m.end())}")
        for m in BRACKET.finditer(line):
            inner = squash(m.group(1))
            if len(inner) < 2:
                continue
            before = line[:m.start()].rstrip()
            if before.lower().endswith(inner.lower()):
                start = len(before) - len(inner)
                if start == 0 or not before[start - 1].isalnum():
                    report("glossary", rel,
                           f"a bracket repeats what comes before it: {context(line, start, m.end())}")
    if terms:
        main = " ".join(lines_of(page.main_text))
        for term, expansion in terms.items():
            written_out = f"{expansion} ({term})"
            n = main.count(written_out)
            if n > 1:
                report("glossary", rel, f"{term} written out {n} times: {written_out}")


def context(line, start, end, room=50):
    lo, hi = max(0, start - room), min(len(line), end + room)
    return ("..." if lo else "") + line[lo:hi] + ("..." if hi < len(line) else "")


def check_meeting_words(rel, page, status, report):
    if status == "cancelled":
        rx, what = CANCELLED, "cancelled, but says people will attend"
    elif status == "held":
        rx, what = TENSE, "held, but described in the future tense"
    else:
        return
    category = "cancelled" if status == "cancelled" else "tense"
    for line in lines_of(page.own_text):
        for m in rx.finditer(line):
            report(category, rel, f"{what}: {context(line, m.start(), m.end())}")


def check_open_data(site, rel, report):
    try:
        data = json.load(open(os.path.join(site, rel), encoding="utf-8"))
    except (OSError, ValueError) as e:
        report("open-data", rel, f"not JSON: {e}")
        return

    def walk(value, where):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")
        elif isinstance(value, str) and not re.match(r"^(https?|mailto|tel|file):|^/", value):
            for m in MARKDOWN.finditer(value):
                report("open-data", rel,
                       f"{where[1:]}: {m.group(0)!r} in {context(squash(value), m.start(), m.end(), 40)!r}")
                break

    walk(data, "")


def check_site(site, source):
    problems = []

    def report(category, rel, text):
        problems.append((category, rel, text))

    meetings = {}
    meetings_json = os.path.join(site, "data", "meetings.json")
    if os.path.isfile(meetings_json):
        # An index of months (data/months/<YYYY-MM>/meetings.json).
        for month in json.load(open(meetings_json, encoding="utf-8")).get("months", []):
            url = month.get("url", "")
            rel = url[url.find("/data/months/") + 1:] if "/data/months/" in url else url
            path = os.path.join(site, rel)
            if not os.path.isfile(path):
                report("upcoming", rel, "missing, but data/meetings.json links it")
                continue
            for m in json.load(open(path, encoding="utf-8")).get("meetings", []):
                meetings[m.get("id")] = (m.get("date") or "", m.get("clerk_status") or "")
    else:
        report("upcoming", "data/meetings.json", "missing: the meetings' dates and statuses")

    home = os.path.join(site, "index.html")
    build_date = read_page(home).build_date if os.path.isfile(home) else None
    if not build_date or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", build_date):
        report("upcoming", "index.html",
               "no data-build-date (the build's date) on the standard home page")
        build_date = None

    terms = glossary_terms(source)
    pages = []
    for root, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if d not in ("pagefind", "theme", "assets"))
        for f in sorted(files):
            path = os.path.join(root, f)
            rel = os.path.relpath(path, site).replace(os.sep, "/")
            if f.endswith(".html"):
                pages.append(rel)
            elif f.endswith(".json") and rel.startswith("data/"):
                check_open_data(site, rel, report)

    meeting_page = re.compile(r"^(?:large-print/|easy-read/)?meetings/([^/]+)/index\.html$")
    for rel in pages:
        page = read_page(os.path.join(site, rel))
        if build_date:
            for d in page.upcoming_dates:
                if d < build_date:
                    report("upcoming", rel, f"a meeting of {d}, before the build's date "
                                            f"{build_date}, is listed as upcoming")
            for mid in page.upcoming_links:
                d = meetings.get(mid, ("", ""))[0]
                if d and d < build_date:
                    report("upcoming", rel, f"meeting {mid} ({d}), before the build's date "
                                            f"{build_date}, is listed as upcoming")
        check_glossary(rel, page, terms if not rel.endswith("glossary/index.html") else {},
                       report)
        m = meeting_page.match(rel)
        if m and m.group(1) in meetings:
            check_meeting_words(rel, page, meetings[m.group(1)][1], report)

    # One line per problem (a repeat on the same page once).
    seen, unique = set(), []
    for p in problems:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    return unique


def summary(problems):
    counts = {c: 0 for c in CATEGORIES}
    for category, _, _ in problems:
        counts[category] += 1
    return ", ".join(f"{c} {counts[c]}" for c in CATEGORIES), counts


def main(site, source):
    problems = check_site(site, source)
    for category, rel, text in problems:
        print(f"{rel}: {category}: {text}")
    line, _ = summary(problems)
    print(f"check_words: {len(problems)} problems ({line}) in {site}")
    return 1 if problems else 0


# ---- self-test: small made-up sites, one fault of each kind ---------------

def page_html(body, build_date=None):
    attr = f' data-build-date="{build_date}"' if build_date else ""
    return (f'<!DOCTYPE html><html lang="en-GB"><head><title>x</title></head><body>'
            f'<main{attr}>{body}</main></body></html>')


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def make_site(root, faults):
    """A site built on 2026-12-03 with a past held meeting, a past cancelled
    one and a future one; `faults` adds one fault of each named kind."""
    meetings = [
        {"id": "2019-09-16-cyp", "date": "2019-09-16", "clerk_status": "held"},
        {"id": "2019-11-25-cyp", "date": "2019-11-25", "clerk_status": "cancelled"},
        {"id": "2027-01-20-cyp", "date": "2027-01-20", "clerk_status": "scheduled"},
    ]
    data = {"meetings": [dict(m, description="Children and young people committee")
                         for m in meetings]}
    if "open-data" in faults:
        data["meetings"][0]["description"] = "The **budget** and [the plan](@/meetings/x/)"
    write(root, "data/months/2019-09/meetings.json", json.dumps(data))
    write(root, "data/meetings.json", json.dumps(
        {"months": [{"month": "2019-09", "meetings": 3, "url": "/data/months/2019-09/meetings.json"}]}))
    upcoming = ['<li data-date="2027-01-20"><a href="meetings/2027-01-20-cyp/">20 January 2027</a></li>']
    if "upcoming" in faults:
        upcoming.append('<li data-date="2019-09-16"><a href="meetings/2019-09-16-cyp/">16 September 2019</a></li>')
    write(root, "index.html", page_html(
        '<h2>Upcoming meetings</h2><div data-upcoming data-build-date="2026-12-03"><ul>' +
        "".join(upcoming) + "</ul></div><h2>Latest papers</h2>"
        '<a href="meetings/2019-09-16-cyp/">16 September 2019</a>'))
    easy_rows = '<li><a href="../meetings/2027-01-20-cyp/">Committee meeting.</a></li>'
    if "upcoming" in faults:
        easy_rows += '<li><a href="../meetings/2019-11-25-cyp/">Committee meeting.</a></li>'
    write(root, "easy-read/index.html", page_html(
        f"<h2>What meetings are coming up?</h2><ul>{easy_rows}</ul>"
        '<h2>How do I find a meeting?</h2><a href="../meetings/2019-09-16-cyp/">x</a>'))
    held = "<p>Councillors looked at the plan. The meeting has already happened.</p>"
    if "tense" in faults:
        held += "<p>Councillors will talk about the budget.</p>"
    # Papers' words are not Clerk's: never reported.
    held += '<div class="agenda-item__purpose"><p>The committee will decide.</p></div>'
    write(root, "easy-read/meetings/2019-09-16-cyp/index.html", page_html(held))
    write(root, "meetings/2019-09-16-cyp/index.html", page_html(
        "<p>Child and Adolescent Mental Health Services (<abbr>CAMHS</abbr>) and "
        "<abbr>CAMHS</abbr> again. Item 1(1) (see page 3).</p>" +
        ("<p>Assessment model (AIM (AIM)) and Looked after children (Looked after children), "
         "Moving on (AIM) model (AIM) then ((x)).</p>" if "glossary" in faults else "")))
    cancelled = ('<div class="notification-banner__content"><p>The committee will meet on '
                 '5 February instead.</p></div><p>This meeting will not happen.</p>')
    if "cancelled" in faults:
        cancelled += "<p>Councillors will be there.</p>"
    write(root, "large-print/meetings/2019-11-25-cyp/index.html", page_html(cancelled))
    write(root, "content/glossary.yaml",
          "CAMHS:\n  expansion: Child and Adolescent Mental Health Services\n")
    if "glossary" in faults:
        write(root, "meetings/2027-01-20-cyp/index.html", page_html(
            "<p>Child and Adolescent Mental Health Services (CAMHS) twice: "
            "Child and Adolescent Mental Health Services (CAMHS).</p>"))


def selftest():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, "clean")
        make_site(clean, set())
        problems = check_site(clean, clean)
        if problems:
            failures.append(f"the clean site has problems: {problems}")
        for category in CATEGORIES:
            root = os.path.join(tmp, category)
            make_site(root, {category})
            problems = check_site(root, root)
            _, counts = summary(problems)
            if counts[category] == 0:
                failures.append(f"{category}: not caught")
            others = [p for p in problems if p[0] != category]
            if others:
                failures.append(f"{category}: other categories reported too: {others}")
        # Each glossary shape on its own.
        for shape in ("X (X (ABC))", "A (B (C))", "Meaning (Meaning)", "((", "words (ABC) model (ABC)"):
            root = os.path.join(tmp, "shape")
            make_site(root, set())
            write(root, "topics/index.html", page_html(f"<p>{shape} and more.</p>"))
            if not any(p[0] == "glossary" for p in check_site(root, root)):
                failures.append(f"glossary shape {shape!r} not caught")
        for text in ("**bold**", "__x__", "[a](b)", "`code`", "@/meetings/x/"):
            root = os.path.join(tmp, "md")
            make_site(root, set())
            write(root, "data/extra.json", json.dumps({"a": [{"b": text}]}))
            if not any(p[0] == "open-data" for p in check_site(root, root)):
                failures.append(f"open data {text!r} not caught")
        # Hidden items (the reader's-clock script's work) and no build date.
        root = os.path.join(tmp, "nodate")
        make_site(root, set())
        write(root, "index.html", page_html("<h2>Upcoming meetings</h2>"))
        if not any(p[0] == "upcoming" and "data-build-date" in p[2] for p in check_site(root, root)):
            failures.append("a site with no build date is not reported")
    for f in failures:
        print(f"check_words selftest: {f}")
    print(f"check_words selftest: {'FAILED' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--selftest" in sys.argv[1:]:
        sys.exit(selftest())
    if len(args) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(args[0], args[1]))
