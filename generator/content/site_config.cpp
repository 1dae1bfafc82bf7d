#include "content/site_config.h"

#include <filesystem>
#include <map>

#include "config/base_url.h"
#include "config/language_tag.h"
#include "content/email_address.h"
#include "content/yaml_reader.h"
#include "files/source_files.h"
#include "schema/tables.h"

namespace clerk {
namespace {

// Keys of a deploy target that would hold a secret, in any letter case.
bool IsSecretKey(const std::string& key) {
  std::string lower = key;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const char* secret : {"password", "pass", "passwd", "secret", "secret_access_key",
                             "aws_secret_access_key", "private_key", "token"})
    if (lower == secret) return true;
  return false;
}

// Checked here, once: every calendar, feed and absolute link uses it.
void ReadBaseUrl(YamlRecord& site, SiteConfig& config) {
  std::string base_url = site.String("base_url");
  if (base_url.empty()) return;
  std::string error;
  if (std::optional<std::string> checked = CheckBaseUrl(base_url, &error))
    config.base_url = *checked;
  else
    site.diag().Error(site.PosOfKey("base_url"), "base_url: " + error);
}

// Every page's lang attribute: a bad tag is refused, not published.
void ReadLanguage(YamlRecord& site, SiteConfig& config) {
  std::string language = site.String("language");
  if (language.empty()) return;
  std::string error;
  if (CheckLanguageTag(language, &error))
    config.language = language;
  else
    site.diag().Error(site.PosOfKey("language"), "language: " + error);
}

void ReadSiteContact(YamlRecord& site, SiteConfig& config) {
  Diagnostics& diag = site.diag();
  YAML::Node contact = site.Node("contact");
  if (!contact.IsDefined() || contact.IsNull()) {
    diag.Error(site.pos(), "missing required field 'contact' in the site configuration");
    return;
  }
  YamlRecord c(contact, site.path(), 1, schema::SiteContactTable(), diag);
  config.contact.name = c.String("name", true);
  config.contact.email = c.String("email");
  config.contact.phone = c.String("phone");
  // The same rule as a person's email: it is published as a mailto: link.
  if (std::string why =
          config.contact.email.empty() ? "" : EmailProblem(config.contact.email);
      !why.empty())
    diag.Error(c.PosOfKey("email"),
               "'" + config.contact.email + "' is not an email address" + why);
  if (c.ok() && config.contact.email.empty() && config.contact.phone.empty())
    diag.Error(c.pos(), "the site contact needs an 'email' or a 'phone'");
}

void ReadAccessibility(YamlRecord& site, SiteConfig& config) {
  YAML::Node accessibility = site.Node("accessibility");
  if (!accessibility.IsDefined() || accessibility.IsNull()) return;
  YamlRecord a(accessibility, site.path(), 1, schema::AccessibilityTable(), site.diag());
  config.accessibility = a.String("statement", true);
  if (std::optional<Date> reviewed = a.DateField("reviewed"))
    config.accessibility_reviewed = LongDate(*reviewed);
}

// Secrets belong in the environment, never in a committed file. Key names
// are compared in any letter case: 'Password' is no less a password for
// being capitalised.
void ReportSecretKeys(YamlRecord& t, const YAML::Node& node) {
  for (const auto& field : node) {
    if (!field.first.IsScalar()) continue;
    std::string key = field.first.Scalar();
    if (!IsSecretKey(key)) continue;
    t.Reported(key);  // so it is not also an unknown key
    t.diag().Error(t.PosOfKey(key.c_str()),
                   "'" + key +
                       "' must not be written into site.yaml: set "
                       "CLERK_DEPLOY_PASSWORD (or AWS_SECRET_ACCESS_KEY, "
                       "CLERK_DEPLOY_KEY) in the environment, or use ~/.netrc");
  }
}

// A deploy target written as a mapping: `url` and the options of its kind.
// False if it is not a mapping (reported).
bool ReadDeployFields(const YAML::Node& node, const std::string& name,
                      const std::string& display, DeployTarget& target,
                      Diagnostics& diag) {
  YamlRecord t(node, display, 1, schema::DeployTargetTable(), diag,
               "deploy target '" + name + "'");
  if (!t.ok()) return false;
  ReportSecretKeys(t, node);
  target.url = t.String("url", true);
  target.endpoint = t.String("endpoint");
  target.region = t.String("region");
  target.ca_file = t.String("ca_file");
  target.known_hosts = t.String("known_hosts");
  return true;
}

// user:password@host in the URL is a password in the file too.
void ReportPasswordInUrl(const DeployTarget& target, const std::string& name,
                         Diagnostics& diag) {
  std::string::size_type scheme = target.url.find("://");
  if (scheme == std::string::npos) return;
  std::string rest = target.url.substr(scheme + 3);
  std::string authority = rest.substr(0, rest.find('/'));
  std::string::size_type at = authority.rfind('@');
  if (at != std::string::npos && authority.substr(0, at).find(':') != std::string::npos)
    diag.Error(target.pos, "deploy target '" + name +
                               "' has a password in its URL: remove it and set "
                               "CLERK_DEPLOY_PASSWORD in the environment instead");
}

// The deploy target `name` (its key at `key_pos`): an address, or a mapping
// with `url`. Nullopt when there is none to read (reported).
std::optional<DeployTarget> ReadDeployTarget(const YamlRecord& site,
                                             const YAML::Node& value,
                                             const std::string& name,
                                             const SourcePos& key_pos,
                                             Diagnostics& diag) {
  DeployTarget target;
  target.pos = site.PosOf(value);
  if (!value.IsDefined() || value.IsNull()) {
    diag.Error(key_pos, "deploy target '" + name + "' is empty: give its address ('" +
                            name + ": sftp://host/path') or a mapping with 'url'");
    return std::nullopt;
  }
  if (value.IsScalar())
    target.url = value.Scalar();
  else if (!ReadDeployFields(value, name, site.path(), target, diag))
    return std::nullopt;
  ReportPasswordInUrl(target, name, diag);
  return target;
}

// `deploy:`, named targets; each name is given once.
void ReadDeployTargets(YamlRecord& site, SiteConfig& config) {
  Diagnostics& diag = site.diag();
  YAML::Node deploy = site.Node("deploy");
  if (!deploy.IsDefined() || deploy.IsNull()) return;
  if (!deploy.IsMap()) {
    diag.Error(site.PosOf(deploy),
               "expected a mapping of named deploy targets for "
               "'deploy', found " +
                   DescribeNodeType(deploy));
    return;
  }
  std::map<std::string, int> seen_at_line;
  for (const auto& kv : deploy) {
    std::string name = kv.first.IsScalar() ? kv.first.Scalar() : "";
    SourcePos key_pos = site.PosOf(kv.first);
    // yaml-cpp keeps the last of two equal keys: the first target would
    // be dropped without a word.
    if (auto it = seen_at_line.find(name); it != seen_at_line.end()) {
      diag.Error(key_pos, "deploy target '" + name + "' is given twice (first on line " +
                              std::to_string(it->second) + ")");
      continue;
    }
    seen_at_line[name] = key_pos.line;
    if (name.empty()) {
      diag.Error(key_pos, "a deploy target needs a name: write it as 'name: url'");
      continue;
    }
    if (std::optional<DeployTarget> target =
            ReadDeployTarget(site, kv.second, name, key_pos, diag))
      config.deploy[name] = std::move(*target);
  }
}

}  // namespace

