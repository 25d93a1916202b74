// Prompt assembly for the EoK search: the thought-guided initialisation and the
// five EoH operators (E1, E2: explore from several parents; M1, M2: modify one
// parent's structure or parameters; M3: simplify), each augmented with retrieved
// RISC-V notes and the sampled thoughts' example code.
#pragma once

#include <string>
#include <vector>

namespace eok::search {

enum class Operator {
  init,   // apply a thought to the reference kernel (EoK initial population)
  e1,     // a design different from all parents
  e2,     // a new design sharing the parents' common backbone
  m1,     // change one parent's structure
  m2,     // change one parent's parameters (LMUL, unroll, tile sizes)
  m3,     // simplify one parent
  repair, // fix a child that failed the evaluator's checks, shown with its verdict (operator "R")
};

const char* operator_name(Operator op);
// How many parents an operator shows (E1/E2 several, the rest one).
size_t operator_parents(Operator op, size_t available);
const std::vector<Operator>& evolution_operators();

// What the prompt needs to know about the task; filled from the kernel spec.
struct TaskView
{
  std::string name;
  std::string description;
  std::string signature; // full C prototype the candidate must define
  std::string entry;
  int vlen = 256;
  std::string march;
  // Non-empty: a candidate is a whole replacement of this C++ source file of the user's
  // project (an NCNN layer, driver/ncnn), not one C function; `context` then holds the
  // headers it includes, shown read-only.
  std::string file;
  std::string context;
};

struct ParentView
{
  std::string description;
  std::string code;
  double speedup = 1.0;              // over ker0
  std::string profile;               // where its cycles go on the model (may be empty)
  std::vector<std::string> failures; // its last failed children in this search: "M1: wrong_output: ..."
};

struct ThoughtView
{
  std::string id;
  std::string description;
  std::string example_code;
};

struct PromptInput
{
  Operator op = Operator::init;
  TaskView task;
  std::vector<ParentView> parents; // init: the reference kernel only
  std::vector<ThoughtView> thoughts;
  std::vector<std::string> rag_context;
  std::string verdict; // repair: what the evaluator found wrong with the one kernel shown
};

struct Prompt
{
  Operator op = Operator::init;
  std::string system;
  std::string user;
  // SHA-256 over both messages: the key of replayed transcripts and of lineage records.
  [[nodiscard]] std::string hash() const;
};

Prompt build_prompt(const PromptInput& in);

// The text the search retrieves reference notes with for a prompt: the task, the operator,
// the parents' ideas and code (their instructions are what the notes are indexed by) and
// the thoughts.
std::string retrieval_query(const PromptInput& in);

} // namespace eok::search
