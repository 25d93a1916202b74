// What `eok cache import/merge` share with `eok cache verify`.
#pragma once

#include "app/cache_setup.hpp"
#include "cache/cache.hpp"
#include "tune/verify.hpp"

namespace eok::app {

// cache_flags() + --kernels DIR.
std::vector<FlagSpec> verify_flags();
// A verifier for the kernels given and those found under --kernels (default ./kernels).
tune::WinnerVerifier make_verifier(Context& ctx, const Args& args, const CacheSetup& s, const std::vector<std::string>& kernel_dirs);
// merge_from's admit: verified winners come in with the figures measured here,
// rejected ones stay out (counted), unverifiable ones come in unverified.
cache::Cache::Admit verifying_admit(tune::WinnerVerifier& verifier, int& rejected);

} // namespace eok::app
