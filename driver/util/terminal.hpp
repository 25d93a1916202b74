// The one status printer (STYLE.md "output"): modules report through it, only the
// app decides where it goes. On a terminal a live block of status lines (one per
// parallel search, or one line for a simple progress) is redrawn in place with
// cursor-up and clear-line, and lines printed meanwhile go above it; anywhere else
// (pipe, file, TERM=dumb) progress comes out as plain lines, never the same text
// twice in a row. NO_COLOR disables colour.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

namespace eok::util {

struct TerminalMode
{
  bool live = false;  // redraw in place: a TTY whose TERM is not "dumb"
  bool color = false; // live and NO_COLOR unset or empty
  size_t width = 0;   // columns live lines are cut to; 0: ask the terminal at each redraw
};

class Terminal
{
public:
  // stderr, with the mode detect_mode() finds.
  static Terminal& instance();
  static TerminalMode detect_mode(FILE* out);
  // For tests and other sinks: `out` is written as given, with this mode.
  Terminal(FILE* out, TerminalMode mode);
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  // A line that stays; while a live block is shown it goes above the block.
  void line(const std::string& text);
  // A warning line: "eok: warning: text".
  void warn(const std::string& text);
  // Live status: `block` is redrawn in place when live; otherwise `plain` is printed
  // as a line unless it equals the previous plain line (empty: nothing printed).
  void live(const std::vector<std::string>& block, const std::string& plain);
  // One live line: live({text}, text).
  void progress(const std::string& text);
  // Clears the live block (its lines disappear) and forgets the last plain line.
  void end_progress();
  [[nodiscard]] bool is_live() const { return m_mode.live; }
  [[nodiscard]] bool color() const { return m_mode.color; }
  void set_quiet(bool quiet);

private:
  [[nodiscard]] std::string erase_block() const;
  [[nodiscard]] std::string draw_block() const;
  void write(const std::string& bytes);
  std::mutex m_mutex;
  FILE* m_out;
  TerminalMode m_mode;
  bool m_quiet = false;
  std::vector<std::string> m_block; // shown (live mode)
  std::string m_last_plain;
};

// `text` cut to `width - 1` visible characters (ANSI escapes and UTF-8 continuation
// bytes take no column), so a live line never wraps and cursor-up stays exact.
// width 0: unchanged.
std::string fit_width(const std::string& text, size_t width);

} // namespace eok::util
