#include "incremental/record_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <type_traits>

#include "files/program_identity.h"
#include "files/source_boundary.h"
#include "files/source_files.h"

namespace clerk {
namespace {

constexpr const char* kMagic = "clerk records v6\n";

// Writes values as bytes: integers fixed-size, strings and lists with their
// length first.
class Writer {
 public:
  std::string bytes;
  void Raw(const void* p, size_t n) { bytes.append(static_cast<const char*>(p), n); }
  void operator()(const std::string& s) {
    Int(static_cast<int64_t>(s.size()));
    bytes += s;
  }
  void operator()(const SourcePath& p) { (*this)(p.str()); }
  void operator()(const bool& b) { bytes += b ? '\1' : '\0'; }
  void operator()(const int& i) { Int(i); }
  template <typename E>
  std::enable_if_t<std::is_enum_v<E>> operator()(const E& e) {
    Int(static_cast<int64_t>(e));
  }
  void Int(int64_t v) { Raw(&v, sizeof v); }
};

// Reads what Writer wrote; any overrun or nonsense sets `ok` to false.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool ok = true;
  bool done() const { return rest_.empty(); }
  void operator()(std::string& s) {
    int64_t n = Int();
    if (n < 0 || static_cast<size_t>(n) > rest_.size()) return Fail();
    s.assign(rest_.data(), static_cast<size_t>(n));
    rest_.remove_prefix(static_cast<size_t>(n));
  }
  // A path the same as the one read last shares its copy: a folder's
  // positions are nearly all in a few files (model/source_path.h).
  void operator()(SourcePath& p) {
    std::string text;
    (*this)(text);
    if (text != last_path_.str()) last_path_ = SourcePath(std::move(text));
    p = last_path_;
  }
  void operator()(bool& b) {
    if (rest_.empty()) return Fail();
    b = rest_[0] != 0;
    rest_.remove_prefix(1);
  }
  void operator()(int& i) { i = static_cast<int>(Int()); }
  template <typename E>
  std::enable_if_t<std::is_enum_v<E>> operator()(E& e) {
    e = static_cast<E>(Int());
  }
  int64_t Int() {
    int64_t v = 0;
    if (rest_.size() < sizeof v) {
      Fail();
      return 0;
    }
    std::memcpy(&v, rest_.data(), sizeof v);
    rest_.remove_prefix(sizeof v);
    return v;
  }

 private:
  void Fail() {
    ok = false;
    rest_ = {};
  }
  std::string_view rest_;
  SourcePath last_path_;
};

// A field added to one of these records must be added to its Fields()
// below too, or a cached folder would come back without it: these sizes make
// the build fail until someone has looked (then update them; the round-trip
// test over the example site compares every record).
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(SourcePos) == 24 && sizeof(Ref) == 56 && sizeof(Attendee) == 176 &&
                  sizeof(Attendance) == 120 && sizeof(Exemption) == 64 &&
                  sizeof(AgendaItem) == 496 && sizeof(Meeting) == 800 &&
                  sizeof(Recommendation) == 88 && sizeof(Document) == 600 &&
                  sizeof(EasyReadVersion) == 256 && sizeof(MinuteSection) == 176 &&
                  sizeof(Minutes) == 312 && sizeof(WorkProgrammeRow) == 408 &&
                  sizeof(WorkProgramme) == 224,
              "a meeting record changed: update Fields() in record_cache.cpp");
#endif

// One list of fields per struct, used both ways, so writing and reading
// cannot disagree. A field missing here would come back empty: the round
// trip test over the example site compares every record.
template <typename T>
void Each(Writer& w, std::vector<T>& items);
template <typename T>
void Each(Reader& r, std::vector<T>& items);
template <typename T>
void Each(Writer& w, std::optional<T>& item);
template <typename T>
void Each(Reader& r, std::optional<T>& item);

