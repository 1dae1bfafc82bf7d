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

using Remotes = std::vector<std::unique_ptr<Remote>>;

// The site as --out names it in messages, without a '/' at its end.
std::string OutName(std::string out) {
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

// The built site: its files and their contents. Nullopt, with `error`,
// if it is not a site clerk built, or is empty.
std::optional<Manifest> ScanBuiltSite(const DeployOptions& opt,
                                      const std::string& out_name, int jobs,
                                      std::string* error) {
  std::error_code ec;
  if (fs::is_directory(opt.out, ec) && !fs::exists(fs::path(opt.out) / kSiteMarker, ec)) {
    *error = out_name + "/ is not a site built by clerk (no " + kSiteMarker +
             "): run clerk build first";
    return std::nullopt;
  }
  std::optional<Manifest> local = ScanSite(opt.out, jobs, error);
  if (local && local->empty()) {
    *error = out_name + "/ holds no files: refusing to deploy an empty site";
    return std::nullopt;
  }
  return local;
}

// What the host holds, as its manifest says.
struct HostManifest {
  Manifest files;
  bool usable = false;  // false: there is none, or it cannot be read
  std::string text;     // as fetched
};

// The host's manifest, if it has one. False, with `error`, if the host
// cannot be asked.
bool FetchHostManifest(const DeployOptions& opt, Remote& remote, std::ostream& log,
                       HostManifest& host, std::string* error) {
  RemoteResult got =
      WithRetries(opt, nullptr, [&] { return remote.Fetch(kManifestName, &host.text); });
  if (got.status == RemoteStatus::kNotFound) {
    host.text.clear();
    return true;
  }
  if (!got.ok()) {
    *error = got.message;
    return false;
  }
  std::optional<Manifest> parsed = ParseManifest(host.text, error);
  if (parsed) {
    host.files = std::move(*parsed);
    host.usable = true;
  } else {
    log << "clerk deploy: warning: the manifest on the host is unreadable (" << *error
        << "); comparing files instead, and deleting nothing\n";
  }
  return true;
}

// Which of some files the host holds, found by asking for each.
struct Probe {
  std::vector<FileEntry> found;  // the host's file, when its size is the local one's
  std::vector<char> present;     // 1: the host has a file at the path
  RemoteResult failure;          // why it stopped, if `failed`
  bool failed = false;
};

// Asks the host, on every worker, for each of `paths`: whether it is there,
// and if its size is the local file's, what it holds.
Probe ProbeHost(const DeployOptions& opt, Remotes& remotes, const Manifest& local,
                const std::vector<std::string>& paths) {
  Probe out;
  out.found.resize(paths.size());
  out.present.assign(paths.size(), 0);
  std::atomic<bool> stop{false};
  std::mutex mutex;
  auto probe = [&](Remote& r, size_t i) {
    int64_t size = -1;
    RemoteResult s = WithRetries(opt, &stop, [&] { return r.Stat(paths[i], &size); });
    if (s.status == RemoteStatus::kNotFound) return;
    if (!s.ok()) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!stop) out.failure = s;
      stop = true;
      return;
    }
    out.present[i] = 1;
    const FileEntry& mine = local.at(paths[i]);
    if (size >= 0 && size != mine.size) return;  // differs: upload
    std::string data;
    RemoteResult f = WithRetries(opt, &stop, [&] { return r.Fetch(paths[i], &data); });
    if (f.ok()) out.found[i] = {static_cast<int64_t>(data.size()), Sha256Hex(data)};
  };
  RunPool(remotes, 0, paths.size(), stop, probe);
  out.failed = stop;
  return out;
}

// About one in 16 of `paths`, spread over them all.
std::vector<std::string> SampleOf(const std::vector<std::string>& paths) {
  std::vector<std::string> sample;
  size_t step = std::max<size_t>(1, paths.size() / 16);
  for (size_t i = 0; i < paths.size(); i += step) sample.push_back(paths[i]);
  return sample;
}

