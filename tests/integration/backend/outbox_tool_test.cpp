// SPDX-License-Identifier: GPL-3.0-or-later
// The hall technician's kiosk-outbox tool (issue 12 item 14): asked-for help is not an
// error, a gateway address that is not https:// stops it before anything is sent, the
// database is its owner's alone, and submitting a file again says nothing new was stored.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "kiosk/backend/outbox/outbox.h"
#include "test_support.h"

namespace {

struct ToolRun {
  int exit_code = -1;
  std::string output;   // stdout and stderr
};

ToolRun run_tool(const std::string& arguments) {
  ToolRun run;
  const std::string command = std::string(KIOSK_OUTBOX_TOOL) + " " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 512> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) run.output += buffer.data();
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string local_outbox(const std::string& dir) {
  return "--backend local --demo-data " + std::string(KIOSK_DEMO_DIR) + " --outbox " + dir + "/outbox.db --key-file " +
         dir + "/outbox.key --create-key --terminal-id tool";
}

// Stores n queued applications in the tool's outbox files in `dir`, 1,000 per transaction.
void fill(const std::string& dir, int n) {
  auto c = kiosk::testing::local_config(dir);
  c.terminal_id = "tool";
  c.outbox_max_items = n;
  auto ob = kiosk::backend::Outbox::open(c);
  ASSERT_TRUE(ob.ok());
  for (int from = 0; from < n; from += 1000) {
    std::vector<kiosk::backend::OutboxNewItem> batch;
    for (int i = from; i < std::min(n, from + 1000); ++i)
      batch.push_back({"service_application",
                       {{"subject_ref", "sub_e6a90d3c7b15"}, {"service", "complaint"}, {"text", std::string(300, 'x')}},
                       "list-" + std::to_string(i)});
    ASSERT_TRUE(ob.value()->enqueue_batch(batch).ok());
  }
}

// CPU (user + system) of the children that ended since the last call, in ms.
double children_cpu_ms() {
  static double last = 0;
  rusage u {};
  ::getrusage(RUSAGE_CHILDREN, &u);
  const double total = static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
                       static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
  const double delta = total - last;
  last = total;
  return delta;
}

// The least CPU of three runs of `arguments` (the tool only: the shell is a child too,
// but it costs the same for both sizes).
double least_cpu_ms(const std::string& arguments) {
  double least = 1e9;
  for (int run = 0; run < 3; ++run) {
    children_cpu_ms();
    EXPECT_EQ(run_tool(arguments + " >/dev/null").exit_code, 0);
    least = std::min(least, children_cpu_ms());
  }
  return least;
}

}  // namespace

TEST(OutboxTool, HelpAskedForIsNotAnError) {
  const ToolRun run = run_tool("--help");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.output.find("usage: kiosk-outbox"), std::string::npos) << run.output;
  EXPECT_EQ(run_tool("--no-such-option list").exit_code, 2);
}

TEST(OutboxTool, AGatewayAddressThatIsNotHttpsStopsItAtOnce) {
  for (const std::string url : {"htps//x", "", "ftp://x", "http://x", "https://"}) {
    const ToolRun run = run_tool("--backend http --base-url '" + url + "' list");
    EXPECT_EQ(run.exit_code, 2) << url;
    EXPECT_NE(run.output.find("base URL"), std::string::npos) << url << ": " << run.output;
  }
  EXPECT_EQ(run_tool("--backend htp list").exit_code, 2);
}

TEST(OutboxTool, TheDatabaseIsReadableByItsOwnerOnly) {
  const std::string dir = kiosk::testing::make_temp_dir("tool-mode");
  ASSERT_EQ(run_tool(local_outbox(dir) + " list").exit_code, 0);
  struct stat info {};
  ASSERT_EQ(::stat((dir + "/outbox.db").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST(OutboxTool, SubmittingAFileAgainStoresNothingNewAndSaysSo) {
  const std::string dir = kiosk::testing::make_temp_dir("tool-again");
  std::ofstream(dir + "/apps.json")
      << R"([{"kind":"service_application","body":{"subject_ref":"sub_e6a90d3c7b15","service":"complaint","text":"t"}}])";
  const std::string submit = local_outbox(dir) + " submit " + dir + "/apps.json --wait-seconds 0";
  const ToolRun first = run_tool(submit);
  EXPECT_NE(first.output.find("stored 1 new application(s), 0 already in the outbox"), std::string::npos) << first.output;
  const ToolRun again = run_tool(submit);
  EXPECT_NE(again.output.find("stored 0 new application(s), 1 already in the outbox"), std::string::npos) << again.output;
}

TEST(OutboxTool, AWronglyTypedFileIsRefusedWithoutTouchingWhatIsQueued) {
  const std::string dir = kiosk::testing::make_temp_dir("tool-bad");
  std::ofstream(dir + "/bad.json") << R"([{"kind":"service_application","body":"x"}])";
  const ToolRun run = run_tool(local_outbox(dir) + " submit " + dir + "/bad.json --wait-seconds 0");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("entry 1 has no \"body\" object"), std::string::npos) << run.output;
}

// Issue 18: `list --json` gives the counts from the counts table and one bounded page, so
// a 10,000-item backlog lists in the CPU time of a 1,000-item one (decoding every row took
// 4.6 times as long) and the page continues with --after.
TEST(OutboxTool, ListingTenThousandItemsCostsWhatAThousandDo) {
  const std::string small = kiosk::testing::make_temp_dir("tool-list-1k");
  const std::string large = kiosk::testing::make_temp_dir("tool-list-10k");
  fill(small, 1000);
  fill(large, 10000);

  const ToolRun run = run_tool(local_outbox(large) + " list --json");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto page = nlohmann::json::parse(run.output, nullptr, false);
  ASSERT_TRUE(page.is_object()) << run.output.substr(0, 300);
  EXPECT_EQ(page["counts"]["queued"], 10000);
  EXPECT_EQ(page["items"].size(), 50u);
  EXPECT_EQ(page["items"][0]["ref"], "tool-000001");
  EXPECT_EQ(page["more"], true);
  EXPECT_EQ(page["next_after"], "tool-000050");
  const ToolRun next = run_tool(local_outbox(large) + " list --json --limit 2 --after tool-000050");
  const auto second = nlohmann::json::parse(next.output, nullptr, false);
  ASSERT_TRUE(second.is_object()) << next.output;
  ASSERT_EQ(second["items"].size(), 2u);
  EXPECT_EQ(second["items"][1]["ref"], "tool-000052");
  const ToolRun last = run_tool(local_outbox(large) + " list --json --state queued --limit 5 --after tool-009998");
  const auto tail = nlohmann::json::parse(last.output, nullptr, false);
  ASSERT_TRUE(tail.is_object()) << last.output;
  EXPECT_EQ(tail["items"].size(), 2u);
  EXPECT_EQ(tail["more"], false);
  EXPECT_EQ(run_tool(local_outbox(large) + " list --limit 0").exit_code, 2);
  EXPECT_EQ(run_tool(local_outbox(large) + " list --state lost").exit_code, 2);

  const double small_ms = least_cpu_ms(local_outbox(small) + " list --json");
  const double large_ms = least_cpu_ms(local_outbox(large) + " list --json");
  std::printf("[ list     ] 1,000 items %.1f ms CPU, 10,000 items %.1f ms CPU\n", small_ms, large_ms);
  EXPECT_LE(large_ms, small_ms * 1.5 + 2.0);
}