template <typename A>
void Fields(A& a, Fingerprint& x) {
  if constexpr (std::is_same_v<A, Writer>) {
    a.Int(static_cast<int64_t>(x.high)), a.Int(static_cast<int64_t>(x.low));
  } else {
    x.high = static_cast<uint64_t>(a.Int()), x.low = static_cast<uint64_t>(a.Int());
  }
}
template <typename A>
void Fields(A& a, SourcePos& p) {
  a(p.path), a(p.line), a(p.column);
}
template <typename A>
void Fields(A& a, Ref& r) {
  a(r.id), Fields(a, r.pos);
}
template <typename A>
void Fields(A& a, Date& d) {
  a(d.year), a(d.month), a(d.day);
}
template <typename A>
void Fields(A& a, TimeOfDay& t) {
  a(t.hour), a(t.minute);
}
template <typename A>
void Fields(A& a, MeetingStart& t) {
  Fields(a, t.date), Each(a, t.time);
}
template <typename A>
void Fields(A& a, Attendee& x) {
  Fields(a, x.pos), Fields(a, x.person), a(x.capacity), Fields(a, x.substitute_for),
      a(x.remote);
}
template <typename A>
void Fields(A& a, Attendance& x) {
  Each(a, x.present), Each(a, x.apologies), Each(a, x.substitutes),
      Each(a, x.also_attending), Each(a, x.remote);
}
template <typename A>
void Fields(A& a, Exemption& x) {
  Fields(a, x.pos), a(x.paragraph), a(x.reason);
}
template <typename A>
void Fields(A& a, AgendaItem& x) {
  Fields(a, x.pos), a(x.number), a(x.title), a(x.purpose), Each(a, x.time_from),
      Each(a, x.time_to), a(x.pages), Each(a, x.documents), Each(a, x.exempt),
      a(x.easy_read), Fields(a, x.easy_read_pos), a(x.picture), Fields(a, x.topic),
      Each(a, x.invited), Each(a, x.sub_items), a(x.full_number);
}
template <typename A>
void Fields(A& a, Meeting& x) {
  a(x.id), Fields(a, x.pos), a(x.incomplete), a(x.dir), Fields(a, x.committee),
      a(x.title), a(x.status), a(x.kind), Each(a, x.open_to_public), Fields(a, x.start),
      Fields(a, x.start_pos), Fields(a, x.venue_pos), Each(a, x.end), Fields(a, x.venue),
      a(x.venue_tbc), a(x.papers_url), a(x.webcast), Fields(a, x.contact), a(x.notice),
      a(x.easy_read), Fields(a, x.easy_read_pos), Fields(a, x.moved_to), a(x.sequence),
      Fields(a, x.attendance), Each(a, x.agenda), Each(a, x.documents), a(x.has_minutes);
}
template <typename A>
void Fields(A& a, PaperPerson& x) {
  Fields(a, x.pos), Fields(a, x.person), a(x.name), a(x.role);
}
template <typename A>
void Fields(A& a, ExternalAppendix& x) {
  Fields(a, x.pos), a(x.title), a(x.url);
}
template <typename A>
void Fields(A& a, Recommendation& x) {
  Fields(a, x.pos), a(x.id), a(x.text);
}
template <typename A>
void Fields(A& a, GlossaryChoice& x) {
  Fields(a, x.pos), a(x.term), a(x.expansion);
}
template <typename A>
void Fields(A& a, Document& x) {
  a(x.id), a(x.meeting_id), Fields(a, x.pos), a(x.incomplete), a(x.path), a(x.kind),
      a(x.title), a(x.item), Fields(a, x.item_pos), Each(a, x.authors),
      Each(a, x.contacts), a(x.organisation), a(x.status), a(x.exempt),
      Each(a, x.key_decision), Each(a, x.published), Each(a, x.wards),
      Each(a, x.recommendations), Each(a, x.appendices), Each(a, x.external_appendices),
      a(x.pages), a(x.summary), Each(a, x.glossary), Each(a, x.images), a(x.body),
      a(x.body_line), Fields(a, x.body_fingerprint), a(x.body_in_file_only);
}
template <typename A>
void Fields(A& a, EasyReadVersion& x) {
  a(x.meeting_id), a(x.document_id), Fields(a, x.pos), a(x.path), a(x.written_from),
      Fields(a, x.written_from_pos), a(x.document_sha256), a(x.out_of_date), a(x.body),
      a(x.body_line);
}
template <typename A>
void Fields(A& a, MinuteResolution& x) {
  Fields(a, x.pos), a(x.id), a(x.text), a(x.with_list);
}
template <typename A>
void Fields(A& a, MinuteAction& x) {
  Fields(a, x.pos), a(x.id), a(x.text), Fields(a, x.owner), a(x.owner_text),
      Each(a, x.due), a(x.status);
}
template <typename A>
void Fields(A& a, MinuteSection& x) {
  Fields(a, x.pos), a(x.number), a(x.item), Fields(a, x.item_pos), a(x.title),
      a(x.heading_line), Each(a, x.resolutions), Each(a, x.actions);
}
template <typename A>
void Fields(A& a, Minutes& x) {
  a(x.meeting_id), Fields(a, x.pos), a(x.path), a(x.kind), a(x.status),
      Fields(a, x.status_pos), Fields(a, x.approved_at), Each(a, x.sections),
      Each(a, x.resolutions), Each(a, x.actions), a(x.body), a(x.body_line),
      Fields(a, x.body_fingerprint), a(x.body_in_file_only);
}

