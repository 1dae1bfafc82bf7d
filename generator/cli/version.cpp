#include "cli/version.h"

namespace clerk {

std::string VersionLine() {
  return std::string("clerk ") + kClerkVersion + " (commit " + kClerkCommit + ")";
}

}  // namespace clerk
