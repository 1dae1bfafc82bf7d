// Email addresses written in the content (a person's `email`, the site
// contact's `email`). They become mailto: links and are read aloud, so one
// check serves both: an address a mail program could not use is an error at
// the value, not a broken link on the published page.
#pragma once

#include <string>

namespace clerk {

// "" when `text` is a usable address (name@example.org); otherwise why not,
// as the end of a sentence that begins "'<text>' is not an email address":
// ": it holds a space", ": write it without 'mailto:'", ...
std::string EmailProblem(const std::string& text);

}  // namespace clerk