template <typename A>
void Fields(A& a, PersonOrText& x) {
  Fields(a, x.pos), Fields(a, x.person), a(x.text);
}
template <typename A>
void Fields(A& a, WorkProgrammeRow& x) {
  Fields(a, x.pos), a(x.topic), a(x.description), a(x.author), a(x.scrutiny), a(x.when),
      Fields(a, x.meeting), a(x.item), Fields(a, x.item_pos), a(x.year), a(x.month),
      a(x.cadence), Each(a, x.last_report), Each(a, x.witnesses), Each(a, x.visits),
      a(x.notes);
}
template <typename A>
void Fields(A& a, ProgrammeMeeting& x) {
  Fields(a, x.pos), Fields(a, x.meeting), Each(a, x.report_deadline),
      Each(a, x.publication);
}
template <typename A>
void Fields(A& a, WorkProgramme& x) {
  a(x.id), Fields(a, x.pos), Fields(a, x.committee), a(x.title), a(x.period),
      Each(a, x.rows), Each(a, x.meetings);
}

// A value of a list: strings and numbers go straight to the archive,
// records through their fields.
template <typename A, typename T>
void Value(A& a, T& v) {
  if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, int> ||
                std::is_same_v<T, bool>)
    a(v);
  else
    Fields(a, v);
}

template <typename T>
void Each(Writer& w, std::vector<T>& items) {
  w.Int(static_cast<int64_t>(items.size()));
  for (T& item : items) Value(w, item);
}
template <typename T>
void Each(Reader& r, std::vector<T>& items) {
  int64_t n = r.Int();
  if (n < 0 || n > (1 << 24)) {
    r.ok = false;
    return;
  }
  items.clear();
  for (int64_t i = 0; i < n && r.ok; ++i) {
    items.emplace_back();
    Value(r, items.back());
  }
}
template <typename T>
void Each(Writer& w, std::optional<T>& item) {
  w(item.has_value());
  if (item) Value(w, *item);
}
template <typename T>
void Each(Reader& r, std::optional<T>& item) {
  bool has = false;
  r(has);
  item.reset();
  if (has && r.ok) {
    item.emplace();
    Value(r, *item);
  }
}

