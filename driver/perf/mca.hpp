// Cross-check of the cost model against LLVM's SpacemiT X60 scheduling model
// (`llvm-mca-22 -mcpu=spacemit-x60`, where installed): loop bodies costed by both.
#pragma once

#include "perf/cost_table.hpp"
#include "perf/counts.hpp"

#include <string>
#include <vector>

namespace eok::perf {

struct McaRow
{
  std::string name;
  double model = 0; // cycles per loop iteration from the cost table
  double mca = 0;   // cycles per loop iteration from llvm-mca (steady state over 100 iterations)
};

// Counts of one pass over an assembly loop body (one instruction per line; SEW/LMUL from
// the vset{i}vli lines), as the plugin would report them.
Counts counts_of_body(const std::string& body);

// The llvm-mca program to use ("" when none is installed).
std::string find_mca();

// Both costs for a fixed set of loop bodies; throws Fatal when llvm-mca fails.
std::vector<McaRow> mca_crosscheck(const CostTable& table, const std::string& mca);

} // namespace eok::perf
