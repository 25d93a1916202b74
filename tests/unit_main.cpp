// doctest runner for every unit test beside the driver's sources.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "util/test_support.hpp"

namespace {

// Counts failed assertions so ScratchDir can keep the evidence of a failed test.
struct FailureCounter : doctest::IReporter
{
  explicit FailureCounter(const doctest::ContextOptions& /*unused*/) {}
  void report_query(const doctest::QueryData& /*unused*/) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& /*unused*/) override {}
  void test_case_start(const doctest::TestCaseData& /*unused*/) override {}
  void test_case_reenter(const doctest::TestCaseData& /*unused*/) override {}
  void test_case_end(const doctest::CurrentTestCaseStats& /*unused*/) override {}
  void test_case_exception(const doctest::TestCaseException& /*unused*/) override { ++eok::testing::g_failed_asserts; }
  void subcase_start(const doctest::SubcaseSignature& /*unused*/) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData& ad) override
  {
    if (ad.m_failed) {
      ++eok::testing::g_failed_asserts;
    }
  }
  void log_message(const doctest::MessageData& /*unused*/) override {}
  void test_case_skipped(const doctest::TestCaseData& /*unused*/) override {}
};

} // namespace

DOCTEST_REGISTER_LISTENER("eok_failure_counter", 1, FailureCounter);
