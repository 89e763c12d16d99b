// SPDX-License-Identifier: GPL-3.0-or-later
// The crash test of issue 5: the real kiosk-outbox tool submits 240 applications to the
// simulator over mutual TLS while this test kills it with SIGKILL at random moments and
// restarts it; at the end the simulator must have applied every submission exactly once.
// Issue 18: the same with a 10,000-item backlog (batched stores, concurrent sends).
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "test_support.h"

extern char** environ;

namespace {

pid_t spawn_tool(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

void crash_run(int submissions, int rounds, int min_delay_ms, int max_delay_ms) {
  const int kSubmissions = submissions;
  auto sim = kiosk::testing::start_sim();
  const auto dir = kiosk::testing::make_temp_dir("crash");
  nlohmann::json apps = nlohmann::json::array();
  for (int i = 0; i < kSubmissions; ++i)
    apps.push_back({{"kind", "service_application"},
                    {"idempotency_key", "crash-" + std::to_string(i)},
                    {"body", {{"subject_ref", "sub_e6a90d3c7b15"}, {"service", "complaint"},
                              {"text", "crash test " + std::to_string(i)}}}});
  std::ofstream(dir + "/apps.json") << apps.dump();
  const auto& certs = kiosk::testing::cert_dir();
  const std::vector<std::string> args{
      KIOSK_OUTBOX_TOOL, "--backend", "http", "--base-url",
      "https://127.0.0.1:" + std::to_string(sim->port()), "--ca", certs + "/ca.pem",
      "--cert", certs + "/client.pem", "--key", certs + "/client.key",
      "--outbox", dir + "/outbox.db", "--key-file", dir + "/outbox.key", "--create-key",
      "--terminal-id", "crash", "--backoff-ms", "50", "--max-items", std::to_string(kSubmissions),
      "submit", dir + "/apps.json", "--wait-seconds", "40"};

  std::mt19937 rng{std::random_device{}()};
  std::uniform_int_distribution<int> delay_ms(min_delay_ms, max_delay_ms);
  int kills = 0;
  for (int round = 0; round < rounds; ++round) {
    const pid_t pid = spawn_tool(args);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    if (::kill(pid, SIGKILL) == 0) ++kills;
    int status = 0;
    waitpid(pid, &status, 0);
  }
  // The kills landed while sending too, not only while storing.
  const auto before_last = sim->applied_applications()["applications"].size();
  EXPECT_GT(before_last, 0u) << "no run got as far as sending";
  std::printf("[ crash    ] %d kills; %zu of %d applied before the last run\n", kills,
              static_cast<size_t>(before_last), kSubmissions);
  // A last run without interruption finishes the queue.
  const pid_t pid = spawn_tool(args);
  ASSERT_GT(pid, 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "items left undelivered";
  EXPECT_GE(kills, 1);

  const auto applied = sim->applied_applications()["applications"];
  std::set<std::string> keys, refs;
  for (const auto& a : applied) {
    keys.insert(a["idempotency_key"].get<std::string>());
    refs.insert(a["client_reference"].get<std::string>());
  }
  EXPECT_EQ(applied.size(), static_cast<size_t>(kSubmissions)) << "duplicates or losses";
  EXPECT_EQ(keys.size(), static_cast<size_t>(kSubmissions));
  EXPECT_EQ(refs.size(), static_cast<size_t>(kSubmissions));
  for (int i = 0; i < kSubmissions; ++i)
    EXPECT_TRUE(keys.count("crash-" + std::to_string(i))) << i;
}

TEST(CrashTest, SigkillAtRandomMomentsAppliesEverySubmissionExactlyOnce) { crash_run(240, 12, 20, 400); }

// Kills land while the file is stored, while the backlog drains four at a time, and
// between a send and its (batched) mark.
TEST(CrashTest, TenThousandItemBacklogSigkilledAtRandomMomentsAppliesEachOnce) { crash_run(10000, 20, 300, 1200); }

}  // namespace