// A folder's records: maps written as lists of (key, record).
template <typename A, typename T>
void Map(A& a, std::map<std::string, T>& map) {
  if constexpr (std::is_same_v<A, Writer>) {
    a.Int(static_cast<int64_t>(map.size()));
    for (auto& [key, value] : map) {
      std::string k = key;
      a(k);
      Fields(a, value);
    }
  } else {
    int64_t n = a.Int();
    if (n < 0 || n > (1 << 24)) {
      a.ok = false;
      return;
    }
    for (int64_t i = 0; i < n && a.ok; ++i) {
      std::string key;
      a(key);
      Fields(a, map[key]);
    }
  }
}

template <typename A>
void Part(A& a, Site& part) {
  Map(a, part.meetings);
  Map(a, part.documents);
  Map(a, part.minutes);
  Map(a, part.easy_read_versions);
  Map(a, part.folder_records);
  Map(a, part.work_programmes);
}

std::string Encode(const std::string& stamp, const Site& part) {
  Writer w;
  w.bytes = kMagic;
  std::string s = stamp;
  w(s);
  Part(w, const_cast<Site&>(part));  // Writer only reads
  return w.bytes;
}

}  // namespace

std::string RecordCache::Stamp(const std::string& dir, const std::string& display_dir) {
  // Whether links out of the site are followed decides whether a folder
  // with one loads without an error: a folder loaded with
  // --allow-outside-links is not one loaded without.
  std::string stamp = ProgramIdentity() + "\n" + display_dir + "\n" +
                      (OutsideLinksAllowed() ? "links out allowed\n" : "");
  // Each file relative to the folder: one name to look up, not the path.
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) return stamp;
  for (const std::string& name : ListFiles(dir)) {
    struct stat st;
    if (::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    // A link is stamped with where it leads as well as with what it leads
    // to: pointed elsewhere (out of the site, say), the folder is loaded
    // and checked again even if the new target has the same size and time.
    if (S_ISLNK(st.st_mode)) {
      char target[4096];
      ssize_t n = ::readlinkat(dir_fd, name.c_str(), target, sizeof target);
      stamp +=
          name + " -> " + std::string(target, n > 0 ? static_cast<size_t>(n) : 0) + "\n";
      if (::fstatat(dir_fd, name.c_str(), &st, 0) != 0) continue;
    }
    stamp += name + " " + std::to_string(st.st_size) + " " +
             std::to_string(st.st_mtim.tv_sec) + "." +
             std::to_string(st.st_mtim.tv_nsec) + "\n";
  }
  ::close(dir_fd);
  return stamp;
}

bool RecordCache::Find(const std::string& folder, const std::string& stamp,
                       Site& part) const {
  if (dir_.empty()) return false;
  {
    std::lock_guard<std::mutex> lock(clean_mutex_);
    stamps_[folder] = FingerprintOf(stamp);
  }
  std::string bytes;
  if (!ReadWholeFile(dir_ + "/" + folder + ".rec", &bytes)) return false;
  std::string_view view = bytes;
  if (view.substr(0, std::strlen(kMagic)) != kMagic) return false;
  Reader r(view.substr(std::strlen(kMagic)));
  std::string saved;
  r(saved);
  if (!r.ok || saved != stamp) return false;
  Site read;
  Part(r, read);
  if (!r.ok || !r.done()) return false;
  if (folder != kWorkProgrammesEntry) ++hits_;
  NoteClean(folder);
  part.meetings.merge(read.meetings);
  part.documents.merge(read.documents);
  part.minutes.merge(read.minutes);
  part.easy_read_versions.merge(read.easy_read_versions);
  part.folder_records.merge(read.folder_records);
  part.work_programmes.merge(read.work_programmes);
  return true;
}

void RecordCache::Loaded(const std::string& folder, const std::string& stamp) {
  if (dir_.empty()) return;
  NoteClean(folder);
  std::lock_guard<std::mutex> lock(mutex_);
  loaded_.push_back({folder, stamp});
}

namespace {

// Moves the entries of `from` that belong to meeting `folder` into `to`.
template <typename Map>
void MoveOfMeeting(Map& from, Map& to, const std::string& folder) {
  auto range = OfMeeting(from, folder);
  for (auto it = range.begin(); it != range.end();) to.insert(from.extract(it++));
}

}  // namespace

