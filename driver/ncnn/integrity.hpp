// The evaluator's static checks (eval/static_checks.hpp) for a candidate NCNN layer
// file. A layer object is C++ linked into libncnn's world, so the C kernel rules are
// adapted, with the tree's own file (ker0) as the reference of what is normal:
//   - calls: the evaluator's allow-list (libm, mem*), anything ker0 calls, NCNN's own
//     functions and the C++ runtime (operator new/delete, unwinding); nothing else
//     (no clock, files, environment, system calls through libc);
//   - definitions: every global symbol ker0 defines may be defined; beyond those only
//     weak C++ instantiations outside NCNN's classes (std:: templates, Mat and Option
//     inlines). A new strong or NCNN-class definition could replace code of libncnn or
//     of the naive reference layer the harness compares against;
//   - sections and bytes: check_object with vtables allowed (.data.rel.ro), so no
//     writable data, constructors, system calls or region markers; and the
//     disassembly scan of check_disassembly.
#pragma once

#include <optional>
#include <string>

namespace eok::ncnn {

// What `nm -P -u`, `nm -P --defined-only` and `objdump -d` say about an object, and its bytes.
struct ObjectFacts
{
  std::string undefined, defined, disassembly, bytes;
};

// The reason a candidate object is rejected, or nothing.
std::optional<std::string> check_layer_object(const ObjectFacts& candidate, const ObjectFacts& ker0);

} // namespace eok::ncnn
