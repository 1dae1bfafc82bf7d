#include "render/easy_read.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <set>

#include "model/ascii.h"
#include "render/html_text.h"
#include "render/pictograms.h"
#include "render/plan_text.h"
#include "render/urls.h"

namespace clerk {

using json = nlohmann::json;

namespace {

constexpr int kMaxWords = 15;

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

using ascii::Lower;

bool IsWordChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return ascii::IsAlnum(c) || c == '&' || u >= 0x80;
}

// Glossary acronyms written out: "SEND provision" -> "Special Educational
// Needs and Disabilities provision". Kept as written if that would make the
// text longer than an easy-read sentence.
std::string Expand(const std::string& text, const Site& site) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordChar(text[i])) {
      out += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsWordChar(text[j])) ++j;
    // A hyphenated term is one word: "COVID-19" is written out if the
    // glossary has it, and a code with digits after a hyphen is left as it
    // is, never "COVID" written out and then "-19".
    size_t k = j;
    bool digits_part = false;
    while (k + 1 < text.size() && text[k] == '-' && ascii::IsAlnum(text[k + 1])) {
      size_t part = ++k;
      while (k < text.size() && IsWordChar(text[k])) ++k;
      bool digits = true;
      for (size_t d = part; d < k; ++d) digits &= ascii::IsDigit(text[d]);
      digits_part |= digits;
    }
    if (k > j) {
      std::string whole = text.substr(i, k - i);
      auto term = site.glossary.find(whole);
      if (term != site.glossary.end() && !term->second.expansion.empty()) {
        out += term->second.expansion;
        i = k;
        continue;
      }
      if (digits_part) {
        out += whole;
        i = k;
        continue;
      }
    }
    std::string word = text.substr(i, j - i);
    int upper = 0;
    for (char c : word) upper += ascii::IsUpper(c) ? 1 : 0;
    auto it = site.glossary.find(word);
    if (upper >= 2 && it != site.glossary.end() && !it->second.expansion.empty()) {
      out += it->second.expansion;
    } else {
      out += word;
    }
    i = j;
  }
  if (CountWords(out) > kMaxWords && CountWords(text) <= kMaxWords) return text;
  return out;
}

EasyLine Say(const std::string& text) {
  return EasyLine{text, EasyLine::Target::kNone, "", {}, false};
}
EasyLine Label(const std::string& text) {
  return EasyLine{text, EasyLine::Target::kNone, "", {}, true};
}
EasyLine LinkTo(const std::string& text, const std::string& key) {
  return EasyLine{text, EasyLine::Target::kPage, key, {}, false};
}
EasyLine LinkStandard(const std::string& text, const std::string& key) {
  return EasyLine{text, EasyLine::Target::kStandardPage, key, {}, false};
}
EasyLine External(const std::string& text, const std::string& url) {
  return EasyLine{text, EasyLine::Target::kExternal, url, {}, false};
}

EasyRow Row(const std::string& picture, std::vector<EasyLine> lines) {
  return EasyRow{picture, std::move(lines), ""};
}

// A person's words: one line per sentence, each remembering where it was written.
std::vector<EasyLine> Written(const std::string& text, const SourcePos& pos) {
  std::vector<EasyLine> lines;
  for (const std::string& s : SplitSentences(text)) {
    EasyLine line = Say(s);
    line.pos = pos;
    lines.push_back(line);
  }
  return lines;
}

std::string DayDate(const Date& d) {
  return LongDate(d);
}

class Builder {
 public:
  explicit Builder(const SiteIndex& index) : index_(index), site_(index.site) {}

  // Every page with easy-read words of its own, by key, made when called.
  static std::map<std::string, std::function<EasyPage(const Builder&)>> Makers(
      const Site& site) {
    std::map<std::string, std::function<EasyPage(const Builder&)>> makers;
    auto add = [&](std::string key, std::function<EasyPage(const Builder&)> make) {
      makers.emplace(std::move(key), std::move(make));
    };
    add(urls::Home(), [](const Builder& b) { return b.Home(); });
    add(urls::Committees(), [](const Builder& b) { return b.Committees(); });
    for (const auto& [id, c] : site.committees)
      add(urls::Committee(id), [&c = c](const Builder& b) { return b.CommitteePage(c); });
    add(urls::Meetings(), [](const Builder& b) { return b.MeetingsPage(); });
    for (const auto& [id, m] : site.meetings)
      add(urls::Meeting(id), [&m = m](const Builder& b) { return b.MeetingPage(m); });
    for (const auto& [key, d] : site.documents)
      add(urls::Document(d.meeting_id, d.id),
          [&d = d](const Builder& b) { return b.DocumentPage(d); });
    for (const auto& [id, m] : site.minutes)
      add(urls::Minutes(m.meeting_id),
          [&m = m](const Builder& b) { return b.MinutesPage(m); });
    add(urls::People(), [](const Builder& b) { return b.PeoplePage(); });
    for (const auto& [id, p] : site.people)
      add(urls::Person(id), [&p = p](const Builder& b) { return b.PersonPage(p); });
    for (const auto& [id, wp] : site.work_programmes)
      add(urls::WorkProgramme(id),
          [&wp = wp](const Builder& b) { return b.WorkProgrammePage(wp); });
    if (!site.forward_plans.empty())
      add(urls::ForwardPlans(), [](const Builder& b) { return b.ForwardPlansPage(); });
    for (const auto& [id, plan] : site.forward_plans)
      add(urls::ForwardPlan(id),
          [&plan = plan](const Builder& b) { return b.ForwardPlanPage(plan); });
    add(urls::Glossary(), [](const Builder& b) { return b.GlossaryPage(); });
    add(urls::Accessibility(), [](const Builder& b) { return b.AccessibilityPage(); });
    add(urls::NotFound(), [](const Builder& b) { return b.NotFound(); });
    return makers;
  }

 public:
  std::string X(const std::string& text) const { return Expand(text, site_); }

  std::string CommitteeName(const Meeting& m) const {
    const Committee* c = index_.CommitteeOf(m);
    return X(c ? c->name : index_.MeetingTitle(m));
  }