bool RecordCache::Reuse(const std::string& entry, Site& part) {
  if (!before_) return false;
  {
    // One lock for the lookup and the moves: other threads may take other
    // entries from the same site at the same time.
    std::lock_guard<std::mutex> lock(mutex_);
    if (before_->reusable.count(entry) == 0) return false;
    Site& from = before_->site;
    if (entry == kWorkProgrammesEntry) {
      part.work_programmes = std::move(from.work_programmes);
      from.work_programmes.clear();
      if (auto records = from.folder_records.extract(entry))
        part.folder_records.insert(std::move(records));
    } else if (entry == kPeopleEntry) {
      part.people = std::move(from.people);
      from.people.clear();
    } else if (entry == kCommitteesEntry) {
      part.committees = std::move(from.committees);
      from.committees.clear();
    } else {
      return false;  // a meeting folder: ReuseMeetingFolders
    }
    before_->reusable.erase(entry);  // taken: a second Reuse finds nothing
  }
  NoteClean(entry);
  return true;
}

namespace {

// Moves the records of meeting folder `folder` (its meeting, documents,
// minutes, easy-read versions and records' fingerprint) from `from` to `to`.
void MoveFolder(Site& from, Site& to, const std::string& folder) {
  if (auto meeting = from.meetings.extract(folder))
    to.meetings.insert(std::move(meeting));
  MoveOfMeeting(from.documents, to.documents, folder);
  MoveOfMeeting(from.easy_read_versions, to.easy_read_versions, folder);
  if (auto minutes = from.minutes.extract(folder)) to.minutes.insert(std::move(minutes));
  if (auto records = from.folder_records.extract(folder))
    to.folder_records.insert(std::move(records));
}

// Moves the whole of `from` into `into`, keeping what `into` had: the
// smaller map's nodes into the larger, which is then `into`'s.
template <typename Map>
void MoveWhole(Map& from, Map& into) {
  if (into.size() > from.size()) std::swap(from, into);
  from.merge(into);
  std::swap(from, into);
}

// The name a sorted container holds: a set's element, a map entry's key.
const std::string& NameOf(const std::string& name) {
  return name;
}
template <typename Value>
const std::string& NameOf(const std::pair<const std::string, Value>& entry) {
  return entry.first;
}

// Splits sorted `names` by whether each is in sorted `in` (a set, a map or
// a vector of names; both walked once).
template <typename In>
void Split(std::vector<std::string> names, const In& in, std::vector<std::string>& inside,
           std::vector<std::string>& outside) {
  auto at = in.begin();
  for (std::string& name : names) {
    while (at != in.end() && NameOf(*at) < name) ++at;
    (at != in.end() && NameOf(*at) == name ? inside : outside).push_back(std::move(name));
  }
}

// The keys of sorted `map` that are not in sorted `names`.
template <typename Map>
std::vector<std::string> KeysNotIn(const Map& map,
                                   const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  auto at = names.begin();
  for (const auto& [key, value] : map) {
    while (at != names.end() && *at < key) ++at;
    if (at == names.end() || *at != key) keys.push_back(key);
  }
  return keys;
}

}  // namespace

