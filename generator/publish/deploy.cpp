#include "publish/deploy.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "cli/progress_line.h"
#include "content/site_config.h"
#include "publish/credentials.h"
#include "publish/curl_remote.h"
#include "publish/deletion_prompt.h"
#include "publish/manifest.h"
#include "publish/plan.h"
#include "publish/progress.h"
#include "publish/target_place.h"

namespace clerk::publish {

namespace fs = std::filesystem;

namespace {

// Runs `op` until it succeeds, fails for good, or runs out of tries, waiting
// longer after each transient failure.
template <typename Op>
RemoteResult WithRetries(const DeployOptions& opt, const std::atomic<bool>* stop, Op op) {
  RemoteResult r;
  int delay = opt.retry_delay_ms;
  for (int attempt = 1;; ++attempt) {
    r = op();
    if (r.ok() || r.status == RemoteStatus::kNotFound || !r.retryable() ||
        attempt >= opt.attempts || (stop && *stop))
      return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    delay *= 2;
  }
}

bool ReadLocal(const std::string& path, std::string* data) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *data = s.str();
  return true;
}

// Runs `work(worker, index)` for every index in [begin, end) on `remotes`'
// workers, until done or `stop` is set.
template <typename Work>
void RunPool(std::vector<std::unique_ptr<Remote>>& remotes, size_t begin, size_t end,
             std::atomic<bool>& stop, Work work) {
  std::atomic<size_t> next{begin};
  auto loop = [&](size_t w) {
    for (size_t i; !stop && (i = next++) < end;) work(*remotes[w], i);
  };
  size_t workers = std::min(remotes.size(), std::max<size_t>(1, end - begin));
  std::vector<std::thread> threads;
  for (size_t w = 1; w < workers; ++w) threads.emplace_back(loop, w);
  loop(0);
  for (std::thread& t : threads) t.join();
}

}  // namespace

