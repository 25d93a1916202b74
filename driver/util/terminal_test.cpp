#include "util/terminal.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fcntl.h>
#include <set>
#include <thread>
#include <unistd.h>

using eok::util::fit_width;
using eok::util::Terminal;
using eok::util::TerminalMode;

namespace {

// What a Terminal wrote, taken in pieces (open_memstream: updated at each fflush).
class Capture
{
public:
  Capture() { m_file = open_memstream(&m_buf, &m_len); }
  ~Capture()
  {
    std::fclose(m_file);
    std::free(m_buf);
  }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  FILE* file() { return m_file; }
  std::string take()
  {
    std::fflush(m_file);
    std::string out(m_buf + m_taken, m_len - m_taken);
    m_taken = m_len;
    return out;
  }

private:
  FILE* m_file = nullptr;
  char* m_buf = nullptr;
  size_t m_len = 0;
  size_t m_taken = 0;
};

const std::string up_clear = "\033[A\033[2K";

// The rows a terminal shows after `bytes`: a minimal VT100 (cursor up, clear line,
// newline, printable characters overwrite), enough for what Terminal writes.
std::vector<std::string> render(const std::string& bytes)
{
  std::vector<std::string> rows(1);
  size_t row = 0;
  size_t col = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes.compare(i, 3, "\033[A") == 0) {
      REQUIRE(row > 0);
      --row;
      i += 2;
    } else if (bytes.compare(i, 4, "\033[2K") == 0) {
      rows[row].clear();
      i += 3;
    } else if (bytes[i] == '\n') {
      ++row;
      col = 0;
      if (row == rows.size()) {
        rows.emplace_back();
      }
    } else {
      REQUIRE(bytes[i] != '\033');
      if (rows[row].size() <= col) {
        rows[row].resize(col + 1, ' ');
      }
      rows[row][col++] = bytes[i];
    }
  }
  if (rows.back().empty() && row == rows.size() - 1) {
    rows.pop_back(); // the row the cursor rests on
  }
  return rows;
}

} // namespace

