#include "config/site_config.h"

#include <filesystem>

#include "content/source_files.h"
#include "content/yaml_reader.h"

namespace clerk {

SiteConfig LoadSiteConfig(const std::string& root, const std::string& display_root,
                          Diagnostics& diag) {
  SiteConfig config;
  std::string display = display_root + "site.yaml";
  config.pos = {display, 1, 1};
  std::string path = (std::filesystem::path(root) / "site.yaml").string();
  if (!std::filesystem::exists(path)) {
    diag.Error({display, 0, 0},
               "no site.yaml here: run clerk in the site's folder, or give it with "
               "--source DIR");
    return config;
  }
  std::string text;
  if (!ReadTextFile(path, display, &text, diag)) return config;
  std::optional<YAML::Node> doc = ParseYaml(text, display, 1, diag);
  if (!doc) return config;

  YamlRecord site(*doc, display, 1, "site configuration", diag);
  if (!site.ok()) return config;
  config.title = site.String("title", true);
  config.organisation = site.String("organisation", true);
  config.base_url = site.String("base_url");
  std::string language = site.String("language");
  if (!language.empty()) config.language = language;

  YAML::Node contact = site.Node("contact");
  if (!contact.IsDefined() || contact.IsNull()) {
    diag.Error(site.pos(), "missing required field 'contact' in the site configuration");
  } else {
    YamlRecord c(contact, display, 1, "site contact", diag);
    config.contact.name = c.String("name", true);
    config.contact.email = c.String("email");
    config.contact.phone = c.String("phone");
    if (c.ok() && config.contact.email.empty() && config.contact.phone.empty())
      diag.Error(c.pos(), "the site contact needs an 'email' or a 'phone'");
  }

  YAML::Node accessibility = site.Node("accessibility");
  if (accessibility.IsDefined() && !accessibility.IsNull()) {
    YamlRecord a(accessibility, display, 1, "accessibility statement", diag);
    config.accessibility = a.String("statement", true);
    if (std::optional<Date> reviewed = a.DateField("reviewed"))
      config.accessibility_reviewed = LongDate(*reviewed);
  }

  YAML::Node deploy = site.Node("deploy");
  if (deploy.IsDefined() && !deploy.IsNull()) {
    if (!deploy.IsMap()) {
      diag.Error(site.PosOf(deploy),
                 "expected a mapping of named deploy targets for "
                 "'deploy', found " +
                     DescribeNodeType(deploy));
    } else {
      for (const auto& kv : deploy) {
        std::string name = kv.first.Scalar();
        if (kv.second.IsScalar()) {
          config.deploy[name] = kv.second.Scalar();
        } else if (kv.second.IsMap() && kv.second["url"]) {
          config.deploy[name] = kv.second["url"].as<std::string>("");
        }
      }
    }
  }
  return config;
}

}  // namespace clerk
