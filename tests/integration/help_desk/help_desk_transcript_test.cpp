// SPDX-License-Identifier: GPL-3.0-or-later
// The hotline card through the real kiosk: on the home menu where the hall puts it,
// read aloud with its numbers digit by digit, and a hall config naming an unknown
// service does not start.
#include <gtest/gtest.h>

#include <string>

#include "journey.h"
#include "kiosk_run.h"

using namespace kiosk::testing;

TEST(HelpDeskTranscript, TheCardReadsTheHotlinesDigitByDigitAndLeadsHome) {
  const auto dir = fresh_dir("help_desk_card");
  // Down from the guide to the card, into it, down to the government line, back home.
  const KioskRun run = run_kiosk_in(dir, "key select\nkey down\nkey select\nkey down\nkey back\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(joined(run, "screen", "id", " "), "attract home help_desk home ");
  const std::string said = joined(run, "speech", "spoken", "\n");
  // `spoken` is the pinyin sent to eSpeak (issue 13): 幺二三八五, 幺二三四五, 办公时间.
  EXPECT_NE(said.find("yao1 er4 san1 ba1 wu3"), std::string::npos) << said;   // 12385, not 一万两千…
  EXPECT_NE(said.find("yao1 er4 san1 si4 wu3"), std::string::npos) << said;
  EXPECT_NE(said.find("ban4 gong1 shi2 jian1"), std::string::npos) << said;
  const auto focus = of_type(run, "focus");
  ASSERT_FALSE(focus.empty());
  EXPECT_EQ(focus.back().value("node", ""), "home.help_desk");   // back where the resident was
}

TEST(HelpDeskTranscript, TheHallChoosesWhichServicesTheMenuOffersAndInWhatOrder) {
  const auto dir = fresh_dir("help_desk_only");
  const KioskRun run = run_kiosk_in(dir, "key select\n", hall_config_with(dir, {{"services = ", "services = [\"help_desk\"]"}}));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  nlohmann::json first_on_home;
  for (const auto& e : of_type(run, "focus"))
    if (first_on_home.is_null() && e.value("node", "").rfind("home.", 0) == 0) first_on_home = e;
  ASSERT_FALSE(first_on_home.is_null());
  EXPECT_EQ(first_on_home.value("node", ""), "home.help_desk");
  EXPECT_EQ(first_on_home.value("count", 0), 7);   // one service and the kiosk's own six items
}

TEST(HelpDeskTranscript, AnUnknownServiceStopsStartUpNamingTheLine) {
  const auto dir = fresh_dir("help_desk_unknown");
  const KioskRun run = run_kiosk_in(dir, "key select\n", hall_config_with(dir, {{"services = ", "services = [\"help_desk\", \"bingo\"]"}}));
  EXPECT_EQ(run.exit_code, 2);
  const std::string where = "kiosk.toml:" + std::to_string(line_starting_with(dir / "config" / "kiosk.toml", "services = ")) + ":";
  EXPECT_NE(run.stderr_text.find(where + " unknown service \"bingo\""), std::string::npos) << run.stderr_text;
}
