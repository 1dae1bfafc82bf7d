// Text made safe for the formats the output stage writes by hand, whatever
// the records hold. The loader refuses control characters in what it reads,
// but a writer must not depend on that: one stray byte makes a feed that is
// not XML (readers drop the whole feed) or adds a line to a calendar.
//
// Both replace bytes that are not UTF-8 (an overlong form, a lone
// surrogate, a cut-off sequence) with U+FFFD, and drop U+FFFE and U+FFFF.
#pragma once

#include <string>
#include <string_view>

namespace clerk::output {

// Only the characters XML 1.0 allows (#x9, #xA, #xD, #x20-#xD7FF,
// #xE000-#xFFFD, #x10000-#x10FFFF): the rest of C0 is dropped.
std::string XmlChars(std::string_view text);

// XmlChars, then escaped for XML text and attribute values (& < > ").
std::string XmlText(std::string_view text);

// An iCalendar TEXT (or URI) value, RFC 5545 3.3.11: no CONTROL character
// but HTAB. With `multiline`, a line break (LF, CR LF or CR) is kept as one
// LF, which the calendar writer escapes as "\n"; without it (a summary, a
// location, a URL) it becomes a space.
std::string IcalChars(std::string_view text, bool multiline);

}  // namespace clerk::output