  // The last section of every page: whom to ask, and how.
  EasySection Help(const std::string& contact_id, bool fuller) const {
    EasySection s{"help", "How can I get help?", {}};
    const Person* p = contact_id.empty() ? nullptr : index_.FindPerson(contact_id);
    std::string name = p ? index_.PersonName(contact_id) : site_.config.contact.name;
    std::string email = p && !p->email.empty() ? p->email : site_.config.contact.email;
    std::string phone = p && !p->phone.empty() ? p->phone : site_.config.contact.phone;
    std::vector<EasyLine> ask;
    if (fuller) {
      ask.push_back(Say("You can ask for a fuller easy read version of these papers."));
    } else {
      ask.push_back(Say("You can ask us about anything on this page."));
    }
    if (!name.empty()) ask.push_back(Say("Ask " + name + "."));
    s.rows.push_back(Row("help", ask));
    if (!email.empty())
      s.rows.push_back(
          Row("email", {Say("Send an email to:"), External(email, "mailto:" + email)}));
    if (!phone.empty())
      s.rows.push_back(Row("phone", {Say("Or phone:"), External(phone, TelHref(phone))}));
    return s;
  }

  EasySection FullVersion(const std::string& key, const std::string& what) const {
    return EasySection{
        "full-version",
        "Where are all the details?",
        {Row("document", {Say("This page is a short easy read version."),
                          LinkStandard("Read the full " + what + ".", key)})}};
  }

  EasyPage Page(const std::string& key, const std::string& title,
                const SourcePos& source) const {
    EasyPage p;
    p.key = key;
    p.title = title;
    p.source = source;
    return p;
  }

