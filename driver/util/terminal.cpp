#include "util/terminal.hpp"

#include <cstdlib>
#include <unistd.h>

namespace eok::util {

Terminal& Terminal::instance()
{
  static Terminal t;
  return t;
}

Terminal::Terminal()
{
  m_tty = ::isatty(::fileno(m_out)) != 0;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  m_color = m_tty && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
}

void Terminal::line(const std::string& text)
{
  std::lock_guard lock(m_mutex);
  if (m_progress_shown) {
    std::fputs("\r\033[K", m_out);
    m_progress_shown = false;
  }
  std::fputs(text.c_str(), m_out);
  std::fputc('\n', m_out);
  std::fflush(m_out);
}

void Terminal::warn(const std::string& text)
{
  line(std::string(m_color ? "\033[33meok: warning:\033[0m " : "eok: warning: ") + text);
}

void Terminal::progress(const std::string& text)
{
  std::lock_guard lock(m_mutex);
  if (m_quiet || text == m_last_progress) {
    return;
  }
  m_last_progress = text;
  if (m_tty) {
    std::fputs("\r\033[K", m_out);
    std::fputs(text.c_str(), m_out);
    m_progress_shown = true;
  } else {
    std::fputs(text.c_str(), m_out);
    std::fputc('\n', m_out);
  }
  std::fflush(m_out);
}

void Terminal::end_progress()
{
  std::lock_guard lock(m_mutex);
  if (m_progress_shown) {
    std::fputs("\r\033[K", m_out);
    std::fflush(m_out);
    m_progress_shown = false;
  }
  m_last_progress.clear();
}

} // namespace eok::util