int DeployWith(const DeployOptions& opt, const std::string& display,
               const RemoteFactory& factory, std::ostream& log, DeployStats* stats_out) {
  DeployStats stats;
  auto fail = [&](const std::string& message, int code = kDeployFailed) {
    log << "clerk deploy: error: " << message << "\n";
    if (stats_out) *stats_out = stats;
    return code;
  };
  std::string out_name = opt.out;
  while (out_name.size() > 1 && out_name.back() == '/') out_name.pop_back();

  // 1. The built site.
  std::error_code ec;
  if (fs::is_directory(opt.out, ec) && !fs::exists(fs::path(opt.out) / kSiteMarker, ec))
    return fail(out_name + "/ is not a site built by clerk (no " + kSiteMarker +
                "): run clerk build first");
  std::string error;
  int jobs = std::max(1, opt.jobs);
  std::optional<Manifest> local = ScanSite(opt.out, jobs, &error);
  if (!local) return fail(error);
  if (local->empty())
    return fail(out_name + "/ holds no files: refusing to deploy an empty site");

  // 2. What the host holds, from its manifest. This is the first contact: bad
  // credentials or an unknown host key stop here, before anything is written.
  std::vector<std::unique_ptr<Remote>> remotes;
  remotes.push_back(factory());
  std::string manifest_text;
  RemoteResult got = WithRetries(
      opt, nullptr, [&] { return remotes[0]->Fetch(kManifestName, &manifest_text); });
  Manifest remote;
  bool have_manifest = false;
  if (got.ok()) {
    std::optional<Manifest> parsed = ParseManifest(manifest_text, &error);
    if (parsed) {
      remote = std::move(*parsed);
      have_manifest = true;
    } else {
      log << "clerk deploy: warning: the manifest on the host is unreadable (" << error
          << "); comparing files instead, and deleting nothing\n";
    }
  } else if (got.status == RemoteStatus::kNotFound) {
    manifest_text.clear();
  } else {
    return fail(got.message);
  }
  stats.used_manifest = have_manifest;
  for (int w = 1; w < jobs; ++w) remotes.push_back(factory());

  // 3. No manifest: compare sizes, then contents, of the files that exist.
  if (!have_manifest) {
    std::vector<std::string> paths;
    for (const auto& kv : *local) paths.push_back(kv.first);
    std::vector<FileEntry> found(paths.size());
    std::vector<char> present(paths.size(), 0);
    std::atomic<bool> stop{false};
    std::mutex mutex;
    RemoteResult failure;
    auto probe = [&](Remote& r, size_t i) {
      int64_t size = -1;
      RemoteResult s = WithRetries(opt, &stop, [&] { return r.Stat(paths[i], &size); });
      if (s.status == RemoteStatus::kNotFound) return;
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!stop) failure = s;
        stop = true;
        return;
      }
      present[i] = 1;
      const FileEntry& mine = local->at(paths[i]);
      if (size >= 0 && size != mine.size) return;  // differs: upload
      std::string data;
      RemoteResult f = WithRetries(opt, &stop, [&] { return r.Fetch(paths[i], &data); });
      if (f.ok()) found[i] = {static_cast<int64_t>(data.size()), Sha256Hex(data)};
    };
    // A host with none of a sample of the files is taken as empty: uploading
    // everything is never unsafe, only slower.
    std::vector<size_t> sample;
    size_t step = std::max<size_t>(1, paths.size() / 16);
    for (size_t i = 0; i < paths.size(); i += step) sample.push_back(i);
    std::vector<std::string> sample_paths;
    for (size_t i : sample) sample_paths.push_back(paths[i]);
    std::swap(paths, sample_paths);
    RunPool(remotes, 0, paths.size(), stop, probe);
    std::swap(paths, sample_paths);
    bool any = std::any_of(present.begin(), present.begin() + sample.size(),
                           [](char c) { return c != 0; });
    if (!stop && any) {
      std::fill(present.begin(), present.end(), 0);
      std::fill(found.begin(), found.end(), FileEntry{});
      RunPool(remotes, 0, paths.size(), stop, probe);
    } else {
      std::fill(present.begin(), present.end(), 0);
      std::fill(found.begin(), found.end(), FileEntry{});
    }
    if (stop) return fail(failure.message);
    for (size_t i = 0; i < paths.size(); ++i) {
      if (!found[i].sha256.empty())
        remote[paths[i]] = found[i];
      else if (present[i])
        remote[paths[i]] = FileEntry{-1, ""};  // there, but different
    }
    log << "clerk deploy: no usable manifest on " << display << ": compared "
        << Thousands(paths.size()) << " files by "
        << (any ? "size and content" : "sampling (host empty)")
        << "; nothing will be deleted\n";
  }

  // 4. The plan.
  Plan plan = MakePlan(*local, remote, have_manifest);
  stats.unchanged = plan.unchanged;
  stats.planned_uploads = plan.uploads;
  stats.planned_deletions = plan.deletions;
  stats.planned_replaced = plan.replaced_deletions;
  log << "clerk deploy: " << out_name << "/ -> " << display << ": "
      << (opt.dry_run ? "would " : "") << DescribePlan(plan) << "\n";
  if (opt.dry_run && opt.verbose) {
    for (const PlanItem& item : plan.items)
      log << "  "
          << (item.is_delete ? "delete "
              : item.is_new  ? "new    "
                             : "change ")
          << item.path << "  [" << PhaseName(item.phase)
          << (item.replaced ? ", old search index" : "") << "]\n";
  }
  DeletionReview review{display, out_name,    opt.max_deletes,
                        opt.yes, opt.can_ask, opt.dry_run};
  int verdict = ReviewDeletions(plan, review, opt.answers ? *opt.answers : std::cin, log);
  if (opt.dry_run || verdict != kGoAhead) {
    if (stats_out) *stats_out = stats;
    return opt.dry_run ? kDeployOk : verdict;
  }

  // 5. Batches; the manifest on the host is rewritten after each one.
  Manifest state = remote;  // what the host holds now, as far as we know
  for (auto it = state.begin(); it != state.end();)
    it = it->second.sha256.empty() ? state.erase(it) : std::next(it);
  std::string written = have_manifest ? manifest_text : "";
  auto write_manifest = [&](bool retry) {
    std::string text = SerializeManifest(state);
    if (text == written) return RemoteResult{};
    std::string sha = Sha256Hex(text);
    RemoteResult r =
        retry ? WithRetries(opt, nullptr,
                            [&] { return remotes[0]->Put(kManifestName, text, sha); })
              : remotes[0]->Put(kManifestName, text, sha);
    if (r.ok()) written = text;
    return r;
  };
  size_t total = plan.items.size();
  size_t batch_size = std::clamp<size_t>(total / 8, 50, 1000);
  std::vector<Batch> batches = MakeBatches(plan, batch_size);
  Progress progress(log, opt.terminal, opt.verbose, total, plan.upload_bytes);
  std::atomic<bool> stop{false};
  std::mutex mutex;
  RemoteResult failure;
  for (size_t b = 0; b < batches.size(); ++b) {
    const Batch& batch = batches[b];
    int64_t batch_bytes = 0;
    auto work = [&](Remote& r, size_t i) {
      const PlanItem& item = plan.items[i];
      RemoteResult result;
      std::string data;
      if (item.is_delete) {
        result = WithRetries(opt, &stop, [&] { return r.Delete(item.path); });
      } else if (!ReadLocal((fs::path(opt.out) / item.path).string(), &data) ||
                 static_cast<int64_t>(data.size()) != item.entry.size ||
                 Sha256Hex(data) != item.entry.sha256) {
        result = {RemoteStatus::kOther,
                  out_name + "/" + item.path +
                      " changed or vanished during the deploy: build, then deploy again"};
      } else {
        result = WithRetries(opt, &stop,
                             [&] { return r.Put(item.path, data, item.entry.sha256); });
      }
      std::lock_guard<std::mutex> lock(mutex);
      if (!result.ok()) {
        if (!stop) failure = result;
        stop = true;
        return;
      }
      if (item.is_delete) {
        state.erase(item.path);
        ++stats.deleted;
        if (item.replaced) ++stats.deleted_replaced;
      } else {
        state[item.path] = item.entry;
        ++stats.uploaded;
        stats.bytes += item.entry.size;
        batch_bytes += item.entry.size;
      }
      progress.Item(item.is_delete, item.path, item.is_delete ? 0 : item.entry.size);
    };
    RunPool(remotes, batch.begin, batch.end, stop, work);
    if (stop) {
      // Keep what was done, if the host still answers; then stop.
      write_manifest(false);
      progress.Interrupt();
      log << "clerk deploy: stopped after " << Thousands(stats.uploaded)
          << " uploads and " << Thousands(stats.deleted)
          << " deletions; run the same command again to finish\n";
      return fail(failure.message);
    }
    RemoteResult m = write_manifest(true);
    if (!m.ok()) {
      progress.Interrupt();
      return fail("cannot write the manifest: " + m.message);
    }
    progress.BatchDone(b + 1, batches.size(), PhaseName(batch.phase),
                       batch.end - batch.begin, batch_bytes);
  }
  RemoteResult m =
      write_manifest(true);  // also when nothing changed but the manifest was rebuilt
  progress.Interrupt();
  if (!m.ok()) return fail("cannot write the manifest: " + m.message);

  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f s", progress.Seconds());
  log << "clerk deploy: uploaded " << Thousands(stats.uploaded) << " ("
      << HumanBytes(stats.bytes) << "), deleted "
      << DeletionCount(stats.deleted, stats.deleted_replaced) << ", unchanged "
      << Thousands(stats.unchanged) << " in " << seconds << "; " << display << " matches "
      << out_name << "/\n";
  if (stats_out) *stats_out = stats;
  return kDeployOk;
}

