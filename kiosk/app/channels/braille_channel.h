// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The braille channel (docs/accessibility.md 5): the focused item as one braille line on a
// BrlAPI display, the same line in the transcript ({"type":"braille",...}) and on the
// staff mirror (screen_line). Keys from the display come back in as commands with
// InputSource::Braille. Owns its translator (liblouis, compiled once at start) and its
// driver. Main thread only; the driver's worker only wakes the SDL loop.
#include <memory>
#include <string>

#include "drivers/braille/braille_driver.h"
#include "drivers/braille/louis_translator.h"
#include "drivers/speech/reading/reading_loader.h"
#include "kiosk/app/channels/channel.h"
#include "kiosk/app/channels/channels.h"
#include "kiosk/core/present/braille/braille_input.h"
#include "kiosk/core/present/braille/braille_presenter.h"

namespace kiosk::app {

class BrailleChannel final : public Channel {
 public:
  // Never fails: with no usable table or driver the channel stays silent (the reason
  // goes to stderr once). Headless uses the "null" driver unless KIOSK_BRAILLE_DRIVER
  // names another. Chinese cells follow `reading` (issue 13) through
  // <config_dir>/braille/syllables.tsv; without that file liblouis reads on its own.
  static std::unique_ptr<Channel> make(const Config& config, RunMode mode,
                                       std::shared_ptr<drivers::speech::ReadingLoader> reading);

  void present(const core::Effects& effects, ChannelContext& context) override;
  void poll(ChannelContext& context) override;
  std::string screen_line() const override;

  // One key from a braille display, as if the driver had read it: headless script
  // steps (braille-route N, braille-pan, braille-dots, ...) arrive here.
  bool braille_key(const core::braille::BrailleKey& key, ChannelContext& context) override;

 private:
  BrailleChannel() = default;
  void refresh(ChannelContext& context);          // re-present the focused node
  void apply_settings(const ChannelContext& context);
  void flush(ChannelContext& context);            // frame to the driver, line to the transcript
  void handle_key(const core::braille::BrailleKey& key, ChannelContext& context);

  std::unique_ptr<drivers::braille::LouisTranslator> m_translator;
  std::unique_ptr<core::braille::BraillePresenter> m_presenter;
  std::unique_ptr<drivers::braille::BrailleDriver> m_driver;
  core::braille::BrailleKeyboard m_keyboard{core::braille::EntryKind::IdNumber};
  std::string m_language;          // vocabulary built for this language
  // The focused node as last presented: its id changing resets the braille keyboard; its
  // value or state changing in place (a typed digit) redraws the line.
  core::Node m_shown;
  std::string m_mirror;            // the current window's cells, for the staff mirror
};

}  // namespace kiosk::app
