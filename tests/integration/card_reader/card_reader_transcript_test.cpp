// SPDX-License-Identifier: GPL-3.0-or-later
// The script's `card FILE.json` and `card-remove` steps go through the fake reader into the
// real kiosk: a card on the attract screen starts the visit; the transcript says what
// happened at the reader and nothing the card holds; a bad card file stops the script.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "journey.h"
#include "kiosk_run.h"

namespace fs = std::filesystem;
using kiosk::testing::fresh_dir;
using kiosk::testing::KioskRun;
using kiosk::testing::of_type;
using kiosk::testing::run_kiosk_in;

namespace {
const std::string kCard =
    kiosk::testing::card_json("张三明", "14108119800101035X", "20400101", "山西省侯马市某街1号", "侯马市公安局", "20200101");
}  // namespace

TEST(CardReaderTranscript, ACardStartsTheVisitAndNothingOfItReachesTheTranscript) {
  const fs::path dir = fresh_dir("card-placed");
  std::ofstream(dir / "r.json") << kCard;
  const KioskRun run = run_kiosk_in(dir, "card r.json\ncard-remove\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto cards = of_type(run, "card");
  ASSERT_EQ(cards.size(), 2u);
  EXPECT_EQ(cards[0].value("event", ""), "placed");
  EXPECT_EQ(cards[1].value("event", ""), "removed");
  bool started = false;
  for (const auto& e : of_type(run, "session")) started = started || e.value("event", "") == "start";
  EXPECT_TRUE(started);
  std::string all;
  for (const auto& e : run.events) all += e.dump() + "\n";
  for (const char* secret : {"张三明", "14108119800101035X", "某街"})
    EXPECT_EQ(all.find(secret), std::string::npos) << secret;
}

TEST(CardReaderTranscript, ABadCardFileStopsTheScriptNamingTheLine) {
  const fs::path dir = fresh_dir("card-bad");
  std::ofstream(dir / "r.json") << R"({"name":"张三明"})";
  const KioskRun run = run_kiosk_in(dir, "key select\ncard r.json\n");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.stderr_text.find(":2: "), std::string::npos) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("\"sex\""), std::string::npos) << run.stderr_text;
}