int RunDeploy(DeployOptions opt, std::ostream& log) {
  auto usage = [&](const std::string& message) {
    log << "clerk deploy: error: " << message << "\n";
    return kDeployUsage;
  };
  if (!opt.target_name.empty() && !opt.to_url.empty())
    return usage("give either --target NAME or --to URL, not both");
  DeployTarget config;
  if (!opt.to_url.empty()) {
    config.url = opt.to_url;
  } else {
    Diagnostics diag;
    SiteConfig site = LoadSiteConfig(opt.source, "", diag);
    for (const Diagnostic& d : diag.Sorted())
      if (d.severity == Severity::kError) log << FormatDiagnostic(d) << "\n";
    if (diag.HasErrors()) return kDeployFailed;
    std::string name = opt.target_name;
    if (name.empty()) {
      if (site.deploy.size() == 1)
        name = site.deploy.begin()->first;
      else if (site.deploy.count("default"))
        name = "default";
      else
        return usage(
            site.deploy.empty()
                ? "no deploy target: give --to URL, or add one under deploy: in site.yaml"
                : "several deploy targets in site.yaml: choose one with --target NAME");
    }
    auto it = site.deploy.find(name);
    if (it == site.deploy.end()) {
      std::string known;
      for (const auto& kv : site.deploy) known += (known.empty() ? "" : ", ") + kv.first;
      return usage("no deploy target '" + name + "' in site.yaml" +
                   (known.empty() ? "" : " (there are: " + known + ")"));
    }
    config = it->second;
  }
  std::string error;
  std::optional<Target> target = ParseTarget(config, &error);
  if (!target) return usage(error);
  if (target->scheme == Scheme::kFile) {
    if (auto place = CheckTargetPlace(target->path, opt.out, opt.source))
      return usage(*place);
  }
  if (target->scheme == Scheme::kSftp) {
    if (target->known_hosts.empty()) {
      const char* home = std::getenv("HOME");
      target->known_hosts = std::string(home ? home : "") + "/.ssh/known_hosts";
    }
    if (::access(target->known_hosts.c_str(), R_OK) != 0) {
      log << "clerk deploy: error: no known_hosts file at " << target->known_hosts
          << ": the host key of " << target->host
          << " must be known before Clerk connects (add it with ssh-keyscan, or set the "
             "known_hosts option)\n";
      return kDeployFailed;
    }
  }
  Credentials credentials;
  if (!LoadCredentials(*target, credentials, &error)) {
    log << "clerk deploy: error: " << error << "\n";
    return kDeployFailed;
  }
  GlobalCurlInit();
  // A progress bar on a terminal; in CI (or a pipe) only the summary line.
  opt.terminal = ProgressLine::Interactive(2);
  opt.can_ask = ::isatty(2) != 0 && ::isatty(0) != 0;
  RemoteFactory factory = [&] { return MakeRemote(*target, credentials); };
  return DeployWith(opt, target->display, factory, log);
}

}  // namespace clerk::publish
