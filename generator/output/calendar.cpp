#include "output/calendar.h"

#include <libical/ical.h>

#include <cstdlib>
#include <map>
#include <memory>

#include "output/safe_text.h"
#include "render/html_text.h"
#include "render/public_urls.h"
#include "render/urls.h"

namespace clerk::output {
namespace {

constexpr const char* kTzid = "Europe/London";

// The UK rule since 1996, fixed here so that output never depends on the
// machine's time zone database.
constexpr const char* kLondonTimezone =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/London\r\n"
    "X-LIC-LOCATION:Europe/London\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZNAME:BST\r\n"
    "TZOFFSETFROM:+0000\r\n"
    "TZOFFSETTO:+0100\r\n"
    "DTSTART:19700329T010000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZNAME:GMT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0000\r\n"
    "DTSTART:19701025T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype ToIcal(const DateTime& dt) {
  icaltimetype t = icaltime_null_time();
  t.year = dt.date.year;
  t.month = dt.date.month;
  t.day = dt.date.day;
  t.hour = dt.time.hour;
  t.minute = dt.time.minute;
  t.second = 0;
  t.is_date = 0;
  return t;
}

DateTime FromIcal(const icaltimetype& t) {
  return {{t.year, t.month, t.day}, {t.hour, t.minute}};
}

// A local time property (DTSTART/DTEND) with TZID=Europe/London.
icalproperty* LocalTime(icalproperty* prop) {
  icalproperty_add_parameter(prop, icalparameter_new_tzid(kTzid));
  return prop;
}

// Every value from the records goes through IcalChars (output/safe_text.h):
// libical escapes a TEXT value's line breaks but writes control characters
// as they are, and writes URI values unescaped, so a line break there would
// start a property of its own.
std::string Line(const std::string& text) {
  return IcalChars(text, false);
}

// An X- property whose value is TEXT (a calendar's name and description),
// escaped as RFC 5545 3.3.11 says: backslash, semicolon, comma, line break.
// Written here, not by libical: libical 3.0 escapes only the backslash and
// line break of an X- value (a committee "Schools, Skills" was written with
// a raw comma), and an X- property given a TEXT value gains ";VALUE=TEXT"
// and is escaped no better; escaping first and handing libical the result
// would double the backslashes.
std::string XTextProperty(const char* name, const std::string& value) {
  std::string out = std::string(name) + ":";
  for (char c : Line(value)) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out + "\r\n";
}

// `properties` (whole lines) put in the calendar's text after its METHOD,
// where libical would have written them had it been given them.
std::string WithCalendarProperties(const std::string& text,
                                   const std::string& properties) {
  const std::string method = "METHOD:PUBLISH\r\n";
  size_t at = text.find(method);
  if (at == std::string::npos) return text;  // libical wrote no calendar
  std::string out = text;
  out.insert(at + method.size(), properties);
  return out;
}

std::string VenueText(const Venue& v) {
  std::string text = v.name;
  if (!v.address.empty()) text += ", " + v.address;
  if (!v.postcode.empty()) text += ", " + v.postcode;
  return text;
}

void AgendaLines(const std::vector<AgendaItem>& items, std::string& out) {
  for (const AgendaItem& item : items) {
    out += "\n" + item.full_number + " " + item.title;
    AgendaLines(item.sub_items, out);
  }
}

icalcomponent* MeetingEvent(const SiteIndex& index, const Meeting& m,
                            const std::string& domain, const CalendarOptions& options) {
  icalcomponent* ev = icalcomponent_new_vevent();
  icalcomponent_add_property(
      ev, icalproperty_new_uid(Line("clerk-meeting-" + m.id + "@" + domain).c_str()));
  // DTSTAMP comes from the records, so the same input gives the same file.
  const DateTime start{m.start.date, m.start.time.value_or(TimeOfDay{})};
  icaltimetype stamp = ToIcal(m.start.time ? LondonToUtc(start) : start);
  stamp = icaltime_set_timezone(&stamp, icaltimezone_get_utc_timezone());
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
  bool end_known = m.end.has_value();
  if (!m.start.time) {
    // No time in the papers: a date-only event (RFC 5545 3.6.1), which
    // calendars show as the day, not as a time nobody gave.
    icaltimetype day = ToIcal(start);
    day.is_date = 1;
    icalcomponent_add_property(ev, icalproperty_new_dtstart(day));
    icaltime_adjust(&day, 1, 0, 0, 0);
    icalcomponent_add_property(ev, icalproperty_new_dtend(day));
  } else {
    icalcomponent_add_property(ev, LocalTime(icalproperty_new_dtstart(ToIcal(start))));
    DateTime end{m.start.date, m.end.value_or(TimeOfDay{})};
    icaltimetype end_time = ToIcal(end);
    if (!end_known) {
      end_time = ToIcal(start);
      icaltime_adjust(&end_time, 0, 2, 0, 0);
    }
    icalcomponent_add_property(ev, LocalTime(icalproperty_new_dtend(end_time)));
  }

  bool cancelled =
      m.status == MeetingStatus::kCancelled || m.status == MeetingStatus::kPostponed;
  std::string summary = index.MeetingTitle(m);
  if (m.status == MeetingStatus::kCancelled) summary = "Cancelled: " + summary;
  if (m.status == MeetingStatus::kPostponed) summary = "Postponed: " + summary;
  icalcomponent_add_property(ev, icalproperty_new_summary(Line(summary).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_sequence(CalendarSequence(m)));
  icalcomponent_add_property(
      ev, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED
                                  : m.status == MeetingStatus::kScheduled
                                      ? ICAL_STATUS_TENTATIVE
                                      : ICAL_STATUS_CONFIRMED));
  if (auto it = index.site().venues.find(m.venue.id); it != index.site().venues.end()) {
    icalcomponent_add_property(
        ev, icalproperty_new_location(Line(VenueText(it->second)).c_str()));
  }
  std::string url = Line(AbsoluteUrl(options.base_url, urls::Meeting(m.id)));
  if (!url.empty()) icalcomponent_add_property(ev, icalproperty_new_url(url.c_str()));

  std::string description =
      index.MeetingLabel(m) + ". Status: " + ToString(m.status) + ".";
  if (!m.start.time)
    description += "\nThe start time is not known yet.";
  else if (!end_known)
    description += "\nThe finish time is not known; the calendar shows two hours.";
  if (m.venue_tbc) description += "\nThe place is not known yet.";
  if (!m.agenda.empty()) {
    description += "\n\nAgenda:";
    AgendaLines(m.agenda, description);
  }
  if (!m.webcast.empty()) description += "\n\nWebcast: " + m.webcast;
  if (!url.empty()) description += "\n\nPapers: " + url;
  icalcomponent_add_property(
      ev, icalproperty_new_description(IcalChars(description, true).c_str()));
  if (const Committee* c = index.CommitteeOf(m)) {
    icalcomponent_add_property(ev, icalproperty_new_categories(Line(c->name).c_str()));
  }
  return ev;
}

}  // namespace

