// Where completions come from: the live OpenAI-compatible client (client.hpp),
// a recorded transcript (replay), a recorder wrapped around a live provider, or a
// scripted function (unit tests). All are thread-safe.
#pragma once

#include "llm/json.hpp"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace eok::config {
class Settings;
}

namespace eok::llm {

// One chat request: a system and a user message. The search's prompts, idea mining's
// distillation prompts and `eok llm ask` each build one.
struct Request
{
  std::string system;
  std::string user;
  std::string label; // what asks, for transcripts (their "op"): a search operator, "distill", "ask"
  // SHA-256 over both messages: the key of replayed transcripts. Equal to search::Prompt::hash()
  // of the prompt a request is made from (request_of), so a search's transcript replays.
  [[nodiscard]] std::string hash() const;
};

struct Completion
{
  bool ok = false;
  std::string content; // ok: the reply text
  std::string error;   // !ok: why there is none ("HTTP 500: …", "replay: no recorded reply …")
  std::string model;
  Usage usage;
  int attempts = 0; // HTTP attempts (0 for replayed and scripted replies)
};

class Provider
{
public:
  virtual ~Provider() = default;
  virtual Completion complete(const Request& request) = 0;
  [[nodiscard]] virtual std::string name() const = 0;
};

// Answers from a transcript (JSON Lines, see json.hpp) keyed by Request::hash().
// Several replies for one hash are served in recorded order, the last repeating;
// a prompt that was never recorded is a failed completion, not an exception.
class ReplayProvider : public Provider
{
public:
  explicit ReplayProvider(const std::string& path); // throws Fatal on unreadable/malformed files
  Completion complete(const Request& request) override;
  [[nodiscard]] std::string name() const override { return "replay"; }
  [[nodiscard]] size_t size() const { return m_count; }

private:
  std::string m_path;
  std::mutex m_mutex;
  std::map<std::string, std::vector<TranscriptEntry>> m_entries;
  std::map<std::string, size_t> m_next;
  size_t m_count = 0;
};

// Appends one transcript line per completion of `inner` (failures included, so a
// replay reproduces them), flushed per line so an interrupted run keeps its record.
class RecordingProvider : public Provider
{
public:
  RecordingProvider(std::unique_ptr<Provider> inner, std::string path);
  Completion complete(const Request& request) override;
  [[nodiscard]] std::string name() const override { return m_inner->name() + "+record"; }

private:
  std::unique_ptr<Provider> m_inner;
  std::string m_path;
  std::mutex m_mutex;
};

class ScriptedProvider : public Provider
{
public:
  explicit ScriptedProvider(std::function<Completion(const Request&)> script)
    : m_script(std::move(script))
  {
  }
  Completion complete(const Request& request) override { return m_script(request); }
  [[nodiscard]] std::string name() const override { return "scripted"; }

private:
  std::function<Completion(const Request&)> m_script;
};

// The provider the settings ask for (llm.provider), recording to `record_file`
// (or llm.record_file) when live. Throws Fatal on incomplete settings.
std::unique_ptr<Provider> make_provider(const config::Settings& settings, const std::string& record_file = {});

} // namespace eok::llm
