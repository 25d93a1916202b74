#include "llm/provider.hpp"

#include "config/config.hpp"
#include "llm/client.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/secrets.hpp"
#include "util/sha256.hpp"
#include "util/terminal.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace eok::llm {

std::string Request::hash() const
{
  util::Sha256 h;
  h.update("system=").update(std::to_string(system.size())).update(":").update(system);
  h.update("user=").update(std::to_string(user.size())).update(":").update(user);
  return h.hex_digest();
}

ReplayProvider::ReplayProvider(const std::string& path)
  : m_path(path)
{
  for (auto& e : parse_transcript(util::read_file(path), path)) {
    m_entries[e.hash].push_back(std::move(e));
    ++m_count;
  }
}

Completion ReplayProvider::complete(const Request& request)
{
  std::string hash = request.hash();
  std::lock_guard lock(m_mutex);
  auto it = m_entries.find(hash);
  Completion c;
  if (it == m_entries.end()) {
    c.error = "replay: no recorded reply for prompt " + hash.substr(0, 12) + " in " + m_path;
    return c;
  }
  size_t& next = m_next[hash];
  const TranscriptEntry& e = it->second[std::min(next, it->second.size() - 1)];
  ++next;
  c.ok = e.ok;
  c.content = e.content;
  c.error = e.error;
  c.model = e.model;
  c.usage = e.usage;
  return c;
}

RecordingProvider::RecordingProvider(std::unique_ptr<Provider> inner, std::string path)
  : m_inner(std::move(inner))
  , m_path(std::move(path))
{
  util::fs::path parent = util::fs::path(m_path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    util::fs::create_directories(parent, ec);
  }
  // Fail now, not after the first paid reply.
  FILE* f = std::fopen(m_path.c_str(), "a");
  if (!f) {
    throw Fatal(m_path + ": cannot open the transcript for writing: " + std::strerror(errno));
  }
  std::fclose(f);
}

Completion RecordingProvider::complete(const Request& request)
{
  Completion c = m_inner->complete(request);
  TranscriptEntry e;
  e.hash = request.hash();
  e.op = request.label;
  // Transcripts are shared to reproduce runs: never with the key in them.
  e.system = util::redact(request.system);
  e.user = util::redact(request.user);
  e.ok = c.ok;
  e.content = util::redact(c.content);
  e.error = util::redact(c.error);
  e.model = c.model;
  e.usage = c.usage;
  std::string line = transcript_line(e) + "\n";
  std::lock_guard lock(m_mutex);
  FILE* f = std::fopen(m_path.c_str(), "a");
  if (!f || std::fwrite(line.data(), 1, line.size(), f) != line.size() || std::fflush(f) != 0) {
    std::string why = std::strerror(errno);
    if (f) {
      std::fclose(f);
    }
    throw Fatal(m_path + ": cannot append to the transcript: " + why);
  }
  std::fclose(f);
  return c;
}

std::unique_ptr<Provider> make_provider(const config::Settings& settings, const std::string& record_file)
{
  const config::Config& c = settings.get();
  std::string record = record_file.empty() ? c.llm_record_file : record_file;
  if (c.llm_provider == "replay") {
    if (c.llm_replay_file.empty()) {
      throw Fatal("llm.provider is \"replay\" but llm.replay_file is not set");
    }
    if (!record.empty()) {
      util::Terminal::instance().warn("llm: recording is for live providers; not recording a replay to " + record);
    }
    return std::make_unique<ReplayProvider>(c.llm_replay_file);
  }
  if (c.llm_provider != "openai") {
    throw Fatal("llm.provider is \"" + c.llm_provider +
                "\": set llm.provider = \"openai\" (with llm.base_url and llm.model) or \"replay\" (with llm.replay_file)");
  }
  auto client = std::make_unique<Client>(client_options(settings));
  if (record.empty()) {
    return client;
  }
  return std::make_unique<RecordingProvider>(std::move(client), record);
}

} // namespace eok::llm
