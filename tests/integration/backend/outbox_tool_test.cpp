// SPDX-License-Identifier: GPL-3.0-or-later
// The hall technician's kiosk-outbox tool (issue 12 item 14): asked-for help is not an
// error, a gateway address that is not https:// stops it before anything is sent, the
// database is its owner's alone, and submitting a file again says nothing new was stored.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

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
