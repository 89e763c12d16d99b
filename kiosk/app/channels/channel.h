// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An output channel beside the screen (speech, braille, sign video and captions):
// it derives what it presents from the same tree, focus and effects. The Runtime
// calls present() with the effects of every input, and poll() on every loop turn to
// drain its driver's events. Main thread only.
#include <cstdint>
#include <functional>
#include <string>

#include "drivers/display/display.h"
#include "kiosk/app/config.h"
#include "kiosk/app/runtime/transcript.h"
#include "kiosk/core/present/braille/braille_input.h"
#include "kiosk/core/effects.h"
#include "kiosk/core/kiosk/kiosk.h"

namespace kiosk::app {

struct ChannelContext {
  const core::Kiosk& kiosk;
  const Config& config;
  Transcript& transcript;
  // Feed a command back in as if a key was pressed (braille keys, routing).
  std::function<void(core::Command, core::InputSource)> command;
  // Focus a node (routing keys); runs the same path as touch-to-explore.
  std::function<void(const std::string& node_id)> focus_node;
  // Present an alert on every channel (e.g. "braille display lost").
  std::function<void(const std::string& code, core::Message text)> alert;
  // Typed input into the focused field (the braille routing key puts the cursor).
  std::function<void(const core::FieldInput& input)> edit;
};

class Channel {
 public:
  virtual ~Channel() = default;
  virtual void present(const core::Effects& effects, ChannelContext& context) = 0;
  virtual void poll(ChannelContext& context) { (void)context; }
  // The display is open: a channel that draws in it (the sign pane) takes it here.
  // `display` outlives the channel's use of it; headless: frames on the virtual clock.
  virtual void attach(drivers::display::Display& display, std::function<std::int64_t()> now, bool headless) {
    (void)display; (void)now; (void)headless;
  }
  // A braille display key from outside the driver (headless script steps). Returns
  // false when this channel does not take braille keys.
  virtual bool braille_key(const core::braille::BrailleKey& key, ChannelContext& context) {
    (void)key; (void)context;
    return false;
  }
  // A line for the screen's footer (the braille mirror for sighted staff); "" = none.
  virtual std::string screen_line() const { return {}; }
  // The caption line; "" = none (only the caption channel gives one).
  virtual std::string caption() const { return {}; }
  // The sign pane has no clip for what is shown (only the sign channel can say so).
  virtual bool pane_empty() const { return false; }
};

}  // namespace kiosk::app
