// SPDX-License-Identifier: GPL-3.0-or-later
// What the parsers do with the inputs that once broke them (found by the fuzz targets or
// by reading them for the targets); the raw inputs are in */regressions/ and are replayed
// too. Each of these threw nlohmann::json::type_error, which ended the program.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/backend/api/transport.h"
#include "submit_file.h"

namespace {

namespace kb = kiosk::backend;
using kiosk::tools::outbox::parse_submit_file;

TEST(BackendAnswer, ProblemMembersOfAnotherTypeGiveTheDefaultError) {
  // fuzz_backend_answer: {"accessible_message": 333...} in a 409 ended the kiosk.
  const kb::ApiResult r = kb::interpret_response(409, R"({"code":5,"accessible_message":3,"next_step":[1]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, kb::ErrorCode::Conflict);
  EXPECT_EQ(r.error().accessible_message, kb::make_error(kb::ErrorCode::Conflict).accessible_message);
  EXPECT_EQ(r.error().next_step, kb::make_error(kb::ErrorCode::Conflict).next_step);
  EXPECT_EQ(r.error().problem_code, "");
}

TEST(BackendAnswer, ProblemMembersThatAreStringsAreKept) {
  const kb::ApiResult r =
      kb::interpret_response(409, R"({"code":"slot_taken","accessible_message":"请另选时间。","next_step":"retry_later"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().problem_code, "slot_taken");
  EXPECT_EQ(r.error().accessible_message, "请另选时间。");
  EXPECT_EQ(r.error().next_step, kb::NextStep::RetryLater);
}

TEST(BackendAnswer, DeliveredCaseIdTakesOnlyStrings) {
  // The outbox sender read case_id with value(): a number ended the sender's thread.
  EXPECT_EQ(kb::delivered_case_id(nlohmann::json::parse(R"({"case_id":7,"application_id":"app_1"})")), "app_1");
  EXPECT_EQ(kb::delivered_case_id(nlohmann::json::parse(R"({"case_id":7})")), "");
  EXPECT_EQ(kb::delivered_case_id(nlohmann::json::parse(R"({"case_id":"case_9","application_id":"x"})")), "case_9");
  EXPECT_EQ(kb::delivered_case_id(nlohmann::json::parse("[1]")), "");
}

// Issue 12 item 14: each of these aborted kiosk-outbox submit (exit 134) or was stored and
// refused later; now each names the entry and what is wrong, and nothing is stored.
TEST(OutboxSubmitFile, EveryWronglyTypedEntryIsRefusedByNumberWithWhatIsWrong) {
  const std::vector<std::pair<const char*, const char*>> cases{
      {"[5]", "entry 1 is not an object"},
      {"[null]", "entry 1 is not an object"},
      {R"([{"kind":5,"body":{}}])", "entry 1 has no \"kind\" string"},
      {R"([{"kind":"staff_call","body":{}}])", "entry 1 has kind \"staff_call\", which is not an application"},
      {R"([{"kind":"service_application","body":"x"}])", "entry 1 has no \"body\" object"},
      {R"([{"kind":"service_application","body":[1]}])", "entry 1 has no \"body\" object"},
      {R"([{"kind":"service_application","body":null}])", "entry 1 has no \"body\" object"},
      {R"([{"kind":"service_application","body":{},"idempotency_key":7}])",
       "entry 1 has an \"idempotency_key\" that is not a non-empty string"},
  };
  for (const auto& [text, problem] : cases) {
    const auto file = parse_submit_file(text);
    EXPECT_FALSE(file.ok()) << text;
    EXPECT_TRUE(file.entries.empty()) << text;
    EXPECT_EQ(file.error.rfind(problem, 0), 0u) << text << " gave: " << file.error;
  }
}

// Found by the fuzzer: a number too large for a double threw out of the parser.
TEST(OutboxSubmitFile, ANumberOutOfRangeIsAnErrorNotACrash) {
  const auto file = parse_submit_file("[1e222551");
  EXPECT_FALSE(file.ok());
  EXPECT_EQ(file.error, "not JSON (a value out of range)");
}

TEST(OutboxSubmitFile, ASyntaxErrorIsToldAsOne) {
  const auto file = parse_submit_file(R"([{"kind":"service_application")");
  EXPECT_FALSE(file.ok());
  EXPECT_EQ(file.error.rfind("not JSON (syntax error at byte", 0), 0u) << file.error;
  EXPECT_EQ(parse_submit_file(R"({"x":1})").error.rfind("expected an array of applications", 0), 0u);
}

TEST(OutboxSubmitFile, WithoutAKeyTheKeyIsDerivedFromKindAndBody) {
  const auto a = parse_submit_file(R"([{"kind":"service_application","body":{"x":1}}])");
  const auto b = parse_submit_file(R"({"applications":[{"kind":"service_application","body":{"x":1}}]})");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].idempotency_key.rfind("file-", 0), 0u);
  EXPECT_EQ(a.entries[0].idempotency_key, b.entries[0].idempotency_key);
}

TEST(OutboxSubmitFile, OneBadEntryStoresNothing) {
  const auto file = parse_submit_file(
      R"([{"kind":"service_application","body":{}},{"kind":"staff_call","body":{}}])");
  EXPECT_FALSE(file.ok());
  EXPECT_TRUE(file.entries.empty());
  EXPECT_EQ(file.error.rfind("entry 2 ", 0), 0u) << file.error;
}

}  // namespace
