// Markdown as plain text, for the places that promise text rather than
// markup: open data (data/*.json) and anything else read by programs.
// Emphasis, code spans and headings keep only their words; a list keeps its
// bullets ("- ", "1. ") and nesting; a paragraph's lines are joined; a link
// keeps its words followed by its address in brackets, which `link` turns
// into a public one (output/public_urls.h, PublicLink: "@/..." references
// become the page's URL). Raw HTML, which Clerk never publishes, is dropped.
#pragma once

#include <functional>
#include <string>

namespace clerk::output {

using LinkResolver = std::function<std::string(const std::string& url)>;

// "**Resolved:** that the [report](@/meetings/x/r) is noted" ->
// "Resolved: that the report (/meetings/x/r/) is noted". A link whose words
// are its address (an autolink, "mailto:" an address) is given once.
std::string MarkdownPlainText(const std::string& markdown, const LinkResolver& link);

}  // namespace clerk::output
