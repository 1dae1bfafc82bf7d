#include "output/atom_feed.h"

#include <algorithm>
#include <cstdio>

#include "output/calendar.h"
#include "output/safe_text.h"
#include "render/html_text.h"
#include "render/public_urls.h"
#include "render/urls.h"

namespace clerk::output {
namespace {

// A meeting's start as a point in time for <updated>: midnight when the
// papers give no time (the date is all that is known).
DateTime StartOf(const Meeting& m) {
  return {m.start.date, m.start.time.value_or(TimeOfDay{})};
}

struct Entry {
  std::string key;  // page path: "meetings/x/report/index.html"
  std::string title;
  std::string summary;
  std::string author;
  std::string committee_id;
  std::string committee_name;
  std::string category;  // "Report", "Minutes"
  std::string updated;   // AtomDate
};

std::string Id(const Site& site, const std::string& base_url, const std::string& path) {
  std::string url = AbsoluteUrl(base_url, path);
  if (!url.empty()) return url;
  return "urn:clerk:" + UidDomain(site) + ":" + path;
}

// The link from the feed at `feed_path` to page `key`.
std::string Href(const std::string& base_url, const std::string& feed_path,
                 const std::string& key) {
  std::string url = AbsoluteUrl(base_url, key);
  return url.empty() ? urls::Relative(feed_path, key) : url;
}

std::vector<Entry> Entries(const SiteIndex& index) {
  const Site& site = index.site();
  std::vector<Entry> entries;
  for (const Meeting* m : index.meetings_by_date) {
    const Committee* c = index.CommitteeOf(*m);
    std::string label = index.MeetingLabel(*m);
    for (const std::string& doc_id : index.DocumentsInOrder(*m)) {
      const Document* doc = index.FindDocument(m->id, doc_id);
      if (!doc) continue;
      Entry e;
      e.key = urls::Document(m->id, doc->id);
      e.title = doc->title;
      e.summary =
          (doc->summary.empty() ? std::string(ToString(doc->kind)) + " for the " + label
                                : doc->summary);
      if (doc->status == DocumentStatus::kDraft) e.summary += " (Draft.)";
      std::string first_author;
      if (!doc->authors.empty())
        first_author = doc->authors[0].person.empty()
                           ? doc->authors[0].name
                           : index.PersonName(doc->authors[0].person.id);
      e.author = !first_author.empty()       ? first_author
                 : doc->organisation.empty() ? site.config.organisation
                                             : doc->organisation;
      e.committee_id = m->committee.id;
      e.committee_name = c ? c->name : m->committee.id;
      e.category = ToString(doc->kind);
      // The paper's own publication date when it gives one, else its meeting's.
      e.updated = doc->published ? AtomDate(DateTime{*doc->published, TimeOfDay{}})
                                 : AtomDate(StartOf(*m));
      entries.push_back(e);
    }
    if (auto it = site.minutes.find(m->id); it != site.minutes.end()) {
      const Minutes& minutes = it->second;
      Entry e;
      e.key = urls::Minutes(m->id);
      e.title = "Minutes: " + label;
      const Meeting* approved = minutes.status == MinutesStatus::kApproved
                                    ? index.FindMeeting(minutes.approved_at.id)
                                    : nullptr;
      e.summary = approved ? "Approved minutes of the " + label + "."
                           : "Draft minutes of the " + label + ", not yet approved.";
      e.author = site.config.organisation;
      e.committee_id = m->committee.id;
      e.committee_name = c ? c->name : m->committee.id;
      e.category = "Minutes";
      e.updated = AtomDate(StartOf(approved ? *approved : *m));
      entries.push_back(e);
    }
  }
  // Newest first; ties in page order, so the order is stable.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.updated != b.updated ? a.updated > b.updated : a.key < b.key;
  });
  return entries;
}

std::string Feed(const SiteIndex& index, const FeedOptions& options,
                 const std::string& path, const std::string& title,
                 const std::string& home_key, const std::vector<const Entry*>& entries) {
  const Site& site = index.site();
  const std::string& base = options.base_url;
  std::string updated =
      entries.empty() ? "1970-01-01T00:00:00Z" : entries.front()->updated;
  for (const Entry* e : entries) updated = std::max(updated, e->updated);
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
       XmlText(site.config.language.empty() ? "en-GB" : site.config.language) + "\">\n";
  x += "  <id>" + XmlText(Id(site, base, path)) + "</id>\n";
  x += "  <title>" + XmlText(title) + "</title>\n";
  x += "  <subtitle>New and updated papers and minutes from " +
       XmlText(site.config.organisation) + "</subtitle>\n";
  x += "  <updated>" + updated + "</updated>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
       XmlText(AbsoluteUrl(base, path).empty() ? urls::Relative(path, path)
                                               : AbsoluteUrl(base, path)) +
       "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
       XmlText(Href(base, path, home_key)) + "\"/>\n";
  x += "  <author><name>" + XmlText(site.config.organisation) + "</name></author>\n";
  x += "  <generator>Clerk</generator>\n";
  for (const Entry* e : entries) {
    x += "  <entry>\n";
    x += "    <id>" + XmlText(Id(site, base, e->key)) + "</id>\n";
    x += "    <title>" + XmlText(e->title) + "</title>\n";
    x += "    <updated>" + e->updated + "</updated>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
         XmlText(Href(base, path, e->key)) + "\"/>\n";
    x += "    <author><name>" + XmlText(e->author) + "</name></author>\n";
    x += "    <category term=\"" + XmlText(e->committee_id) + "\" label=\"" +
         XmlText(e->committee_name) + "\"/>\n";
    x += "    <category term=\"" + XmlText(e->category) + "\"/>\n";
    x += "    <summary>" + XmlText(e->summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace

std::string AtomDate(const DateTime& london_local) {
  DateTime u = LondonToUtc(london_local);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00Z", u.date.year,
                u.date.month, u.date.day, u.time.hour, u.time.minute);
  return buf;
}

std::vector<OutputFile> AtomFeeds(const SiteIndex& index, const FeedOptions& options) {
  const Site& site = index.site();
  std::vector<Entry> entries = Entries(index);
  std::vector<OutputFile> out;
  std::vector<const Entry*> all;
  for (const Entry& e : entries)
    if (all.size() < kFeedEntries) all.push_back(&e);
  out.push_back({SiteFeed(), Feed(index, options, SiteFeed(),
                                  site.config.title + ": new papers and minutes",
                                  urls::Home(), all)});
  for (const auto& [id, committee] : site.committees) {
    std::vector<const Entry*> mine;
    for (const Entry& e : entries)
      if (e.committee_id == id && mine.size() < kFeedEntries) mine.push_back(&e);
    out.push_back({CommitteeFeed(id), Feed(index, options, CommitteeFeed(id),
                                           committee.name + ": new papers and minutes",
                                           urls::Committee(id), mine)});
  }
  return out;
}

}  // namespace clerk::output
