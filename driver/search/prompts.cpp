#include "search/prompts.hpp"

#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace eok::search {

namespace {

// A replacement of a whole C++ layer file (an NCNN layer): the class and its members are
// declared in headers the candidate cannot change, so it keeps every definition.
std::string file_system_text(const TaskView& t)
{
  return "You write high-performance C++ for neural-network layers with RISC-V Vector 1.0 intrinsics (<riscv_vector.h>, "
         "__riscv_ prefixed) for an in-order dual-issue core with VLEN " +
         std::to_string(t.vlen) + " (target -march=" + t.march + "). Your answer replaces the whole source file `" + t.file +
         "`: define every function and member it defines, with the same signatures (its class is declared in a header you "
         "cannot change); new helpers must be static; include only what the file includes, <riscv_vector.h> and C and C++ "
         "standard headers; no system calls, no I/O, no global mutable state, no inline assembly. The layer's output must match "
         "the framework's naive layer within tolerance for every shape, for both packed (elempack > 1) and planar layouts, and "
         "for special values (NaN, infinities) where the naive layer defines them. Answer with a one-sentence description of "
         "your design in braces {like this}, then the complete C++ file in one ```cpp code block.";
}

std::string system_text(const TaskView& t)
{
  if (!t.file.empty()) {
    return file_system_text(t);
  }
  return "You write high-performance C kernels with RISC-V Vector 1.0 intrinsics (<riscv_vector.h>, __riscv_ prefixed) "
         "for an in-order dual-issue core with VLEN " +
         std::to_string(t.vlen) + " (target -march=" + t.march + "). Rules: define exactly the function `" + t.signature +
         "` with external linkage; any helpers must be static; include only <riscv_vector.h>, <stddef.h>, <stdint.h>, "
         "<math.h>, <string.h>; no system calls, no I/O, no allocation, no global mutable state; the result must match the "
         "reference within its tolerance for every size, including 0, 1 and sizes that are not multiples of the vector length, "
         "and for special values (NaN, infinities) where the reference defines them. Answer with a one-sentence description of "
         "your design in braces {like this}, then the complete C source in one ```c code block.";
}

// Indents every line after the first of a multi-line text under a list item.
std::string indented(const std::string& text)
{
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') {
      out += "  ";
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) {
    out.pop_back();
  }
  return out;
}

std::string idea_line(const ParentView& p)
{
  return "Idea: " + (p.description.empty() ? std::string("(not described)") : p.description) + "\n";
}

// The code fence of the task's language.
std::string fence(const TaskView& t)
{
  return t.file.empty() ? "```c\n" : "```cpp\n";
}

std::string parent_block(const TaskView& t, const ParentView& p, size_t index)
{
  std::string s =
      "Kernel " + std::to_string(index + 1) + " (speedup over the reference: " + util::fixed(p.speedup, 3) + "x)\n" + idea_line(p);
  if (!p.profile.empty()) {
    s += "Profile on the target model: " + indented(p.profile) + "\n";
  }
  if (!p.failures.empty()) {
    s += "Recent children of this kernel that failed the evaluator's checks:\n";
    for (const auto& f : p.failures) {
      s += "- " + indented(f) + "\n";
    }
  }
  return s + fence(t) + p.code + "\n```\n";
}

std::string failed_block(const TaskView& t, const ParentView& p, const std::string& verdict)
{
  return "Failed kernel\n" + idea_line(p) + fence(t) + p.code + "\n```\nWhat the evaluator found:\n" + verdict + "\n";
}

std::string task_block(const TaskView& t)
{
  if (!t.file.empty()) {
    return "Task: " + t.name + ": " + t.description + "\nFile to replace: " + t.file + "\n" +
           (t.context.empty() ? std::string() : "\n" + t.context + "\n");
  }
  return "Task: " + t.name + ": " + t.description + "\nRequired function: " + t.signature + "\n";
}