  EasyPage Home() const {
    EasyPage p = Page(urls::Home(), site_.config.title, site_.config.pos);
    p.sections.push_back(
        {"about",
         "What is this website?",
         {Row("website", {Say("This website has papers for council meetings."),
                          Say("Councillors meet to check the work of the council."),
                          Say("Anyone can read the papers.")})}});
    EasySection next{"upcoming", "What meetings are coming up?", {}};
    for (const Meeting* m : index_.meetings_by_date) {
      if (!IsUpcoming(*m)) continue;
      next.rows.push_back(
          Row("date", {Label(DayDate(m->start.date)),
                       LinkTo(CommitteeName(*m) + " meeting.", urls::Meeting(m->id))}));
    }
    if (next.rows.empty())
      next.rows.push_back(Row("date", {Say("No meetings are planned now.")}));
    p.sections.push_back(next);
    p.sections.push_back(
        {"find",
         "How do I find a meeting?",
         {Row("calendar", {LinkTo("See all meetings.", urls::Meetings())}),
          Row("group", {LinkTo("See all committees.", urls::Committees())})}});
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage Committees() const {
    EasyPage p = Page(urls::Committees(), "Committees", site_.config.pos);
    EasySection s{
        "committees",
        "What are the committees?",
        {Row("group", {Say("A committee is a group of councillors."),
                       Say("Each committee checks one part of the council's work.")})}};
    for (const auto& [id, c] : site_.committees) {
      s.rows.push_back(Row("group", {LinkTo(X(c.name) + ".", urls::Committee(id))}));
    }
    p.sections.push_back(s);
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage CommitteePage(const Committee& c) const {
    EasyPage p = Page(urls::Committee(c.id), X(c.name), c.pos);
    p.sections.push_back(
        {"about",
         "What is this committee?",
         {Row("group", {Say("It is a group of councillors."),
                        Say("It checks the work of the council."),
                        Say("It can ask questions and make suggestions.")})}});
    EasySection who{"members", "Who is in it?", {}};
    std::set<std::string> seen;
    for (const Membership& mem : c.members) {
      if (!IsCurrent(mem.from, mem.to, site_.today) || !seen.insert(mem.person.id).second)
        continue;
      std::string name = index_.PersonName(mem.person.id);
      std::string role = mem.role == MemberRole::kChair       ? "is the chair."
                         : mem.role == MemberRole::kViceChair ? "is the vice-chair."
                                                              : "is a member.";
      who.rows.push_back(
          Row("councillor", {LinkTo(name + " " + role, urls::Person(mem.person.id))}));
    }
    for (const CoOptee& co : c.co_optees) {
      if (!IsCurrent(co.from, co.to, site_.today) || !seen.insert(co.person.id).second)
        continue;
      who.rows.push_back(Row(
          "person", {LinkTo(index_.PersonName(co.person.id) + " is a co-opted member.",
                            urls::Person(co.person.id)),
                     Say("This means they are not a councillor.")}));
    }
    if (!who.rows.empty()) p.sections.push_back(who);
    EasySection when{"meetings", "When does it meet?", {}};
    if (auto it = index_.committee_meetings.find(c.id);
        it != index_.committee_meetings.end()) {
      for (auto m = it->second.rbegin(); m != it->second.rend(); ++m) {
        std::string text = "Meeting on " + DayDate((*m)->start.date) + ".";
        std::string picture =
            (*m)->status == MeetingStatus::kCancelled ? "cancelled" : "date";
        when.rows.push_back(Row(picture, {LinkTo(text, urls::Meeting((*m)->id))}));
      }
    }
    if (!when.rows.empty()) p.sections.push_back(when);
    if (auto it = index_.committee_work_programmes.find(c.id);
        it != index_.committee_work_programmes.end()) {
      EasySection plans{"plans", "What will it look at?", {}};
      for (const std::string& wp : it->second) {
        plans.rows.push_back(
            Row("plan", {LinkTo("Read the plan of topics.", urls::WorkProgramme(wp))}));
      }
      p.sections.push_back(plans);
    }
    p.sections.push_back(FullVersion(urls::Committee(c.id), "page about this committee"));
    p.sections.push_back(Help(c.contact.id, false));
    return p;
  }

  EasyPage MeetingsPage() const {
    EasyPage p = Page(urls::Meetings(), "Meetings", site_.config.pos);
    EasySection s{"meetings", "What meetings are there?", {}};
    for (auto it = index_.meetings_by_date.rbegin(); it != index_.meetings_by_date.rend();
         ++it) {
      const Meeting& m = **it;
      s.rows.push_back(
          Row(m.status == MeetingStatus::kCancelled ? "cancelled" : "date",
              {Label(DayDate(m.start.date)),
               LinkTo(CommitteeName(m) + " meeting.", urls::Meeting(m.id))}));
    }
    p.sections.push_back(s);
    p.sections.push_back(Help("", false));
    return p;
  }

  // What happens at an item, in fixed sentences chosen by its title.
  std::vector<EasyLine> ItemSentences(const AgendaItem& item) const {
    if (!item.easy_read.empty()) return Written(item.easy_read, item.easy_read_pos);
    std::string t = Lower(item.title);
    auto has = [&](const char* w) { return t.find(w) != std::string::npos; };
    if (has("apolog")) return {Say("Councillors say if they cannot come.")};
    if (has("substitut"))
      return {Say("Some councillors send another councillor in their place.")};
    if (has("declaration") || has("interest"))
      return {Say("Councillors say if they have a personal link to a topic.")};
    if (has("minutes"))
      return {Say("Councillors check the notes of the last meeting are right.")};
    if (has("public") && has("question"))
      return {Say("People who live here can ask questions.")};
    if (has("question")) return {Say("Councillors can ask questions.")};
    if (has("next meeting")) return {Say("They say when the next meeting is.")};
    if (has("work programme"))
      return {Say("Councillors plan what they will look at next.")};
    return {Say("Councillors will talk about this.")};
  }

  void AddItems(const Meeting& m, const std::vector<AgendaItem>& items,
                EasySection& s) const {
    for (const AgendaItem& item : items) {
      std::string picture = !item.picture.empty() && IsPictogram(item.picture)
                                ? item.picture
                                : ChoosePictogram(item.title, "meeting");
      EasyRow row{
          picture, {Label("Item " + item.full_number + ": " + X(item.title))}, ""};
      for (EasyLine& l : ItemSentences(item)) row.lines.push_back(l);
      if (item.exempt) {
        row.lines.push_back(Say("This part of the meeting may be private."));
        row.lines.push_back(Say("The public may be asked to leave."));
      }
      row.id = urls::ItemAnchor(item.full_number);
      std::string key = m.id + "/" + item.full_number;
      if (auto it = index_.item_documents.find(key); it != index_.item_documents.end()) {
        for (const std::string& doc_id : it->second) {
          if (const Document* d = index_.FindDocument(m.id, doc_id)) {
            row.lines.push_back(LinkTo(X(d->title), urls::Document(m.id, doc_id)));
          }
        }
      }
      if (m.has_minutes) {
        if (auto it = index_.item_minutes.find(key); it != index_.item_minutes.end()) {
          row.lines.push_back(
              LinkTo("Read what they decided.",
                     urls::Minutes(m.id) + "#" + urls::MinuteAnchor(it->second)));
        }
      }
      s.rows.push_back(row);
      AddItems(m, item.sub_items, s);
    }
  }

  EasyPage MeetingPage(const Meeting& m) const {
    std::string committee = CommitteeName(m);
    EasyPage p = Page(urls::Meeting(m.id), committee + " meeting", m.pos);
    bool held = m.status == MeetingStatus::kHeld;

    EasySection about{"about", "What is this meeting about?", {}};
    if (!m.easy_read.empty()) {
      about.rows.push_back(Row("meeting", Written(m.easy_read, m.easy_read_pos)));
    } else {
      about.rows.push_back(Row("meeting", {Say("This is a meeting of councillors."),
                                           Say("They check the work of the council.")}));
    }
    p.sections.push_back(about);

    EasySection when{"when", held ? "When was it?" : "When is it?", {}};
    if (m.status == MeetingStatus::kCancelled) {
      when.rows.push_back(Row("cancelled", {Say("This meeting has been cancelled."),
                                            Say("It will not happen.")}));
    } else if (m.status == MeetingStatus::kPostponed) {
      when.rows.push_back(
          Row("cancelled", {Say("This meeting has been moved to another day.")}));
      if (!m.moved_to.empty()) {
        if (const Meeting* to = index_.FindMeeting(m.moved_to.id)) {
          when.rows.back().lines.push_back(
              LinkTo("The new meeting is on " + DayDate(to->start.date) + ".",
                     urls::Meeting(to->id)));
        }
      }
    }
    when.rows.push_back(Row(
        "date", {Say(std::string(held ? "The meeting was on " : "The meeting is on ") +
                     DayDate(m.start.date) + ".")}));
    // A time the papers do not give is said to be unknown.
    std::vector<EasyLine> time;
    if (m.start.time)
      time.push_back(Say(std::string(held ? "It started at " : "It starts at ") +
                         TimeInWords(*m.start.time) + "."));
    else if (!held && m.status != MeetingStatus::kCancelled)
      time.push_back(Say("The time has not been decided yet."));
    if (m.end) time.push_back(Say("It ended at " + TimeInWords(*m.end) + "."));
    if (!time.empty()) when.rows.push_back(Row("time", time));
    if (held)
      when.rows.push_back(Row("meeting", {Say("This meeting has already happened.")}));
    p.sections.push_back(when);

    if (m.venue_tbc && !held && m.status != MeetingStatus::kCancelled) {
      p.sections.push_back(
          {"where",
           "Where is it?",
           {Row("place", {Say("The place has not been decided yet.")})}});
    } else if (auto it = site_.venues.find(m.venue.id); it != site_.venues.end()) {
      const Venue& v = it->second;
      EasySection where{"where", held ? "Where was it?" : "Where is it?", {}};
      std::string address = v.address + (v.postcode.empty() ? "" : ", " + v.postcode);
      std::vector<EasyLine> lines = {
          Say(std::string(held ? "It was at " : "It is at ") + v.name + "."),
          Say("The address is " + address + ".")};
      where.rows.push_back(Row("place", lines));
      if (!m.webcast.empty()) {
        where.rows.push_back(
            Row("webcast", {Say("You can watch the meeting on the internet."),
                            External("Watch the meeting online.", m.webcast)}));
      }
      p.sections.push_back(where);
    }

    EasySection who{"who", held ? "Who was there?" : "Who will be there?", {}};
    if (held && !m.attendance.present.empty()) {
      who.rows.push_back(
          Row("councillor", {Say(std::to_string(m.attendance.present.size()) +
                                 " members of the committee came.")}));
      if (!m.attendance.apologies.empty()) {
        who.rows.push_back(
            Row("apologies", {Say(std::to_string(m.attendance.apologies.size()) +
                                  " members said they could not come.")}));
      }
      if (!m.attendance.also_attending.empty()) {
        who.rows.push_back(
            Row("officer", {Say("Council staff came to answer questions.")}));
      }
    } else if (held) {
      who.rows.push_back(
          Row("councillor", {Say("Councillors from the committee were there.")}));
      who.rows.push_back(
          Row("officer", {Say("Council staff came to answer questions.")}));
    } else {
      who.rows.push_back(
          Row("councillor", {Say("Councillors from the committee will be there.")}));
      who.rows.push_back(
          Row("officer", {Say("Council staff will be there to answer questions.")}));
    }
    // Who may come, only as far as the papers (or the meeting's kind) say.
    if (std::optional<bool> open = OpenToPublic(m);
        open && m.status != MeetingStatus::kCancelled &&
        m.status != MeetingStatus::kPostponed) {
      if (*open)
        who.rows.push_back(Row("public", {Say(held ? "Anyone could come and watch."
                                                   : "Anyone can come and watch.")}));
      else
        who.rows.push_back(Row("public", {Say(held ? "The public could not come to it."
                                                   : "The public cannot come to it.")}));
    }
    p.sections.push_back(who);

    if (!m.agenda.empty()) {
      EasySection items{
          "agenda", held ? "What did they talk about?" : "What will they decide?", {}};
      items.rows.push_back(
          Row("list", {Say("The list of things to talk about is called the agenda.")}));
      AddItems(m, m.agenda, items);
      p.sections.push_back(items);
    }
    if (m.has_minutes) {
      auto mins = site_.minutes.find(m.id);
      bool notes =
          mins != site_.minutes.end() && mins->second.kind == MinutesKind::kActionNotes;
      p.sections.push_back(
          {"minutes",
           "What did they decide?",
           {Row("minutes",
                {Say(notes ? "The notes of this meeting are called action notes."
                           : "The notes of a meeting are called the minutes."),
                 LinkTo(notes ? "Read the action notes." : "Read the minutes.",
                        urls::Minutes(m.id))})}});
    }
    p.sections.push_back(FullVersion(urls::Meeting(m.id), "page about this meeting"));
    std::string contact = m.contact.id;
    if (contact.empty()) {
      if (const Committee* c = index_.CommitteeOf(m)) contact = c->contact.id;
    }
    p.sections.push_back(Help(contact, true));
    return p;
  }

  // "## Question?" headings and paragraphs; "(picture: money)" at the start
  // of a paragraph chooses its pictogram.
  void PersonWritten(const EasyReadVersion& v, EasyPage& p) const {
    EasySection current{"easy-1", "What is this paper about?", {}};
    int n = 1;
    int line_no = v.body_line;
    std::string para;
    int para_line = 0;
    auto flush = [&]() {
      std::string text = Trim(para);
      para.clear();
      if (text.empty()) return;
      std::string picture;
      if (text.rfind("(picture:", 0) == 0) {
        size_t close = text.find(')');
        if (close != std::string::npos) {
          picture = Trim(text.substr(9, close - 9));
          text = Trim(text.substr(close + 1));
        }
      }
      if (picture.empty() || !IsPictogram(picture))
        picture = ChoosePictogram(text, "information");
      current.rows.push_back(
          Row(picture, Written(text, SourcePos{v.path, para_line, 1})));
    };
    size_t start = 0;
    const std::string& body = v.body;
    while (start <= body.size()) {
      size_t end = body.find('\n', start);
      if (end == std::string::npos) end = body.size();
      std::string line = body.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.rfind("## ", 0) == 0 || line.rfind("# ", 0) == 0) {
        flush();
        if (!current.rows.empty()) p.sections.push_back(current);
        current = EasySection{
            "easy-" + std::to_string(++n), Trim(line.substr(line.find(' '))), {}};
      } else if (Trim(line).empty()) {
        flush();
      } else {
        if (para.empty()) para_line = line_no;
        para += line + " ";
      }
      ++line_no;
      start = end + 1;
    }
    flush();
    if (!current.rows.empty()) p.sections.push_back(current);
  }

  EasyPage DocumentPage(const Document& d) const {
    EasyPage p = Page(urls::Document(d.meeting_id, d.id), X(d.title), d.pos);
    const Meeting* m = index_.FindMeeting(d.meeting_id);
    auto version = site_.easy_read_versions.find(d.meeting_id + "/" + d.id);
    if (version != site_.easy_read_versions.end()) {
      p.person_written = true;
      p.out_of_date = version->second.out_of_date;
      p.source = version->second.pos;
    }

    EasySection what{"what", "What is this paper?", {}};
    std::string kind = d.kind == DocumentKind::kAppendix   ? "an extra paper"
                       : d.kind == DocumentKind::kBriefing ? "a short note"
                       : d.kind == DocumentKind::kPlan     ? "a plan"
                       : d.kind == DocumentKind::kReport   ? "a report"
                                                           : "a paper";
    std::vector<EasyLine> lines = {Say("This is " + kind + " for a meeting.")};
    if (m)
      lines.push_back(LinkTo("The meeting is on " + DayDate(m->start.date) + ".",
                             urls::Meeting(m->id)));
    what.rows.push_back(
        Row(d.kind == DocumentKind::kReport ? "report" : "document", lines));
    for (const PaperPerson& author : d.authors) {
      std::string name =
          author.person.empty() ? author.name : index_.PersonName(author.person.id);
      if (!name.empty())
        what.rows.push_back(Row("officer", {Say(X(name) + " wrote it.")}));
    }
    if (d.key_decision && *d.key_decision) {
      what.rows.push_back(Row("decision", {Say("It is about an important decision.")}));
    }
    if (d.status == DocumentStatus::kDraft) {
      what.rows.push_back(
          Row("warning", {Say("This paper is a draft."), Say("It may change.")}));
    }
    p.sections.push_back(what);

    if (p.person_written) {
      if (p.out_of_date) {
        p.sections.push_back(
            {"out-of-date",
             "Is this easy read version up to date?",
             {Row("warning", {Say("The full paper has changed since this was written."),
                              Say("This easy read version may be out of date.")})}});
      }
      PersonWritten(version->second, p);
    } else {
      EasySection says{"about", "What is it about?", {}};
      const AgendaItem* item =
          m && !d.item.empty() ? index_.FindItem(*m, d.item) : nullptr;
      if (d.exempt) {
        says.rows.push_back(
            Row("private", {Say("This paper is private."),
                            Say("The law says it cannot be shown to the public.")}));
      } else if (item && !item->easy_read.empty()) {
        says.rows.push_back(Row(ChoosePictogram(d.title, "information"),
                                Written(item->easy_read, item->easy_read_pos)));
      } else {
        says.rows.push_back(Row(
            "information", {Say("There is no easy read summary of this paper yet.")}));
      }
      p.sections.push_back(says);
    }
    p.sections.push_back(FullVersion(p.key, "paper"));
    std::string contact;
    if (m) {
      contact = m->contact.id;
      if (contact.empty()) {
        if (const Committee* c = index_.CommitteeOf(*m)) contact = c->contact.id;
      }
    }
    p.sections.push_back(Help(contact, true));
    return p;
  }

  // The words for one action of the minutes: only what they say.
  std::vector<EasyLine> ActionSentences(const MinuteAction& a) const {
    std::vector<EasyLine> lines;
    std::string who = a.owner_text;
    if (who.empty() && !a.owner.empty())
      if (auto p = site_.people.find(a.owner.id); p != site_.people.end())
        who = p->second.name;
    if (!who.empty() && a.due)
      lines.push_back(Say(X(who) + " should do it by " + DayDate(*a.due) + "."));
    else if (!who.empty())
      lines.push_back(Say(X(who) + " should do it."));
    else if (a.due)
      lines.push_back(Say("It should be done by " + DayDate(*a.due) + "."));
    switch (a.status) {
      case ActionStatus::kNotGiven:
        break;
      case ActionStatus::kOpen:
        lines.push_back(Say("It is not done yet."));
        break;
      case ActionStatus::kInProgress:
        lines.push_back(Say("It has been started."));
        break;
      case ActionStatus::kDone:
        lines.push_back(Say("It has been done."));
        break;
      case ActionStatus::kOverdue:
        lines.push_back(Say("It is late."));
        break;
      case ActionStatus::kCancelled:
        lines.push_back(Say("It will not be done now."));
        break;
    }
    return lines;
  }

  // What a minute (or the text before the first) decided and left to do,
  // from the records the minutes were parsed into.
  void RecordLines(const Minutes& mins, const std::vector<MinuteResolution>& resolutions,
                   const std::vector<MinuteAction>& actions, EasyRow& row) const {
    const std::string page = urls::Minutes(mins.meeting_id);
    if (!resolutions.empty()) {
      size_t n = resolutions.size();
      row.lines.push_back(Say(n == 1 ? "They made 1 decision."
                                     : "They made " + std::to_string(n) + " decisions."));
      row.lines.push_back(
          LinkStandard("Read what they decided.", page + "#" + resolutions.front().id));
    }
    if (!actions.empty()) {
      size_t n = actions.size();
      row.lines.push_back(Say(n == 1 ? "There is 1 thing to do after the meeting."
                                     : "There are " + std::to_string(n) +
                                           " things to do after the meeting."));
      for (const MinuteAction& a : actions)
        for (EasyLine& l : ActionSentences(a)) row.lines.push_back(l);
    }
  }

  EasyPage MinutesPage(const Minutes& mins) const {
    const Meeting* m = index_.FindMeeting(mins.meeting_id);
    std::string date = m ? DayDate(m->start.date) : mins.meeting_id;
    bool notes = mins.kind == MinutesKind::kActionNotes;
    std::string these = notes ? "These action notes" : "These minutes";
    EasyPage p = Page(
        urls::Minutes(mins.meeting_id),
        std::string(notes ? "Action notes" : "Minutes") + " of the meeting on " + date,
        mins.pos);
    EasySection what{"what", notes ? "What are action notes?" : "What are minutes?", {}};
    if (notes) {
      what.rows.push_back(
          Row("minutes", {Say("Action notes are short notes of a meeting."),
                          Say("They say what people agreed to do.")}));
    } else {
      what.rows.push_back(
          Row("minutes", {Say("Minutes are the notes of a meeting."),
                          Say("They say what the councillors decided.")}));
    }
    if (mins.status == MinutesStatus::kDraft) {
      what.rows.push_back(Row(
          "warning",
          {Say(these + " are a draft."), Say("The committee has not agreed them yet.")}));
    } else {
      what.rows.push_back(
          Row("decision", {Say("The committee agreed " + Lower(these) + " are right.")}));
    }
    p.sections.push_back(what);
    EasySection items{"minutes", "What did they talk about?", {}};
    if (!mins.resolutions.empty() || !mins.actions.empty()) {
      EasyRow row{"decision", {Label(notes ? "The action notes" : "The minutes")}, ""};
      RecordLines(mins, mins.resolutions, mins.actions, row);
      items.rows.push_back(row);
    }
    std::set<std::string> used;
    for (const MinuteSection& s : mins.sections) {
      const AgendaItem* item = m ? index_.FindItem(*m, s.item) : nullptr;
      std::string title = item ? item->title : s.title;
      EasyRow row{ChoosePictogram(title, "minutes"),
                  {Label("Minute " + std::to_string(s.number) + ": " + X(title))},
                  ""};
      if (item) {
        for (EasyLine& l : ItemSentences(*item)) row.lines.push_back(l);
      }
      RecordLines(mins, s.resolutions, s.actions, row);
      row.lines.push_back(LinkStandard(
          "Read this minute in full.",
          urls::Minutes(mins.meeting_id) + "#" + urls::MinuteAnchor(s.number)));
      row.id = urls::MinuteAnchor(s.number);
      items.rows.push_back(row);
    }
    if (!items.rows.empty()) p.sections.push_back(items);
    if (m) {
      p.sections.push_back({"meeting",
                            "Which meeting is this?",
                            {Row("meeting", {LinkTo("Go to the meeting on " + date + ".",
                                                    urls::Meeting(m->id))})}});
    }
    p.sections.push_back(FullVersion(p.key, notes ? "action notes" : "minutes"));
    p.sections.push_back(Help(m && !m->contact.empty() ? m->contact.id : "", true));
    return p;
  }

  EasyPage PeoplePage() const {
    EasyPage p = Page(urls::People(), "People", site_.config.pos);
    EasySection s{"people",
                  "Who are the people?",
                  {Row("people", {Say("These people go to the meetings."),
                                  Say("Some are councillors."),
                                  Say("Some work for the council.")})}};
    for (const auto& [id, person] : site_.people) {
      s.rows.push_back(Row(person.honorific == "Councillor" ? "councillor" : "person",
                           {LinkTo(index_.PersonName(id) + ".", urls::Person(id))}));
    }
    p.sections.push_back(s);
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage PersonPage(const Person& person) const {
    std::string name = index_.PersonName(person.id);
    EasyPage p = Page(urls::Person(person.id), name, person.pos);
    EasySection who{"who", "Who is this?", {}};
    bool councillor = person.honorific == "Councillor";
    if (councillor) {
      who.rows.push_back(Row("councillor", {Say(name + " is a councillor."),
                                            Say("People in the area voted for them.")}));
    } else if (!person.job_title.empty() && CountWords(person.job_title) <= 10) {
      who.rows.push_back(
          Row("officer", {Say("Their job is " + X(person.job_title) + ".")}));
    } else {
      who.rows.push_back(Row("person", {Say(name + " takes part in meetings.")}));
    }
    if (!person.organisation.empty()) {
      who.rows.push_back(
          Row("group", {Say("They work with " + X(person.organisation) + ".")}));
    }
    p.sections.push_back(who);
    for (const auto& [cid, c] : site_.committees) {
      for (const Membership& mem : c.members) {
        if (mem.person.id != person.id || !IsCurrent(mem.from, mem.to, site_.today))
          continue;
        std::string role = mem.role == MemberRole::kChair ? "They are the chair of "
                           : mem.role == MemberRole::kViceChair
                               ? "They are the vice-chair of "
                               : "They are a member of ";
        p.sections.back().rows.push_back(
            Row("group", {LinkTo(role + X(c.name) + ".", urls::Committee(cid))}));
        break;
      }
    }
    if (auto it = index_.attendance.find(person.id); it != index_.attendance.end()) {
      int came = 0, sorry = 0;
      for (const AttendanceRecord& r : it->second) {
        if (r.kind == "apologies")
          ++sorry;
        else
          ++came;
      }
      EasySection att{"meetings", "Which meetings did they go to?", {}};
      if (came)
        att.rows.push_back(
            Row("meeting", {Say("They went to " + std::to_string(came) +
                                (came == 1 ? " meeting." : " meetings."))}));
      if (sorry)
        att.rows.push_back(
            Row("apologies", {Say("They could not come to " + std::to_string(sorry) +
                                  (sorry == 1 ? " meeting." : " meetings."))}));
      if (!att.rows.empty()) p.sections.push_back(att);
    }
    p.sections.push_back(FullVersion(p.key, "page about this person"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage WorkProgrammePage(const WorkProgramme& wp) const {
    EasyPage p = Page(urls::WorkProgramme(wp.id), "Plan of topics", wp.pos);
    p.sections.push_back(
        {"what",
         "What is this plan?",
         {Row("plan", {Say("This is a list of topics for the committee."),
                       Say("It says when they will look at each one.")})}});
    EasySection rows{"topics", "What will they look at?", {}};
    for (const WorkProgrammeRow& r : wp.rows) {
      EasyRow row{ChoosePictogram(r.topic, "plan"), {Label(X(r.topic))}, ""};
      if (r.when == WhenKind::kMeeting) {
        if (const Meeting* m = index_.FindMeeting(r.meeting.id)) {
          row.lines.push_back(LinkTo("At the meeting on " + DayDate(m->start.date) + ".",
                                     urls::Meeting(m->id)));
        }
      } else if (r.when == WhenKind::kStanding) {
        // How often only when the papers say: a standing item is not
        // "every meeting" unless its cadence says so.
        row.lines.push_back(Say("This topic comes back regularly."));
        if (!r.cadence.empty() && CountWords(r.cadence) <= 8)
          row.lines.push_back(Say("How often: " + X(r.cadence) + "."));
      } else if (r.when == WhenKind::kMonth) {
        row.lines.push_back(
            Say("They plan to look at this in " + MonthYear(r.year, r.month) + "."));
      } else {
        row.lines.push_back(Say("The date is not fixed yet."));
      }
      rows.rows.push_back(row);
    }
    p.sections.push_back(rows);
    p.sections.push_back(FullVersion(p.key, "plan"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage ForwardPlansPage() const {
    EasyPage p = Page(urls::ForwardPlans(), "Decisions to come", site_.config.pos);
    p.sections.push_back(
        {"what",
         "What are these lists?",
         {Row("decision", {Say("The council must say which big decisions are coming."),
                           Say("It says so at least 28 days before.")})}});
    EasySection plans{"plans", "Which lists are there?", {}};
    for (const auto& [id, plan] : site_.forward_plans) {
      std::string text = plan.published
                             ? "The list from " + DayDate(*plan.published) + "."
                             : "Read the list.";
      plans.rows.push_back(Row("list", {LinkTo(text, urls::ForwardPlan(id))}));
    }
    if (!plans.rows.empty()) p.sections.push_back(plans);
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage ForwardPlanPage(const ForwardPlan& plan) const {
    EasyPage p = Page(urls::ForwardPlan(plan.id), "Decisions to come", plan.pos);
    EasySection what{"what", "What is this list?", {}};
    what.rows.push_back(
        Row("decision", {Say("This is a list of decisions the council plans."),
                         Say("It says who will decide and when.")}));
    if (plan.published)
      what.rows.push_back(Row("date", {Say("The council published it on " +
                                           DayDate(*plan.published) + ".")}));
    p.sections.push_back(what);
    EasySection list{"decisions", "What will they decide?", {}};
    for (const ForwardPlanEntry& e : plan.entries) {
      EasyRow row{ChoosePictogram(e.title, "decision"), {Label(X(e.title))}, ""};
      row.id = urls::ForwardPlanEntryAnchor(e.id);
      std::string maker = DecisionMakerName(site_, e);
      if (!maker.empty() && CountWords(maker) <= 10)
        row.lines.push_back(Say("Who decides: " + X(maker) + "."));
      switch (e.expected) {
        case ExpectedKind::kDate:
          row.lines.push_back(
              Say("They plan to decide on " + DayDate(e.expected_date) + "."));
          break;
        case ExpectedKind::kMonth:
          row.lines.push_back(Say("They plan to decide in " +
                                  MonthYear(e.expected_date.year, e.expected_date.month) +
                                  "."));
          break;
        case ExpectedKind::kTbc:
          row.lines.push_back(Say("The date is not fixed yet."));
          break;
      }
      if (e.key_decision == KeyDecision::kYes) {
        row.lines.push_back(Say("The law calls this a key decision."));
        row.lines.push_back(Say("It is a big decision."));
      }
      if (e.access == DecisionAccess::kExempt || e.access == DecisionAccess::kPartExempt)
        row.lines.push_back(Say("Some of the papers may be private."));
      if (!e.meeting.empty()) {
        if (const Meeting* m = index_.FindMeeting(e.meeting.id))
          row.lines.push_back(
              LinkTo("Go to the meeting on " + DayDate(m->start.date) + ".",
                     urls::Meeting(m->id)));
      }
      list.rows.push_back(row);
    }
    if (!list.rows.empty()) p.sections.push_back(list);
    p.sections.push_back(FullVersion(p.key, "list of decisions"));
    p.sections.push_back(Help(plan.contact.id, false));
    return p;
  }

  EasyPage GlossaryPage() const {
    EasyPage p = Page(urls::Glossary(), "What words mean", site_.config.pos);
    p.glossary = true;
    p.sections.push_back(
        {"about",
         "What is this page?",
         {Row("information", {Say("Council papers use some hard words."),
                              Say("Some words are short forms made of capital letters."),
                              Say("This page says what they mean.")})}});
    EasySection words{"words", "What do the words mean?", {}};
    for (const auto& [term, t] : site_.glossary) {
      if (t.name && t.plain.empty()) continue;  // a name with nothing to say
      EasyRow row{"information", {Label(t.term)}, ""};
      // Each meaning's words, placed at its entry in glossary.yaml, so that
      // what `clerk check` says of them points there.
      auto add = [&](const std::string& expansion, const std::string& plain,
                     const SourcePos& pos, const char* intro) {
        if (!expansion.empty() && expansion != t.term) {
          row.lines.push_back(Say(intro + expansion + "."));
          row.lines.back().pos = pos;
        }
        bool short_enough = true;
        for (const std::string& s : SplitSentences(plain))
          short_enough &= CountWords(s) <= kMaxWords;
        if (short_enough) {
          for (EasyLine& line : Written(plain, pos)) row.lines.push_back(line);
        }
      };
      if (t.meanings.empty()) add(t.expansion, t.plain, t.pos, "It means ");
      for (const GlossaryMeaning& m : t.meanings)
        add(m.expansion, m.plain, m.pos, "In some papers, it means ");
      words.rows.push_back(row);
    }
    p.sections.push_back(words);
    p.sections.push_back(FullVersion(p.key, "list of words"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage AccessibilityPage() const {
    EasyPage p = Page(urls::Accessibility(), "Accessibility", site_.config.pos);
    p.sections.push_back(
        {"about",
         "Can everyone use this website?",
         {Row("website", {Say("We want everyone to be able to use this website.")}),
          Row("document", {Say("Every page has a large print version."),
                           Say("Every page has an easy read version.")}),
          Row("warning", {Say("Tell us if something does not work for you.")})}});
    p.sections.push_back(FullVersion(p.key, "accessibility statement"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage Fallback(const std::string& key, const std::string& title) const {
    EasyPage p = Page(key, X(title), site_.config.pos);
    if (key.rfind("decisions/", 0) == 0) {
      p.title = "What the committees decided";
      p.sections.push_back(
          {"about",
           "What is on this page?",
           {Row("decision",
                {Say("Committees make decisions at their meetings."),
                 Say("The minutes of each meeting say what they decided.")})}});
      EasySection list{"minutes", "Where can I read the decisions?", {}};
      for (auto it = index_.meetings_by_date.rbegin();
           it != index_.meetings_by_date.rend(); ++it) {
        const Meeting& m = **it;
        auto mins = site_.minutes.find(m.id);
        if (mins == site_.minutes.end()) continue;
        std::string committee =
            key == "decisions/index.html" ? "" : key.substr(10, key.find('/', 10) - 10);
        if (!committee.empty() && m.committee.id != committee) continue;
        // The resolutions the minutes were parsed into: a meeting that
        // decided nothing is not listed.
        size_t n = mins->second.resolutions.size();
        for (const MinuteSection& s : mins->second.sections) n += s.resolutions.size();
        if (n == 0) continue;
        list.rows.push_back(Row(
            "minutes", {Label(CommitteeName(m)),
                        Say(n == 1 ? "They made 1 decision."
                                   : "They made " + std::to_string(n) + " decisions."),
                        LinkTo("Read what they decided on " + DayDate(m.start.date) + ".",
                               urls::Minutes(m.id))}));
      }
      if (!list.rows.empty()) p.sections.push_back(list);
    } else {
      p.sections.push_back(
          {"about",
           "Is this page in easy read?",
           {Row("information", {Say("This page is not in easy read yet."),
                                LinkStandard("Go to the page.", key)})}});
    }
    p.sections.push_back(FullVersion(key, "page"));
    p.sections.push_back(Help("", false));
    return p;
  }

  EasyPage NotFound() const {
    EasyPage p = Page(urls::NotFound(), "We cannot find this page", site_.config.pos);
    p.sections.push_back(
        {"what-now",
         "What can I do?",
         {Row("warning", {Say("The web address may be wrong.")}),
          Row("website", {LinkTo("Go to the home page.", urls::Home()),
                          LinkTo("See all meetings.", urls::Meetings())})}});
    return p;
  }

  const SiteIndex& index_;
  const Site& site_;
};

}  // namespace

std::vector<std::string> SplitSentences(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  std::string t = text;
  for (char& c : t) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  for (size_t i = 0; i < t.size(); ++i) {
    current += t[i];
    bool end = (t[i] == '.' || t[i] == '!' || t[i] == '?') &&
               (i + 1 == t.size() || t[i + 1] == ' ');
    if (end) {
      std::string s = Trim(current);
      if (!s.empty()) out.push_back(s);
      current.clear();
    }
  }
  std::string s = Trim(current);
  if (!s.empty()) out.push_back(s);
  return out;
}

int CountWords(const std::string& sentence) {
  int words = 0;
  bool in_word = false, has_alnum = false;
  for (size_t i = 0; i <= sentence.size(); ++i) {
    char c = i < sentence.size() ? sentence[i] : ' ';
    unsigned char u = static_cast<unsigned char>(c);
    bool part = ascii::IsAlnum(c) || c == '\'' || c == '-' || c == '&' || u >= 0x80;
    if (part) {
      in_word = true;
      has_alnum |= ascii::IsAlnum(c) || u >= 0x80;
    } else if (in_word) {
      if (has_alnum) ++words;
      in_word = has_alnum = false;
    }
  }
  return words;
}

std::string TimeInWords(const TimeOfDay& t) {
  if (t.hour == 12 && t.minute == 0) return "12 noon";
  if (t.hour == 0 && t.minute == 0) return "midnight";
  int hour = t.hour;
  int minute = t.minute;
  std::string part;
  int next = hour + 1;
  auto h12 = [](int h) { return std::to_string(h % 12 == 0 ? 12 : h % 12); };
  auto when = [](int h) {
    return h < 12 ? " in the morning" : h < 18 ? " in the afternoon" : " in the evening";
  };
  if (minute == 0) return h12(hour) + " o'clock" + when(hour);
  if (minute == 15) return "quarter past " + h12(hour) + when(hour);
  if (minute == 30) return "half past " + h12(hour) + when(hour);
  if (minute == 45) return "quarter to " + h12(next) + when(next);
  if (minute < 30)
    return std::to_string(minute) + " minutes past " + h12(hour) + when(hour);
  return std::to_string(60 - minute) + " minutes to " + h12(next) + when(next);
}

EasyPage FallbackEasyPage(const std::string& key, const std::string& title,
                          const SiteIndex& index) {
  return Builder(index).Fallback(key, title);
}

struct EasyReadPages::Makers {
  std::map<std::string, std::function<EasyPage(const Builder&)>> by_key;
};

EasyReadPages::EasyReadPages(const SiteIndex& index)
    : index_(index),
      makers_(std::make_unique<Makers>(Makers{Builder::Makers(index.site)})) {}

EasyReadPages::~EasyReadPages() = default;

std::optional<EasyPage> EasyReadPages::Find(const std::string& key) const {
  auto it = makers_->by_key.find(key);
  if (it == makers_->by_key.end()) return std::nullopt;
  return it->second(Builder(index_));
}

std::vector<std::string> EasyReadPages::Keys() const {
  std::vector<std::string> keys;
  for (const auto& [key, make] : makers_->by_key) keys.push_back(key);
  return keys;
}

std::map<std::string, EasyPage> BuildEasyReadPages(const SiteIndex& index) {
  EasyReadPages pages(index);
  std::map<std::string, EasyPage> all;
  for (const std::string& key : pages.Keys()) all[key] = *pages.Find(key);
  return all;
}

json EasyReadJson(const EasyPage& page, const std::string& page_path,
                  const Rendition& rendition, const std::vector<Rendition>& renditions) {
  Rendition standard{"standard", "Standard", ""};
  for (const Rendition& r : renditions) {
    if (r.id == "standard") standard = r;
  }
  auto href = [&](const EasyLine& l) -> std::string {
    switch (l.target) {
      case EasyLine::Target::kPage:
        return urls::Relative(page_path, urls::Page(rendition, l.href));
      case EasyLine::Target::kStandardPage:
        return urls::Relative(page_path, urls::Page(standard, l.href));
      case EasyLine::Target::kExternal:
        return l.href;
      default:
        return "";
    }
  };
  std::string picture_dir =
      urls::Relative(page_path, urls::ThemeAsset("pictograms/x.svg"));
  picture_dir.resize(picture_dir.size() - 5);
  json sections = json::array();
  for (const EasySection& s : page.sections) {
    json rows = json::array();
    for (const EasyRow& r : s.rows) {
      json lines = json::array();
      for (const EasyLine& l : r.lines) {
        lines.push_back({{"text", l.text}, {"href", href(l)}, {"label", l.label}});
      }
      rows.push_back({{"picture", picture_dir + r.picture + ".svg"},
                      {"lines", lines},
                      {"id", r.id}});
    }
    sections.push_back({{"id", "easy-" + s.id}, {"heading", s.heading}, {"rows", rows}});
  }
  return {{"title", page.title},
          {"person_written", page.person_written},
          {"out_of_date", page.out_of_date},
          {"sections", sections}};
}

}  // namespace clerk
