// The site's language (site.yaml `language`). It becomes the `lang`
// attribute of every page, which screen readers use to choose a voice and
// WCAG 3.1.1 requires to be a valid language tag, so "english" or "en_GB"
// must be refused rather than published.
//
// Accepted: a BCP 47 (RFC 5646) tag: a primary language subtag of two
// letters (one of ISO 639-1) or three letters (ISO 639-2/3), then optional
// script (4 letters), region (2 letters or 3 digits), variants, extensions
// and a private-use part, joined by hyphens, in any letter case: `en`,
// `en-GB`, `cy`, `cy-GB`, `gd`, `ga-IE`, `zh-Hant-HK`.
#pragma once

#include <string>

namespace clerk {

// True when `tag` is a well-formed language tag as above; otherwise false
// with the reason in *error ("'english' is not a language tag: write ...").
bool CheckLanguageTag(const std::string& tag, std::string* error);

}  // namespace clerk
