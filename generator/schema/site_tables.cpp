// site.yaml (config/site_config.cpp).
#include "schema/field_builders.h"
#include "schema/tables.h"

namespace clerk::schema {

using namespace build;

const RecordTable& SiteContactTable() {
  static const RecordTable t{
      "site-contact",
      "site contact",
      "Whom residents contact about the site; give an email or a phone.",
      {Required(Text("name", "A team's name: 'Democratic Services'.")),
       Text("email", "A published email address."),
       Text("phone", "A published phone number.")}};
  return t;
}

const RecordTable& AccessibilityTable() {
  static const RecordTable t{
      "accessibility",
      "accessibility statement",
      "The site's accessibility statement.",
      {Required(Text("statement", "The statement, in Markdown.")),
       Date("reviewed", "When it was last reviewed (YYYY-MM-DD).")}};
  return t;
}

const RecordTable& DeployTargetTable() {
  static const RecordTable t{
      "deploy-target",
      "deploy target",
      "Where 'clerk deploy' publishes. Never write a password here.",
      {Required(Text(
           "url", "sftp://, ftp://, ftps://, webdav://, webdavs://, s3:// or file://")),
       Text("endpoint", "An s3 endpoint other than Amazon's."),
       Text("region", "The s3 region."),
       Text("ca_file", "A certificate authority file to trust."),
       Text("known_hosts", "An ssh known_hosts file.")}};
  return t;
}

const RecordTable& SiteTable() {
  static const RecordTable t{
      "site",
      "site configuration",
      "The site's settings.",
      {Required(Text("title", "The site's title.")),
       Required(Text("organisation", "The council's name.")),
       Text("base_url", "The address the site is published at: 'https://...'."),
       Text("language", "The pages' language tag: 'en-GB'."),
       Required(Record("contact", SiteContactTable, "Whom residents contact.")),
       Record("accessibility", AccessibilityTable, "The accessibility statement."), [] {
         Field f = Map("deploy", FieldType::kText,
                       "Named deploy targets: name: url, or name: with 'url' and more.");
         f.record = DeployTargetTable;
         return f;
       }()}};
  return t;
}

}  // namespace clerk::schema
