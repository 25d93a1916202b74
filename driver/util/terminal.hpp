// The one status printer (STYLE.md "output"): modules report through it, only the
// app decides where it goes. On a TTY a live progress line is redrawn in place;
// otherwise progress is printed as plain lines. NO_COLOR disables colour.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

namespace eok::util {

class Terminal
{
public:
  static Terminal& instance();
  // A line that stays (clears a pending progress line first).
  void line(const std::string& text);
  // A warning line: "eok: warning: text".
  void warn(const std::string& text);
  // Live progress: redrawn in place on a TTY, printed as a line otherwise
  // (identical consecutive texts are not repeated).
  void progress(const std::string& text);
  void end_progress();
  [[nodiscard]] bool is_tty() const { return m_tty; }
  [[nodiscard]] bool color() const { return m_color; }
  void set_quiet(bool quiet) { m_quiet = quiet; }

private:
  Terminal();
  std::mutex m_mutex;
  FILE* m_out = stderr;
  bool m_tty = false;
  bool m_color = false;
  bool m_quiet = false;
  bool m_progress_shown = false;
  std::string m_last_progress;
};

} // namespace eok::util
