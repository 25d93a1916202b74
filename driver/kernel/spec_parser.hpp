// Internal to the kernel module: the kernel.toml parser shared by spec*.cpp.
#pragma once

#include "kernel/signature.hpp"
#include "kernel/spec.hpp"
#include "util/toml_doc.hpp"

namespace eok::kernel::detail {

using toml::Kind;
using toml::Node;
using toml::TableReader;

class SpecParser
{
public:
  SpecParser(const toml::Document& doc, Spec& spec)
    : m_doc(doc)
    , m_spec(spec)
  {
  }
  void parse();

private:
  [[noreturn]] void fail(int line, const std::string& what) const;
  const Node& required_table(TableReader& r, const std::string& key);
  Expr expression(const std::string& text, int line, const std::string& what);
  void parse_kernel(TableReader& root);
  void parse_sizes(TableReader& root);
  void parse_args(TableReader& root);
  void parse_one_arg(const Node& t, size_t index);
  void check_c_type(const Node& t, const Arg& a, const CParam& p);
  void parse_param_values(TableReader& r, const Node& t, Arg& a, const std::string& prefix);
  void build_param_cases();
  void parse_int_input(TableReader& r, const Node& t, Arg& a, const std::string& prefix);
  void parse_count(TableReader& r, Arg& a, const std::string& prefix);
  void check_counts();
  void check_generators(const Shape& shape, int line, const std::string& what);
  void parse_tolerance(TableReader& root);
  void read_tolerance_keys(const Node& t, const std::string& prefix, Tolerance& tol);
  void parse_shapes(TableReader& root);
  Shape parse_shape(const Node& n, const std::string& what);
  void parse_perf(TableReader& root);
  void parse_knobs(TableReader& root);
  [[nodiscard]] const SizeDecl* find_size(const std::string& name) const;

  const toml::Document& m_doc;
  Spec& m_spec;
  CSignature m_sig;
  int m_sig_line = 0;
};

} // namespace eok::kernel::detail
