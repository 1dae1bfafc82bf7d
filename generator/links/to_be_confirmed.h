// What is still to be confirmed for upcoming meetings (`clerk check --tbc`):
// facts the papers do not give yet, each at the place to fill it in.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace clerk {

struct ToConfirm {
  SourcePos pos;
  std::string what;  // "start time to be confirmed (Thursday 12 May 2022)"
};

// Scheduled and confirmed meetings on or after `today`, in date order: an
// unknown start time, a venue marked `tbc`, an agenda with no items.
std::vector<ToConfirm> ToBeConfirmed(const Site& site, const Date& today);

}  // namespace clerk