int CalendarSequence(const Meeting& meeting) {
  bool off = meeting.status == MeetingStatus::kCancelled ||
             meeting.status == MeetingStatus::kPostponed;
  return meeting.sequence + (off ? 1 : 0);
}

DateTime LondonToUtc(const DateTime& local) {
  // The one rule of model/dates.h: the fold's hour is BST (its first
  // occurrence), as the VTIMEZONE above makes calendars read it too.
  if (!IsBritishSummerTime(local)) return local;
  icaltimetype t = ToIcal(local);
  icaltime_adjust(&t, 0, -1, 0, 0);
  return FromIcal(t);
}

std::string UidDomain(const Site& site) {
  std::string org =
      site.config.organisation.empty() ? site.config.title : site.config.organisation;
  return Slugify(org.empty() ? "clerk" : org);
}

// libical folds a long word badly ("UID:" CRLF, the value, then a bare CR
// and an empty continuation line). Unfold what it wrote and fold again as
// RFC 5545 3.1 says: lines of at most 75 octets, never inside a UTF-8
// character, continued by CRLF and one space.
static std::string Refold(const std::string& text) {
  // Logical lines: any of CRLF, CR or LF ends a line; a line that starts
  // with a space or tab continues the one before.
  std::vector<std::string> lines;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find_first_of("\r\n", i);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(i, end - i);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !lines.empty())
      lines.back() += line.substr(1);
    else if (!line.empty())
      lines.push_back(std::move(line));
    i = end;
    // One line break: CRLF, or a stray CR or LF (an empty line then follows,
    // and is dropped above).
    if (text.compare(i, 2, "\r\n") == 0)
      i += 2;
    else if (i < text.size())
      ++i;
  }
  std::string flat;
  for (const std::string& line : lines) flat += line + "\r\n";
  std::string out;
  out.reserve(flat.size() + flat.size() / 64);
  size_t start = 0;
  while (start < flat.size()) {
    size_t end = flat.find("\r\n", start);
    if (end == std::string::npos) end = flat.size();
    size_t pos = start, limit = 75;
    while (end - pos > limit) {
      size_t cut = pos + limit;
      while (cut > pos && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
      out.append(flat, pos, cut - pos);
      out += "\r\n ";
      pos = cut;
      limit = 74;  // the leading space counts
    }
    out.append(flat, pos, end - pos);
    if (end < flat.size()) out += "\r\n";
    start = end + 2;
  }
  return out;
}

