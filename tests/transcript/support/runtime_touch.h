// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A resident by touch alone, in process: the hall's real config and core in an app::Runtime
// with the display's twin (drivers/display/recording_display.h) and the embedded gateway,
// on a virtual clock that stands still. A suite derives from RuntimeTouchTest, names its
// options in its constructor and taps what the screen shows. Main thread only.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/app/config.h"
#include "kiosk/app/runtime/runtime.h"

namespace kiosk::testing {

struct TouchOptions {
  std::string name{};                      // the run's folder: <temp>/kiosk-test-<name>-<pid>
  std::vector<std::string> services{};     // the hall's menu; empty = the shipped config's
  // kiosk.toml lines replaced in a copy of the config (hall_config_in); empty = the shipped
  // kiosk.toml as it is, with only the outbox moved into the run's folder.
  std::vector<std::pair<std::string, std::string>> hall_lines{};
  int zoom = 0;                            // percent; 0 = the hall's default
  std::optional<int> today{};              // YYYYMMDD for the hall's date; none = the wall clock's
  bool every_target_inside_frame = false;  // before each tap, every target lies inside the frame
};

class RuntimeTouchTest : public ::testing::Test {
 protected:
  explicit RuntimeTouchTest(TouchOptions options) : m_options(std::move(options)) {}
  void SetUp() override;
  // On failure prints the transcript's last lines (braille left out) and keeps the folder.
  void TearDown() override;

  // Whether the node has a touch target on the current page.
  bool shown(const std::string& node_id) const;
  // Taps the middle of the node's target when it is on the current page, then settles;
  // false (and nothing happens) when it is not.
  bool tap(const std::string& node_id);
  // Taps the node, turning pages forward with the touch bar (8 at the most) until it is
  // shown; a test failure when it never is.
  void touch(const std::string& node_id);
  // Each character c of `text` touched as the on-screen pad's key pad.c.
  void digits(const std::string& text);
  // A tap at frame pixels (x, y), then settles (the attract screen takes any touch).
  void tap_at(int x, int y);
  // Waits (10 s at the most) for the embedded gateway's answers and the answers they lead
  // to, polling as the main loop would, then redraws.
  void settle();
  std::string screen() const;
  // The node's name in the zh-CN catalogue; "" when the node is not in the tree.
  std::string text_of(const std::string& node_id) const;
  // Places the card in the fake reader and lets the kiosk read it.
  void place_card(const std::string& name, const std::string& id_number, const std::string& valid_to);
  // The second factor by SMS, from identify_factor to the code confirmed: taps
  // identify_factor.sms, types the demo gateway's code (135790) on the on-screen pad and
  // taps verify.submit, asserting the two screens on the way. Call it inside
  // ASSERT_NO_FATAL_FAILURE.
  void confirm_by_sms();
  // The whole transcript written so far.
  std::string transcript() const;

  TouchOptions m_options;
  std::int64_t m_clock = 0;                // ms; the Runtime's `now`
  std::filesystem::path m_dir;
  std::unique_ptr<app::Config> m_config;
  std::unique_ptr<app::Runtime> m_runtime;
};

}  // namespace kiosk::testing
