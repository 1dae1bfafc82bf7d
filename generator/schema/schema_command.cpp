#include "schema/schema_command.h"

#include "schema/field_table.h"
#include "schema/json_schema.h"

namespace clerk::schema {

int RunSchema(const std::string& out, std::ostream& info, std::ostream& err) {
  std::string error;
  if (!WriteSchemas(out, &error)) {
    err << "clerk: error: " << error << "\n";
    return 1;
  }
  info << "Wrote " << FileKinds().size() << " schemas to " << out
       << "/ (see 'Editor support' in docs/content-format.md)\n";
  return 0;
}

}  // namespace clerk::schema