std::string CalendarText(const SiteIndex& index,
                         const std::vector<const Meeting*>& meetings,
                         const std::string& name, const CalendarOptions& options,
                         const std::string& description) {
  Component cal(icalcomponent_new_vcalendar());
  icalcomponent_add_property(cal.get(),
                             icalproperty_new_prodid("-//Clerk//Committee papers//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalcomponent_add_component(cal.get(), icalcomponent_new_from_string(kLondonTimezone));
  std::string domain = UidDomain(index.site());
  for (const Meeting* m : meetings) {
    icalcomponent_add_component(cal.get(), MeetingEvent(index, *m, domain, options));
  }
  std::string names = XTextProperty("X-WR-CALNAME", name);
  if (!description.empty()) names += XTextProperty("X-WR-CALDESC", description);
  names += XTextProperty("X-WR-TIMEZONE", kTzid);
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text ? Refold(WithCalendarProperties(text, names)) : "";
  std::free(text);
  return out;
}

Date SubscribedFrom(const Date& today) {
  if (today.year == 0) return {};
  Date from{today.year - 1, today.month, today.day};
  if (from.month == 2 && from.day == 29) from.day = 28;
  return from;
}

namespace {

// The meetings a subscribed calendar holds: on or after `from`.
std::vector<const Meeting*> Since(const std::vector<const Meeting*>& meetings,
                                  const Date& from) {
  std::vector<const Meeting*> out;
  for (const Meeting* m : meetings)
    if (m->start.date >= from) out.push_back(m);
  return out;
}

// What a subscribed calendar says it holds, and where the rest is.
std::string WindowDescription(const Date& from, const CalendarOptions& options) {
  if (from.year == 0) return "";
  std::string archive = options.base_url.empty()
                            ? "calendars/"
                            : AbsoluteUrl(options.base_url, "calendars/");
  return "Meetings from " + IsoDate(from) +
         " on: those to come and those of the last 12 months. Every meeting "
         "year by year: " +
         archive + "<year>.ics";
}

}  // namespace

std::vector<OutputFile> CalendarFiles(const SiteIndex& index,
                                      const CalendarOptions& options) {
  std::vector<OutputFile> out;
  const Site& site = index.site();
  // A calendar app subscribes to a file it fetches again every few hours:
  // the site's and each committee's hold what is to come and the last 12
  // months, not the whole archive (10,000 meetings were 11 MB); every
  // meeting is in the archive of its year, exactly once.
  Date from = SubscribedFrom(site.today);
  std::string about = WindowDescription(from, options);
  out.push_back(
      {SiteCalendar(), CalendarText(index, Since(index.meetings_by_date, from),
                                    site.config.title + ": meetings", options, about)});
  for (const auto& [id, committee] : site.committees) {
    auto it = index.committee_meetings.find(id);
    std::vector<const Meeting*> meetings;
    if (it != index.committee_meetings.end()) meetings = Since(it->second, from);
    out.push_back(
        {CommitteeCalendar(id),
         CalendarText(index, meetings, committee.name + ": meetings", options, about)});
  }
  std::map<int, std::vector<const Meeting*>> years;
  for (const Meeting* m : index.meetings_by_date) years[m->start.date.year].push_back(m);
  for (const auto& [year, meetings] : years) {
    out.push_back({YearCalendar(year), CalendarText(index, meetings,
                                                    site.config.title + ": meetings in " +
                                                        std::to_string(year),
                                                    options, "")});
  }
  for (const Meeting* m : index.meetings_by_date) {
    out.push_back({MeetingCalendar(m->id),
                   CalendarText(index, {m}, index.MeetingLabel(*m), options)});
  }
  return out;
}

}  // namespace clerk::output