std::string instruction(Operator op, bool with_thoughts)
{
  switch (op) {
  case Operator::init:
    return with_thoughts ? "Apply the optimisation thought below to the reference kernel. Keep its results identical within "
                           "tolerance and make it faster on the target."
                         : "Write a new kernel that computes the same results as the reference kernel within tolerance and is "
                           "faster on the target.";
  case Operator::e1:
    return "Design a new kernel whose approach is clearly different from every kernel shown, aiming to be faster than all of "
           "them.";
  case Operator::e2:
    return "Find the idea the kernels shown have in common, then write a new kernel built on that shared idea but different "
           "in form, aiming to be faster than all of them.";
  case Operator::m1:
    return "Modify the structure of the kernel shown (loop organisation, data movement, instruction choice) to make it faster.";
  case Operator::m2:
    return "Keep the structure of the kernel shown but change its parameters (LMUL, unroll factor, tile or block sizes, "
           "prefetch distance) to make it faster.";
  case Operator::m3:
    return "Simplify the kernel shown: remove redundant work and components that do not help, keeping it correct and at least "
           "as fast.";
  case Operator::repair:
    return "The kernel below failed the evaluator's checks. Fix what the evaluator found, keeping the kernel's approach and "
           "speed, and check the same mistake is not made elsewhere in it.";
  }
  return {};
}

} // namespace

const char* operator_name(Operator op)
{
  switch (op) {
  case Operator::init:
    return "init";
  case Operator::e1:
    return "E1";
  case Operator::e2:
    return "E2";
  case Operator::m1:
    return "M1";
  case Operator::m2:
    return "M2";
  case Operator::m3:
    return "M3";
  case Operator::repair:
    return "R";
  }
  return "?";
}

size_t operator_parents(Operator op, size_t available)
{
  if (op == Operator::e1 || op == Operator::e2) {
    return std::min<size_t>(available, 3);
  }
  return std::min<size_t>(available, 1);
}

const std::vector<Operator>& evolution_operators()
{
  static const std::vector<Operator> ops = {Operator::e1, Operator::e2, Operator::m1, Operator::m2, Operator::m3};
  return ops;
}

std::string Prompt::hash() const
{
  util::Sha256 h;
  h.update("system=").update(std::to_string(system.size())).update(":").update(system);
  h.update("user=").update(std::to_string(user.size())).update(":").update(user);
  return h.hex_digest();
}

std::string retrieval_query(const PromptInput& in)
{
  std::string query = in.task.description + " " + operator_name(in.op);
  for (const auto& p : in.parents) {
    query += " " + p.description + " " + p.code;
  }
  for (const auto& t : in.thoughts) {
    query += " " + t.description;
  }
  return query;
}

Prompt build_prompt(const PromptInput& in)
{
  Prompt p;
  p.op = in.op;
  p.system = system_text(in.task);
  std::string u = task_block(in.task) + "\n" + instruction(in.op, !in.thoughts.empty()) + "\n\n";
  if (in.op == Operator::init) {
    u += "Reference kernel:\n";
  }
  for (size_t i = 0; i < in.parents.size(); ++i) {
    u += (in.op == Operator::repair ? failed_block(in.task, in.parents[i], in.verdict) : parent_block(in.task, in.parents[i], i)) + "\n";
  }
  if (!in.thoughts.empty()) {
    u += in.op == Operator::init ? "Optimisation thought to apply:\n" : "Optimisation thoughts that may help:\n";
    for (const auto& t : in.thoughts) {
      u += "- " + t.description + "\n";
      if (!t.example_code.empty()) {
        u += "  Example:\n```c\n" + t.example_code + "\n```\n";
      }
    }
    u += "\n";
  }
  if (!in.rag_context.empty()) {
    u += "Reference notes on the target:\n";
    for (const auto& r : in.rag_context) {
      u += "---\n" + r + "\n";
    }
    u += "---\n";
  }
  p.user = u;
  return p;
}

} // namespace eok::search
