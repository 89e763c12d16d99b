// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/channels/channels.h"

#include "drivers/speech/reading/reading_loader.h"

// CHANNEL INCLUDES (one line per channel)
#include "kiosk/app/channels/speech_channel.h"
#include "kiosk/app/channels/braille_channel.h"
#include "kiosk/app/channels/sign_channel.h"

namespace kiosk::app {

std::vector<std::unique_ptr<Channel>> make_channels(const Config& config, RunMode mode) {
  std::vector<std::unique_ptr<Channel>> channels;
  (void)config;
  (void)mode;
  // One reading step for speech and braille (issue 13), loaded off the main thread.
  auto reading = std::make_shared<drivers::speech::ReadingLoader>(
      (config.root / "assets" / "pinyin" / "words.tsv").string(), (config.config_dir / "speech" / "lexicon.toml").string());
  // CHANNELS (one line per channel, in presentation order: speech, braille, sign)
  channels.push_back(std::make_unique<SpeechChannel>(config, reading));   // Headless too: SDL dummy audio
  channels.push_back(BrailleChannel::make(config, mode, reading));
  channels.push_back(std::make_unique<SignChannel>(config));
  return channels;
}

}  // namespace kiosk::app
