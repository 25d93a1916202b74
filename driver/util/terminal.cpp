#include "util/terminal.hpp"

#include "util/secrets.hpp"

#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace eok::util {

namespace {

size_t terminal_columns(FILE* out)
{
  winsize ws{};
  if (::ioctl(::fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  return 80;
}

} // namespace

std::string fit_width(const std::string& text, size_t width)
{
  if (width == 0) {
    return text;
  }
  const size_t limit = width > 1 ? width - 1 : 1;
  size_t columns = 0;
  bool escapes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b && i + 1 < text.size() && text[i + 1] == '[') {
      // CSI: ESC [ parameters, ends at a byte in @..~.
      escapes = true;
      size_t j = i + 2;
      while (j < text.size() && (text[j] < '@' || text[j] > '~')) {
        ++j;
      }
      i = j;
      continue;
    }
    if ((c & 0xC0) == 0x80) {
      continue; // UTF-8 continuation byte
    }
    if (columns == limit) {
      return text.substr(0, i) + (escapes ? "\033[0m" : "");
    }
    ++columns;
  }
  return text;
}

Terminal& Terminal::instance()
{
  static Terminal t(stderr, detect_mode(stderr));
  return t;
}

TerminalMode Terminal::detect_mode(FILE* out)
{
  const char* term = std::getenv("TERM");
  const char* no_color = std::getenv("NO_COLOR");
  TerminalMode m;
  m.live = ::isatty(::fileno(out)) != 0 && !(term != nullptr && std::string(term) == "dumb");
  m.color = m.live && !(no_color != nullptr && *no_color != '\0');
  return m;
}

Terminal::Terminal(FILE* out, TerminalMode mode)
  : m_out(out)
  , m_mode(mode)
{
}

void Terminal::set_quiet(bool quiet)
{
  std::lock_guard lock(m_mutex);
  m_quiet = quiet;
}

// Cursor-up + clear-line over the shown block, leaving the cursor on its first row.
std::string Terminal::erase_block() const
{
  std::string out;
  for (size_t i = 0; i < m_block.size(); ++i) {
    out += "\033[A\033[2K";
  }
  return out;
}

// Each line ends with a newline: the cursor rests below the block, so text written
// by anyone else lands there instead of in the middle of a line.
std::string Terminal::draw_block() const
{
  const size_t width = m_mode.width > 0 ? m_mode.width : terminal_columns(m_out);
  std::string out;
  for (const auto& l : m_block) {
    out += fit_width(l, width) + "\n";
  }
  return out;
}

void Terminal::write(const std::string& text)
{
  const std::string bytes = redact(text); // a reply or error may echo the LLM key
  std::fwrite(bytes.data(), 1, bytes.size(), m_out);
  std::fflush(m_out);
}

void Terminal::line(const std::string& text)
{
  std::lock_guard lock(m_mutex);
  if (m_block.empty()) {
    write(text + "\n");
    return;
  }
  write(erase_block() + text + "\n" + draw_block());
}

void Terminal::warn(const std::string& text)
{
  line(std::string(m_mode.color ? "\033[33meok: warning:\033[0m " : "eok: warning: ") + text);
}

void Terminal::live(const std::vector<std::string>& block, const std::string& plain)
{
  std::lock_guard lock(m_mutex);
  if (m_quiet) {
    return;
  }
  if (m_mode.live) {
    if (block == m_block) {
      return;
    }
    std::string bytes = erase_block();
    m_block = block;
    write(bytes + draw_block());
    return;
  }
  if (plain.empty() || plain == m_last_plain) {
    return;
  }
  m_last_plain = plain;
  write(plain + "\n");
}

void Terminal::progress(const std::string& text)
{
  live({text}, text);
}

void Terminal::end_progress()
{
  std::lock_guard lock(m_mutex);
  if (!m_block.empty()) {
    write(erase_block());
    m_block.clear();
  }
  m_last_plain.clear();
}

} // namespace eok::util