TEST_SUITE("util::terminal")
{
  TEST_CASE("not live: progress is plain lines, never the same text twice in a row")
  {
    Capture c;
    Terminal t(c.file(), TerminalMode{});
    t.progress("a");
    t.progress("a");
    t.progress("b");
    t.line("stays");
    t.live({"header", "p0 line", "p1 line"}, "step 1");
    t.live({"header", "p0 changed", "p1 line"}, "step 1");
    t.live({"ignored"}, ""); // nothing plain to say
    t.warn("careful");
    CHECK(c.take() == "a\nb\nstays\nstep 1\neok: warning: careful\n");
    t.end_progress(); // forgets the last line: the same text may come again
    t.progress("b");
    CHECK(c.take() == "b\n");
  }

  TEST_CASE("live: the block is redrawn in place and lines printed meanwhile go above it")
  {
    Capture c;
    Terminal t(c.file(), TerminalMode{true, false, 80});
    t.live({"head", "p0: 1"}, "plain is not shown");
    CHECK(c.take() == "head\np0: 1\n");
    t.live({"head", "p0: 2"}, "");
    CHECK(c.take() == up_clear + up_clear + "head\np0: 2\n");
    t.live({"head", "p0: 2"}, ""); // unchanged: nothing written
    CHECK(c.take().empty());
    t.warn("slow reply");
    CHECK(c.take() == up_clear + up_clear + "eok: warning: slow reply\nhead\np0: 2\n");
    // A shorter block: the old rows are cleared before the new one is drawn.
    t.progress("post-pass: 1/4 evaluations");
    CHECK(c.take() == up_clear + up_clear + "post-pass: 1/4 evaluations\n");
    t.end_progress();
    CHECK(c.take() == up_clear);
    t.line("done");
    CHECK(c.take() == "done\n");
    t.end_progress(); // nothing shown: nothing to erase
    CHECK(c.take().empty());
  }

  TEST_CASE("live lines are cut to the width so cursor-up stays exact; colour only when enabled")
  {
    CHECK(fit_width("abcdef", 0) == "abcdef");
    CHECK(fit_width("abcdef", 7) == "abcdef");
    CHECK(fit_width("abcdef", 6) == "abcde");
    CHECK(fit_width("\033[32mabc\033[0mdef", 5) == "\033[32mabc\033[0md\033[0m");
    CHECK(fit_width("\033[32mabc\033[0m", 4) == "\033[32mabc\033[0m");
    CHECK(fit_width("\xc3\xa9t\xc3\xa9s", 3) == "\xc3\xa9t"); // é counts as one column

    Capture c;
    Terminal t(c.file(), TerminalMode{true, true, 10});
    t.live({"0123456789abc"}, "");
    CHECK(c.take() == "012345678\n");
    t.warn("w"); // warnings are not cut
    CHECK(c.take() == up_clear + "\033[33meok: warning:\033[0m w\n012345678\n");
  }

  TEST_CASE("on a screen: lines from other threads end up above the live block, whole")
  {
    Capture c;
    Terminal t(c.file(), TerminalMode{true, false, 100});
    std::multiset<std::string> expected;
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
      for (int k = 0; k < 50; ++k) {
        expected.insert("thread " + std::to_string(i) + " line " + std::to_string(k));
      }
      threads.emplace_back([&t, i] {
        for (int k = 0; k < 50; ++k) {
          t.line("thread " + std::to_string(i) + " line " + std::to_string(k));
        }
      });
    }
    threads.emplace_back([&t] {
      for (int k = 0; k < 50; ++k) {
        t.live({"block " + std::to_string(k), std::string(k % 3, '=')}, "");
      }
      t.live({"block final", "second row"}, "");
    });
    for (auto& th : threads) {
      th.join();
    }
    std::vector<std::string> screen = render(c.take());
    REQUIRE(screen.size() == 202);
    CHECK(std::multiset<std::string>(screen.begin(), screen.begin() + 200) == expected);
    CHECK(screen[200] == "block final");
    CHECK(screen[201] == "second row");
  }

  TEST_CASE("detect_mode: a TTY is live unless TERM=dumb; NO_COLOR turns colour off")
  {
    Capture c;
    CHECK_FALSE(Terminal::detect_mode(c.file()).live); // not a terminal

    int master = posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master >= 0);
    REQUIRE(grantpt(master) == 0);
    REQUIRE(unlockpt(master) == 0);
    FILE* tty = std::fopen(ptsname(master), "w");
    REQUIRE(tty != nullptr);
    const char* old_term = std::getenv("TERM");
    const char* old_no_color = std::getenv("NO_COLOR");
    std::string saved_term = old_term != nullptr ? old_term : "";
    std::string saved_no_color = old_no_color != nullptr ? old_no_color : "";

    ::setenv("TERM", "xterm", 1);
    ::unsetenv("NO_COLOR");
    TerminalMode m = Terminal::detect_mode(tty);
    CHECK(m.live);
    CHECK(m.color);
    CHECK(m.width == 0); // asked at each redraw
    ::setenv("NO_COLOR", "1", 1);
    m = Terminal::detect_mode(tty);
    CHECK(m.live);
    CHECK_FALSE(m.color);
    ::setenv("NO_COLOR", "", 1); // empty: not set (no-color.org)
    CHECK(Terminal::detect_mode(tty).color);
    ::setenv("TERM", "dumb", 1);
    m = Terminal::detect_mode(tty);
    CHECK_FALSE(m.live);
    CHECK_FALSE(m.color);

    if (old_term != nullptr) {
      ::setenv("TERM", saved_term.c_str(), 1);
    } else {
      ::unsetenv("TERM");
    }
    if (old_no_color != nullptr) {
      ::setenv("NO_COLOR", saved_no_color.c_str(), 1);
    } else {
      ::unsetenv("NO_COLOR");
    }
    std::fclose(tty);
    ::close(master);
  }
}
