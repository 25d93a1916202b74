// Writing JSON text: string literals and numbers, the one writer every module's JSON
// output goes through (verdicts, reports, the model's detail, LLM requests and
// transcripts). Reading JSON is llm/json.hpp's (the only simdjson user).
#pragma once

#include <string>
#include <string_view>

namespace eok::util {

// `s` as a JSON string literal with quotes. Control characters are escaped;
// bytes that are not valid UTF-8 become U+FFFD so the text stays valid JSON.
std::string json_quote(std::string_view s);
// A finite double as JSON text (locale-independent, shortest round-trip form);
// NaN and infinities, which JSON cannot hold, as 0.
std::string json_number(double v);
// A double with every digit it needs to read back exactly (util::exact), NaN and
// infinities as null: the verdict JSON's form, kept byte for byte for the verdicts
// caches and journals already hold (json_number's shortest form differs, e.g. 0.1).
std::string json_number_exact(double v);

} // namespace eok::util