// What the host holds of the local files, found by asking for them, into
// `remote`. False, with `error`, if the host stops answering.
bool CompareWithHost(const DeployOptions& opt, Remotes& remotes, const Manifest& local,
                     const std::string& display, std::ostream& log, Manifest& remote,
                     std::string* error) {
  std::vector<std::string> paths;
  for (const auto& kv : local) paths.push_back(kv.first);
  // A host with none of a sample of the files is taken as empty: uploading
  // everything is never unsafe, only slower.
  Probe probe = ProbeHost(opt, remotes, local, SampleOf(paths));
  const bool any = std::any_of(probe.present.begin(), probe.present.end(),
                               [](char c) { return c != 0; });
  if (!probe.failed && any) probe = ProbeHost(opt, remotes, local, paths);
  if (probe.failed) {
    *error = probe.failure.message;
    return false;
  }
  if (any) {
    for (size_t i = 0; i < paths.size(); ++i) {
      if (!probe.found[i].sha256.empty())
        remote[paths[i]] = probe.found[i];
      else if (probe.present[i])
        remote[paths[i]] = FileEntry{-1, ""};  // there, but different
    }
  }
  log << "clerk deploy: no usable manifest on " << display << ": compared "
      << Thousands(paths.size()) << " files by "
      << (any ? "size and content" : "sampling (host empty)")
      << "; nothing will be deleted\n";
  return true;
}

void CountPlan(const Plan& plan, DeployStats& stats) {
  stats.unchanged = plan.unchanged;
  stats.planned_uploads = plan.uploads;
  stats.planned_deletions = plan.deletions;
  stats.planned_replaced = plan.replaced_deletions;
}

// The plan, in one line (and with --dry-run --verbose, item by item).
void LogPlan(const DeployOptions& opt, const Plan& plan, const std::string& out_name,
             const std::string& display, std::ostream& log) {
  log << "clerk deploy: " << out_name << "/ -> " << display << ": "
      << (opt.dry_run ? "would " : "") << DescribePlan(plan) << "\n";
  if (!opt.dry_run || !opt.verbose) return;
  for (const PlanItem& item : plan.items)
    log << "  "
        << (item.is_delete ? "delete "
            : item.is_new  ? "new    "
                           : "change ")
        << item.path << "  [" << PhaseName(item.phase)
        << (item.replaced ? ", old search index" : "") << "]\n";
}

// Sends the plan's items in batches on every worker, and rewrites the
// manifest on the host after each batch.
class BatchSender {
 public:
  BatchSender(const DeployOptions& opt, const std::string& out_name, Remotes& remotes,
              const Plan& plan, const HostManifest& host, DeployStats& stats)
      : opt_(opt),
        out_name_(out_name),
        remotes_(remotes),
        plan_(plan),
        stats_(stats),
        state_(host.files),
        written_(host.usable ? host.text : "") {
    // Files found to differ when there was no manifest are left out: what
    // they hold is not known.
    for (auto it = state_.begin(); it != state_.end();)
      it = it->second.sha256.empty() ? state_.erase(it) : std::next(it);
  }

  // Sends every batch, writing the manifest after each; false, with `error`,
  // when one fails.
  bool SendAll(const std::vector<Batch>& batches, Progress& progress, std::ostream& log,
               std::string* error) {
    for (size_t b = 0; b < batches.size(); ++b) {
      const Batch& batch = batches[b];
      int64_t batch_bytes = 0;
      RunPool(remotes_, batch.begin, batch.end, stop_, [&](Remote& r, size_t i) {
        Send(r, plan_.items[i], progress, batch_bytes);
      });
      if (stop_) {
        // Keep what was done, if the host still answers; then stop.
        WriteManifest(false);
        progress.Interrupt();
        log << "clerk deploy: stopped after " << Thousands(stats_.uploaded)
            << " uploads and " << Thousands(stats_.deleted)
            << " deletions; run the same command again to finish\n";
        *error = failure_.message;
        return false;
      }
      RemoteResult m = WriteManifest(true);
      if (!m.ok()) {
        progress.Interrupt();
        *error = "cannot write the manifest: " + m.message;
        return false;
      }
      progress.BatchDone(b + 1, batches.size(), PhaseName(batch.phase),
                         batch.end - batch.begin, batch_bytes);
    }
    return true;
  }

  // Writes the manifest if it changed: `retry` as any other request, or
  // else tried once.
  RemoteResult WriteManifest(bool retry) {
    std::string text = SerializeManifest(state_);
    if (text == written_) return RemoteResult{};
    std::string sha = Sha256Hex(text);
    RemoteResult r =
        retry ? WithRetries(opt_, nullptr,
                            [&] { return remotes_[0]->Put(kManifestName, text, sha); })
              : remotes_[0]->Put(kManifestName, text, sha);
    if (r.ok()) written_ = text;
    return r;
  }