void RecordCache::ReuseMeetingFolders(std::vector<std::string>& folders, Site& site) {
  if (!before_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  Site& from = before_->site;
  std::sort(folders.begin(), folders.end());
  // Taken: the folders that are reusable and whose records are here; all
  // lists sorted.
  std::vector<std::string> candidates, taken, rest;
  Split(std::move(folders), before_->reusable, candidates, rest);
  Split(std::move(candidates), from.meetings, taken, rest);
  folders = std::move(rest);
  // The records of the folders not taken are held aside while the maps
  // move, then put back (a session's next steps look for the changed ones
  // there), with any entry of the records' fingerprints that is no
  // meeting's (kWorkProgrammesEntry if it was not taken).
  Site held;
  for (const std::string& folder : KeysNotIn(from.meetings, taken))
    MoveFolder(from, held, folder);
  for (const std::string& key : KeysNotIn(from.folder_records, taken))
    held.folder_records.insert(from.folder_records.extract(key));
  MoveWhole(from.meetings, site.meetings);
  MoveWhole(from.documents, site.documents);
  MoveWhole(from.minutes, site.minutes);
  MoveWhole(from.easy_read_versions, site.easy_read_versions);
  MoveWhole(from.folder_records, site.folder_records);
  from.meetings = std::move(held.meetings);
  from.documents = std::move(held.documents);
  from.minutes = std::move(held.minutes);
  from.easy_read_versions = std::move(held.easy_read_versions);
  from.folder_records = std::move(held.folder_records);
  hits_ += taken.size();
  // Taken, so a second Reuse finds none of them, and clean: each name's node
  // moves from one set to the other.
  std::lock_guard<std::mutex> clean_lock(clean_mutex_);
  auto name = before_->reusable.begin();
  for (const std::string& folder : taken) {
    while (*name < folder) ++name;
    auto next = std::next(name);
    clean_.insert(clean_.end(), before_->reusable.extract(name));
    name = next;
  }
}

void RecordCache::NoteClean(const std::string& folder) const {
  std::lock_guard<std::mutex> lock(clean_mutex_);
  clean_.insert(folder);
}

std::map<std::string, Fingerprint> RecordCache::stamps() const {
  std::lock_guard<std::mutex> lock(clean_mutex_);
  return stamps_;
}

std::set<std::string> RecordCache::clean() const {
  std::lock_guard<std::mutex> lock(clean_mutex_);
  return clean_;
}

std::vector<std::string> RecordCache::Save(const Site& site) const {
  std::vector<std::string> written;
  if (dir_.empty() || loaded_.empty()) return written;
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  for (const auto& [folder, stamp] : loaded_) {
    written.push_back(folder + ".rec");
    // The folder's records: its meeting, and what is keyed under it.
    Site part;
    if (folder == kWorkProgrammesEntry) {
      part.work_programmes = site.work_programmes;
      if (auto it = site.folder_records.find(folder); it != site.folder_records.end())
        part.folder_records.insert(*it);
      Write(folder, stamp, part);
      continue;
    }
    auto meeting = site.meetings.find(folder);
    if (meeting == site.meetings.end()) continue;
    part.meetings.insert(*meeting);
    for (const auto& [key, source] : OfMeeting(site.documents, folder)) {
      Document& doc = part.documents[key] = source;
      doc.body.clear();  // read from the file when needed (content/paper_body.h)
      doc.body_in_file_only = true;
    }
    if (auto it = site.minutes.find(folder); it != site.minutes.end()) {
      Minutes& minutes = part.minutes[it->first] = it->second;
      minutes.body.clear();  // read from the file when needed (content/paper_body.h)
      minutes.body_in_file_only = true;
    }
    for (const auto& entry : OfMeeting(site.easy_read_versions, folder))
      part.easy_read_versions.insert(entry);
    if (auto it = site.folder_records.find(folder); it != site.folder_records.end())
      part.folder_records.insert(*it);
    Write(folder, stamp, part);
  }
  return written;
}

void RecordCache::Write(const std::string& folder, const std::string& stamp,
                        const Site& part) const {
  std::string path = dir_ + "/" + folder + ".rec";
  std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  std::string bytes = Encode(stamp, part);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::remove(tmp.c_str());
      return;  // only a speed-up
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) std::remove(tmp.c_str());
}

bool RecordCache::RoundTrip(const Site& part, Site& back) {
  std::string bytes = Encode("stamp", part);
  Reader r(std::string_view(bytes).substr(std::strlen(kMagic)));
  std::string stamp;
  r(stamp);
  Part(r, back);
  return r.ok && r.done() && stamp == "stamp";
}

}  // namespace clerk
