// One loader per kind of record, used by loader.cpp. Each reads one file (or
// one folder, for meetings) and adds its records to the Site.
#pragma once

#include <string>

#include "files/disk.h"
#include "model/diagnostics.h"
#include "model/model.h"

namespace clerk {

// `path` is the real file path, `display` the path shown in messages; files
// are read from `disk` (LoadSite passes LoadOptions::disk down).
void LoadPerson(const std::string& id, const std::string& path,
                const std::string& display, Site& site, Diagnostics& diag,
                Disk& disk = RealDiskInstance());
void LoadCommittee(const std::string& id, const std::string& path,
                   const std::string& display, Site& site, Diagnostics& diag,
                   Disk& disk = RealDiskInstance());
void LoadVenues(const std::string& path, const std::string& display, Site& site,
                Diagnostics& diag, Disk& disk = RealDiskInstance());
void LoadTopics(const std::string& path, const std::string& display, Site& site,
                Diagnostics& diag, Disk& disk = RealDiskInstance());
void LoadGlossary(const std::string& path, const std::string& display, Site& site,
                  Diagnostics& diag, Disk& disk = RealDiskInstance());
// A meeting folder: meeting.yaml, its documents and minutes.
void LoadMeetingFolder(const std::string& id, const std::string& dir,
                       const std::string& display_dir, Site& site, Diagnostics& diag,
                       Disk& disk = RealDiskInstance());
void LoadDocument(const std::string& meeting_id, const std::string& id,
                  const std::string& path, const std::string& display, Site& site,
                  Diagnostics& diag, Disk& disk = RealDiskInstance());
void LoadMinutes(const std::string& meeting_id, const std::string& path,
                 const std::string& display, Site& site, Diagnostics& diag,
                 Disk& disk = RealDiskInstance());
// <document>.easy.md in a meeting folder (load_easy_read.cpp): a person-written
// easy-read version, with the SHA-256 of the document it was written from.
void LoadEasyReadVersion(const std::string& meeting_id, const std::string& document_id,
                         const std::string& dir, const std::string& display_dir,
                         Site& site, Diagnostics& diag, Disk& disk = RealDiskInstance());
void LoadWorkProgramme(const std::string& id, const std::string& path,
                       const std::string& display, Site& site, Diagnostics& diag,
                       Disk& disk = RealDiskInstance());
// content/forward-plans/<id>.yaml (load_forward_plans.cpp).
void LoadForwardPlan(const std::string& id, const std::string& path,
                     const std::string& display, Site& site, Diagnostics& diag,
                     Disk& disk = RealDiskInstance());

}  // namespace clerk
