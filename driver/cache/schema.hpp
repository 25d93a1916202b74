// The cache's schema as ordered migrations (component "cache" of store::Db).
// Append a migration to change it; never edit one that has shipped.
#pragma once

#include "store/sqlite_db.hpp"

#include <vector>

namespace eok::cache {

const std::vector<store::Migration>& schema_migrations();

} // namespace eok::cache
