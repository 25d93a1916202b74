#include "util/process.hpp"

#include "util/sandbox.hpp"
#include "util/secrets.hpp"
#include "util/strings.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace eok::util {

namespace {

using Clock = std::chrono::steady_clock;

struct Pipe
{
  int fd[2] = {-1, -1};
  ~Pipe() { close_both(); }
  void close_both()
  {
    for (int& f : fd) {
      if (f >= 0) {
        ::close(f);
        f = -1;
      }
    }
  }
};

bool make_pipe(Pipe& p)
{
  return ::pipe2(p.fd, O_CLOEXEC) == 0;
}

std::vector<char*> c_strings(std::vector<std::string>& v)
{
  std::vector<char*> out;
  out.reserve(v.size() + 1);
  for (auto& s : v) {
    out.push_back(s.data());
  }
  out.push_back(nullptr);
  return out;
}

} // namespace

std::string find_program(const std::string& name)
{
  if (name.empty()) {
    return {};
  }
  if (name.find('/') != std::string::npos) {
    return ::access(name.c_str(), X_OK) == 0 ? name : std::string{};
  }
  const char* path = std::getenv("PATH");
  for (const auto& dir : split(path ? path : "/usr/bin:/bin", ':')) {
    std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
    struct stat st
    {
    };
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return {};
}

std::string ProcessResult::describe() const
{
  switch (status) {
  case Status::exited:
    return "exit " + std::to_string(exit_code);
  case Status::signaled:
    return "killed by signal " + std::to_string(term_signal) + " (" + strsignal(term_signal) + ")";
  case Status::timed_out:
    return "timed out after " + fixed(wall_seconds, 1) + " s";
  case Status::output_limit:
    return "killed: output exceeded the limit";
  case Status::spawn_failed:
    return "could not start: " + error;
  }
  return "unknown";
}

ProcessResult run_process(const ProcessSpec& spec)
{
  ProcessResult r;
  if (spec.argv.empty()) {
    r.error = "empty command";
    return r;
  }
  std::string exe = find_program(spec.argv[0]);
  if (exe.empty()) {
    r.error = spec.argv[0] + ": program not found";
    return r;
  }

  // Everything the child needs is prepared before fork: after fork only
  // async-signal-safe calls are made.
  std::vector<std::string> argv_s = spec.argv;
  std::vector<std::string> env_s = child_environment(spec.env_add);
  std::vector<char*> argv = c_strings(argv_s);
  std::vector<char*> envp = c_strings(env_s);
  Pipe in;
  Pipe out;
  Pipe err;
  Pipe exec_err; // reports an exec failure from the child (CLOEXEC: closes on success)
  if (!make_pipe(in) || !make_pipe(out) || !make_pipe(err) || !make_pipe(exec_err)) {
    r.error = std::string("pipe: ") + std::strerror(errno);
    return r;
  }

  std::optional<Confinement> confinement;
  if (spec.sandbox) {
    confinement.emplace(spec.sandbox_writable);
  }

  auto start = Clock::now();
  pid_t pid = ::fork();
  if (pid < 0) {
    r.error = std::string("fork: ") + std::strerror(errno);
    return r;
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    ::signal(SIGPIPE, SIG_DFL);
    ::dup2(in.fd[0], 0);
    ::dup2(out.fd[1], 1);
    ::dup2(err.fd[1], 2);
    int report = exec_err.fd[1];
    // Keep only 0-2 and the exec-error pipe open.
    for (int fd = 3; fd < 1024; ++fd) {
      if (fd != report) {
        ::close(fd);
      }
    }
    if (spec.memory_limit_bytes) {
      struct rlimit rl
      {
        *spec.memory_limit_bytes, *spec.memory_limit_bytes
      };
      ::setrlimit(RLIMIT_AS, &rl);
    }
    if (spec.stack_limit_bytes) {
      struct rlimit rl
      {
        *spec.stack_limit_bytes, *spec.stack_limit_bytes
      };
      ::setrlimit(RLIMIT_STACK, &rl);
    }
    struct rlimit core
    {
      0, 0
    };
    ::setrlimit(RLIMIT_CORE, &core);
    if (!spec.cwd.empty() && ::chdir(spec.cwd.c_str()) != 0) {
      int e = errno;
      (void)!::write(report, &e, sizeof e);
      ::_exit(127);
    }
    if (confinement) {
      if (int e = confinement->apply(); e != 0) {
        (void)!::write(report, &e, sizeof e);
        ::_exit(127);
      }
    }
    ::execve(exe.c_str(), argv.data(), envp.data());
    int e = errno;
    (void)!::write(report, &e, sizeof e);
    ::_exit(127);
  }
  ::setpgid(pid, pid); // also from the parent, so a kill right away finds the group
  ::close(in.fd[0]);
  in.fd[0] = -1;
  ::close(out.fd[1]);
  out.fd[1] = -1;
  ::close(err.fd[1]);
  err.fd[1] = -1;
  ::close(exec_err.fd[1]);
  exec_err.fd[1] = -1;

  // Feed stdin (small inputs; a child that does not read it gets EPIPE, ignored).
  if (!spec.stdin_data.empty()) {
    auto old = ::signal(SIGPIPE, SIG_IGN);
    size_t off = 0;
    while (off < spec.stdin_data.size()) {
      ssize_t n = ::write(in.fd[1], spec.stdin_data.data() + off, spec.stdin_data.size() - off);
      if (n <= 0) {
        break;
      }
      off += static_cast<size_t>(n);
    }
    ::signal(SIGPIPE, old);
  }
  ::close(in.fd[1]);
  in.fd[1] = -1;

  bool killed_timeout = false;
  bool killed_output = false;
  std::string* bufs[2] = {&r.out, &r.err};
  int fds[2] = {out.fd[0], err.fd[0]};
  bool open[2] = {true, true};
  char chunk[65536];
  int wstatus = 0;
  bool reaped = false;
  Clock::time_point reaped_at;
  auto kill_group = [&] { ::kill(-pid, SIGKILL); };

  while (open[0] || open[1] || !reaped) {
    // A process that left its group can hold our pipes open: stop draining 1 s after the child is gone.
    if (reaped && Clock::now() - reaped_at > std::chrono::seconds(1)) {
      break;
    }
    int wait_ms = 50;
    if (spec.timeout.count() > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(start + spec.timeout - Clock::now()).count();
      if (left <= 0 && !killed_timeout && !reaped) {
        killed_timeout = true;
        kill_group();
      }
      wait_ms = static_cast<int>(std::max<long long>(1, std::min<long long>(50, left)));
    }
    pollfd pfd[2];
    int n = 0;
    int map[2];
    for (int i = 0; i < 2; ++i) {
      if (open[i]) {
        pfd[n] = {fds[i], POLLIN, 0};
        map[n++] = i;
      }
    }
    if (n > 0) {
      int rc = ::poll(pfd, n, wait_ms);
      if (rc < 0 && errno != EINTR) {
        break;
      }
      for (int k = 0; k < n && rc > 0; ++k) {
        if (!(pfd[k].revents & (POLLIN | POLLHUP | POLLERR))) {
          continue;
        }
        int i = map[k];
        ssize_t got = ::read(fds[i], chunk, sizeof chunk);
        if (got <= 0) {
          open[i] = false;
          continue;
        }
        size_t room = spec.output_cap > bufs[i]->size() ? spec.output_cap - bufs[i]->size() : 0;
        bufs[i]->append(chunk, std::min(room, static_cast<size_t>(got)));
        if (static_cast<size_t>(got) > room && !killed_output) {
          killed_output = true;
          kill_group();
        }
      }
    } else if (!reaped) {
      ::usleep(static_cast<useconds_t>(wait_ms) * 1000);
    }
    if (!reaped) {
      pid_t w = ::waitpid(pid, &wstatus, WNOHANG);
      if (w == pid) {
        reaped = true;
        reaped_at = Clock::now();
        // Anything the child left behind in its group goes too; its pipes then close.
        kill_group();
      }
    }
  }
  r.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();

  int exec_errno = 0;
  if (::read(exec_err.fd[0], &exec_errno, sizeof exec_errno) == static_cast<ssize_t>(sizeof exec_errno)) {
    r.status = ProcessResult::Status::spawn_failed;
    r.error = spec.argv[0] + ": " + std::strerror(exec_errno);
    return r;
  }
  if (killed_timeout) {
    r.status = ProcessResult::Status::timed_out;
  } else if (killed_output) {
    r.status = ProcessResult::Status::output_limit;
  } else if (WIFEXITED(wstatus)) {
    r.status = ProcessResult::Status::exited;
    r.exit_code = WEXITSTATUS(wstatus);
  } else if (WIFSIGNALED(wstatus)) {
    r.status = ProcessResult::Status::signaled;
    r.term_signal = WTERMSIG(wstatus);
  }
  return r;
}

} // namespace eok::util
