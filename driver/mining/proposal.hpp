// From distilled commits to a proposal (the paper's assignment and clustering
// steps over embeddings): each distilled thought whose description is within a
// cosine threshold of an existing thought's is evidence for that thought; the
// rest are clustered greedily and each cluster becomes a proposed new thought
// with its commits as provenance. The proposal is written as one idea file in
// ideas/FORMAT.md's format (loadable by ideas::load_pool) for a human to review.
#pragma once

#include "ideas/pool.hpp"
#include "mining/distill.hpp"
#include "mining/vectors.hpp"
#include "util/error.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace eok::mining {

// Embeds texts, one vector per text in order; a failure is the error value.
using Embed = std::function<Expected<std::vector<Vector>>(const std::vector<std::string>&)>;

struct ProposeOptions
{
  double assign_threshold = 0.85;  // cosine to an existing thought that makes a commit its evidence
  double cluster_threshold = 0.85; // cosine to a cluster's centroid that joins it
  size_t batch = 32;               // texts per embeddings request
};

struct Evidence
{
  Commit commit;
  double similarity = 0;
  std::string distilled; // the distilled description
};

struct ProposedThought
{
  std::string id;       // "mined-…", unique in the pool and the proposal
  Distillation thought; // the cluster's representative (closest to its centroid)
  std::vector<Commit> commits;
  double effectiveness = 0;
  double cohesion = 1; // least similarity of a member to the centroid
};

struct Proposal
{
  std::map<std::string, std::vector<Evidence>> assigned; // existing thought id -> evidence
  std::vector<ProposedThought> proposed;
  std::vector<DistillOutcome> failed;     // sent, reply unusable
  std::vector<DistillOutcome> irrelevant; // the model found nothing reusable
  size_t not_sent = 0;                    // budget ran out first
  size_t distilled = 0;                   // usable, relevant distillations
};

// The text embedded for a thought (existing or distilled): its description, one line.
std::string embedding_text(const std::string& description);
// The effectiveness prior from evidence: 0.3 + 0.1 per supporting commit, at most 0.8.
double evidence_effectiveness(size_t commits);

// Throws Fatal when embedding fails (after the client's retries) or returns a wrong count.
Proposal propose(const ideas::Pool& pool, const std::vector<DistillOutcome>& outcomes, const Embed& embed, const ProposeOptions& o);

struct ProposalHeader
{
  std::string idea_id; // the output file's stem
  std::string repo, rev, model, date;
  size_t scanned = 0, kept = 0;
  ProposeOptions options;
};
// The idea file text; requires at least one proposed thought.
std::string proposal_toml(const Proposal& p, const ProposalHeader& h);

// TOML string literal for any text (multi-line literal when possible, else escaped
// basic); invalid UTF-8 becomes U+FFFD. Exposed for tests.
std::string toml_text(std::string_view s);

} // namespace eok::mining