SiteConfig LoadSiteConfig(const std::string& root, const std::string& display_root,
                          Diagnostics& diag, Disk& disk) {
  SiteConfig config;
  std::string display = display_root + "site.yaml";
  config.pos = {display, 1, 1};
  std::string path = (std::filesystem::path(root) / "site.yaml").string();
  // Not there at all: say where clerk looked. Something there that cannot
  // be looked at (a link loop, say) is reported by the reader below.
  if (const FileStat stat = disk.Stat(path);
      stat.kind == FileKind::kMissing && !CannotLook(stat)) {
    diag.Error({display, 0, 0},
               "no site.yaml here: run clerk in the site's folder, or give it with "
               "--source DIR");
    return config;
  }
  std::string text;
  if (!ReadTextFile(disk, path, display, &text, diag)) return config;
  std::optional<YAML::Node> doc = ParseYaml(text, display, 1, diag);
  if (!doc) return config;

  YamlRecord site(*doc, display, 1, schema::SiteTable(), diag);
  if (!site.ok()) return config;
  config.title = site.String("title", true);
  config.organisation = site.String("organisation", true);
  ReadBaseUrl(site, config);
  ReadLanguage(site, config);
  ReadSiteContact(site, config);
  ReadAccessibility(site, config);
  ReadDeployTargets(site, config);
  return config;
}

}  // namespace clerk
