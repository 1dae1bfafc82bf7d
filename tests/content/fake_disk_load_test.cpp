// LoadSite through LoadOptions::disk: a site held in memory loads with no
// file on the real disk, and a read that fails is reported at its file.
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "content/loader.h"
#include "files/fake_disk.h"

using namespace clerk;

namespace {

// Nowhere on the real disk: whatever the loader finds, it found on the fake.
const std::string kRoot = "/clerk-fake-disk-site";
const std::string kMeeting = kRoot + "/content/meetings/2024-03-04-planning";

// A small site in the shapes of tests/bad-input/base: site.yaml, one
// committee, one meeting folder with its meeting.yaml and one paper.
void AddSmallSite(testing::FakeDisk& disk) {
  disk.AddFile(kRoot + "/site.yaml",
               "title: Test papers\norganisation: Test Council\nlanguage: en-GB\n"
               "contact:\n  name: Democratic Services\n  email: democracy@example.org\n");
  disk.AddFile(kRoot + "/content/committees/planning.yaml",
               "name: Planning committee\norganisation: Test Council\n"
               "remit: |\n  Decides planning applications.\n");
  disk.AddFile(
      kMeeting + "/meeting.yaml",
      "committee: planning\nstatus: scheduled\nstart: 2024-03-04 18:00\nvenue: tbc\n"
      "agenda:\n  - number: \"1\"\n    title: Local plan\n"
      "    documents: [local-plan]\n");
  disk.AddFile(kMeeting + "/local-plan.md",
               "---\nkind: report\ntitle: Local plan review\nitem: \"1\"\n---\n\n"
               "## Purpose\n\nTo review the plan.\n");
}

}  // namespace

TEST_CASE("a site loads from a fake disk alone, with no file on the real disk",
          "[loader][disk]") {
  REQUIRE_FALSE(std::filesystem::exists(kRoot));
  testing::FakeDisk disk;
  AddSmallSite(disk);
  Diagnostics diag;
  LoadOptions options;
  options.disk = &disk;
  Site site = LoadSite(kRoot, diag, nullptr, options);
  for (const Diagnostic& d : diag.All()) UNSCOPED_INFO(FormatDiagnostic(d));
  CHECK(diag.ErrorCount() == 0);
  CHECK(site.config.title == "Test papers");
  CHECK(site.committees.at("planning").name == "Planning committee");
  const Meeting& meeting = site.meetings.at("2024-03-04-planning");
  CHECK(meeting.agenda.at(0).documents.at(0).id == "local-plan");
  const Document& paper = site.documents.at("2024-03-04-planning/local-plan");
  CHECK(paper.title == "Local plan review");
  CHECK(paper.body.find("To review the plan.") != std::string::npos);
  // Each file read once, from the fake.
  CHECK(disk.Reads(kRoot + "/site.yaml") == 1);
  CHECK(disk.Reads(kMeeting + "/meeting.yaml") == 1);
  CHECK(disk.Reads(kMeeting + "/local-plan.md") == 1);
  CHECK(disk.TotalReads() == 4);
  CHECK(disk.Lists(kMeeting) >= 1);
}

TEST_CASE("a paper the disk fails to read is an error naming the file and the reason",
          "[loader][disk]") {
  testing::FakeDisk disk;
  AddSmallSite(disk);
  disk.FailReads(kMeeting + "/local-plan.md", EIO);
  Diagnostics diag;
  LoadOptions options;
  options.disk = &disk;
  Site site = LoadSite(kRoot, diag, nullptr, options);
  CHECK(diag.ErrorCount() > 0);
  bool reported = false;
  for (const Diagnostic& d : diag.All()) {
    INFO(FormatDiagnostic(d));
    if (d.pos.path == kMeeting + "/local-plan.md" &&
        d.message == "cannot read file: Input/output error")
      reported = true;
  }
  CHECK(reported);
  // The paper is known, but as incomplete: nothing was made up for it.
  CHECK(site.documents.at("2024-03-04-planning/local-plan").incomplete);
}

namespace {

// A fake disk that notes which threads read from it, each read taking a
// moment, so that every thread a load starts gets some of the work.
class ThreadNotingDisk : public testing::FakeDisk {
 public:
  bool ReadFile(const std::string& path, std::string* bytes,
                std::string* error) override {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    {
      std::lock_guard<std::mutex> lock(mutex_);
      threads_.insert(std::this_thread::get_id());
    }
    return FakeDisk::ReadFile(path, bytes, error);
  }
  size_t Threads() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return threads_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::set<std::thread::id> threads_;
};

size_t ThreadsReading(int jobs) {
  ThreadNotingDisk disk;
  AddSmallSite(disk);
  // Twenty meeting folders besides the first: work for more than one thread.
  for (int day = 10; day < 30; ++day) {
    const std::string folder =
        kRoot + "/content/meetings/2024-03-" + std::to_string(day) + "-planning";
    disk.AddFile(folder + "/meeting.yaml",
                 "committee: planning\nstatus: scheduled\nstart: 2024-03-" +
                     std::to_string(day) + " 18:00\nvenue: tbc\n");
  }
  Diagnostics diag;
  LoadOptions options;
  options.disk = &disk;
  options.jobs = jobs;
  Site site = LoadSite(kRoot, diag, nullptr, options);
  for (const Diagnostic& d : diag.All()) UNSCOPED_INFO(FormatDiagnostic(d));
  CHECK(diag.ErrorCount() == 0);
  CHECK(site.meetings.size() == 21);
  return disk.Threads();
}

}  // namespace

TEST_CASE("the load reads on as many threads as --jobs says, not one per core",
          "[loader][disk]") {
  // `clerk build --jobs 1` on a shared machine must not read on every core.
  CHECK(ThreadsReading(1) == 1);
  CHECK(ThreadsReading(2) == 2);
  CHECK(ThreadsReading(3) == 3);
}
