// SPDX-License-Identifier: GPL-3.0-or-later
// The whole way from the hall's config to a visit: the kiosk binary in its window (SDL's
// dummy video) with `card_reader = ["ga467:LINK", "null"]`, the reader simulator on LINK.
// The card placed starts a visit, taking it away does not end it, pulling the reader out
// is reported; the transcript says what happened at the reader and nothing the card holds.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk_run.h"
#include "reader_sim_process.h"

namespace fs = std::filesystem;
using nlohmann::json;
using kiosk::testing::read_events;
using kiosk::testing::ReaderSimProcess;

namespace {

int count(const std::vector<json>& events, const std::string& type, const std::string& event) {
  int n = 0;
  for (const auto& e : events) n += e.value("type", "") == type && e.value("event", "") == event ? 1 : 0;
  return n;
}

// Polls the transcript until `type`/`event` has been written `times` times, or 10 s pass.
std::vector<json> wait_for(const fs::path& transcript, const std::string& type, const std::string& event, int times = 1) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::vector<json> events = read_events(transcript);
  while (count(events, type, event) < times && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    events = read_events(transcript);
  }
  return events;
}

}  // namespace

TEST(Ga467CardReaderKiosk, ACardOnTheConfiguredReaderStartsAVisitAndItsRemovalDoesNotEndIt) {
  const fs::path dir = kiosk::testing::fresh_dir("ga467-kiosk");
  std::ofstream(dir / "card.json") << kiosk::testing::kSimCard;
  ReaderSimProcess sim(dir, {(dir / "card.json").string(), "--removed"});
  ASSERT_TRUE(sim.started());
  kiosk::testing::hall_config_with(dir, {{"card_reader = ", "card_reader = [\"ga467:" + sim.link() + "\", \"null\"]"}});
  const std::string config = (dir / "config" / "kiosk.toml").string();
  const fs::path transcript = dir / "t.jsonl";
  const pid_t kiosk = kiosk::testing::spawn_process(
      {KIOSK_BINARY, "--config", config, "--transcript", transcript.string()},
      kiosk::testing::environment_with({"SDL_VIDEODRIVER=", "SDL_AUDIODRIVER=", "KIOSK_BRAILLE_DRIVER=", "KIOSK_CARD_READER="},
                                       {"SDL_VIDEODRIVER=dummy", "SDL_AUDIODRIVER=dummy", "KIOSK_BRAILLE_DRIVER=null"}),
      dir / "err.txt");
  ASSERT_GT(kiosk, 0);
  auto events = read_events(transcript);
  for (int i = 0; i < 200 && events.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    events = read_events(transcript);
  }
  ASSERT_FALSE(events.empty()) << "the kiosk did not start; see " << dir / "err.txt";
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(count(read_events(transcript), "session", "start"), 0);   // nothing on the reader yet

  sim.send("place");
  events = wait_for(transcript, "session", "start");
  EXPECT_EQ(count(events, "card", "placed"), 1) << "see " << dir;
  EXPECT_EQ(count(events, "session", "start"), 1) << "see " << dir;
  sim.send("remove");
  events = wait_for(transcript, "card", "removed");
  EXPECT_EQ(count(events, "card", "removed"), 1);
  EXPECT_EQ(count(events, "session", "end"), 0);   // residents pick their card up at once
  sim.send("unplug");
  events = wait_for(transcript, "card", "reader_lost");
  EXPECT_EQ(count(events, "card", "reader_lost"), 1);

  std::string all;
  for (const auto& e : events) all += e.dump() + "\n";
  for (const char* secret : {"张三明", "14108119800101035X", "某街", "侯马市公安局"})
    EXPECT_EQ(all.find(secret), std::string::npos) << secret;
  kill(kiosk, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(kiosk, &status, 0), kiosk);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