 private:
  // Uploads or deletes `item` on `r`.
  RemoteResult Transfer(Remote& r, const PlanItem& item) {
    if (item.is_delete)
      return WithRetries(opt_, &stop_, [&] { return r.Delete(item.path); });
    std::string data;
    if (!ReadLocal((fs::path(opt_.out) / item.path).string(), &data) ||
        static_cast<int64_t>(data.size()) != item.entry.size ||
        Sha256Hex(data) != item.entry.sha256)
      return {RemoteStatus::kOther,
              out_name_ + "/" + item.path +
                  " changed or vanished during the deploy: build, then deploy again"};
    return WithRetries(opt_, &stop_,
                       [&] { return r.Put(item.path, data, item.entry.sha256); });
  }

  // One item of a batch, on a worker: sent, then counted, or the first
  // failure kept and every worker stopped.
  void Send(Remote& r, const PlanItem& item, Progress& progress, int64_t& batch_bytes) {
    RemoteResult result = Transfer(r, item);
    std::lock_guard<std::mutex> lock(mutex_);
    if (!result.ok()) {
      if (!stop_) failure_ = result;
      stop_ = true;
      return;
    }
    if (item.is_delete) {
      state_.erase(item.path);
      ++stats_.deleted;
      if (item.replaced) ++stats_.deleted_replaced;
    } else {
      state_[item.path] = item.entry;
      ++stats_.uploaded;
      stats_.bytes += item.entry.size;
      batch_bytes += item.entry.size;
    }
    progress.Item(item.is_delete, item.path, item.is_delete ? 0 : item.entry.size);
  }

  const DeployOptions& opt_;
  const std::string& out_name_;
  Remotes& remotes_;
  const Plan& plan_;
  DeployStats& stats_;
  Manifest state_;       // what the host holds now, as far as we know
  std::string written_;  // the manifest on the host
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  RemoteResult failure_;
};

void LogDone(const DeployStats& stats, double seconds, const std::string& display,
             const std::string& out_name, std::ostream& log) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  log << "clerk deploy: uploaded " << Thousands(stats.uploaded) << " ("
      << HumanBytes(stats.bytes) << "), deleted "
      << DeletionCount(stats.deleted, stats.deleted_replaced) << ", unchanged "
      << Thousands(stats.unchanged) << " in " << text << "; " << display << " matches "
      << out_name << "/\n";
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
  const std::string out_name = OutName(opt.out);

  // 1. The built site.
  std::string error;
  const int jobs = std::max(1, opt.jobs);
  std::optional<Manifest> local = ScanBuiltSite(opt, out_name, jobs, &error);
  if (!local) return fail(error);

  // 2. What the host holds, from its manifest. This is the first contact: bad
  // credentials or an unknown host key stop here, before anything is written.
  Remotes remotes;
  remotes.push_back(factory());
  HostManifest host;
  if (!FetchHostManifest(opt, *remotes[0], log, host, &error)) return fail(error);
  stats.used_manifest = host.usable;
  for (int w = 1; w < jobs; ++w) remotes.push_back(factory());

  // 3. No manifest: compare sizes, then contents, of the files that exist.
  if (!host.usable &&
      !CompareWithHost(opt, remotes, *local, display, log, host.files, &error))
    return fail(error);

  // 4. The plan.
  Plan plan = MakePlan(*local, host.files, host.usable);
  CountPlan(plan, stats);
  LogPlan(opt, plan, out_name, display, log);
  DeletionReview review{display, out_name,    opt.max_deletes,
                        opt.yes, opt.can_ask, opt.dry_run};
  int verdict = ReviewDeletions(plan, review, opt.answers ? *opt.answers : std::cin, log);
  if (opt.dry_run || verdict != kGoAhead) {
    if (stats_out) *stats_out = stats;
    return opt.dry_run ? kDeployOk : verdict;
  }

  // 5. Batches; the manifest on the host is rewritten after each one, so a
  // deploy that stops keeps what it did.
  BatchSender sender(opt, out_name, remotes, plan, host, stats);
  size_t total = plan.items.size();
  std::vector<Batch> batches = MakeBatches(plan, std::clamp<size_t>(total / 8, 50, 1000));
  Progress progress(log, opt.terminal, opt.verbose, total, plan.upload_bytes);
  if (!sender.SendAll(batches, progress, log, &error)) return fail(error);
  // Also when nothing changed but the manifest was rebuilt.
  RemoteResult m = sender.WriteManifest(true);
  progress.Interrupt();
  if (!m.ok()) return fail("cannot write the manifest: " + m.message);
  LogDone(stats, progress.Seconds(), display, out_name, log);
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
