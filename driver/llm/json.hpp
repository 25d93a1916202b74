// JSON for the LLM client: transcripts and reading replies (writing goes through
// util/json_write.hpp). This file's .cpp is the
// only simdjson user (ARCHITECTURE.md); everything else sees these structs.
#pragma once

#include "util/error.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace eok::llm {

struct Usage
{
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  bool reported = false; // the server sent a `usage` object
  [[nodiscard]] int64_t total() const { return prompt_tokens + completion_tokens; }
};

struct ChatReply
{
  std::string content; // choices[0].message.content
  std::string model;
  std::string finish_reason;
  Usage usage;
};

// A /chat/completions reply body. Fails (with a short reason) on bodies that are
// not JSON, have no choices, or whose first choice carries no text content.
Expected<ChatReply> parse_chat_reply(std::string_view body);

struct EmbeddingReply
{
  std::vector<std::vector<float>> vectors; // in input order (sorted by `index`)
  std::string model;
  Usage usage;
};
Expected<EmbeddingReply> parse_embedding_reply(std::string_view body);

// error.message of an error body ({"error":{"message":...}} or {"error":"..."}),
// else the first 200 bytes of the body, for diagnostics.
std::string error_summary(std::string_view body);

// Any JSON object as flat fields: nested objects and arrays become dotted paths
// ("measurement.cycles", "mismatches.0.shape"), strings their text, numbers and
// booleans their JSON text, null ""; "<array>.#" holds an array's length. For
// reading documents eok itself wrote (verdict JSON from a cluster job).
Expected<std::map<std::string, std::string>> parse_flat_object(std::string_view body);
// One field of such an object: its text, or "" when the object has no such field.
std::string flat_text(const std::map<std::string, std::string>& fields, const std::string& key);

// One transcript line (JSON Lines): the reply recorded for one prompt.
struct TranscriptEntry
{
  std::string hash; // Request::hash()
  std::string op;
  std::string system;
  std::string user;
  bool ok = true;
  std::string content; // ok
  std::string error;   // !ok: the failure the live run saw
  std::string model;
  Usage usage;
};
std::string transcript_line(const TranscriptEntry& e); // without the newline
// Throws Fatal "path:line: what" on a malformed line.
std::vector<TranscriptEntry> parse_transcript(const std::string& text, const std::string& path);

} // namespace eok::llm
