// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/channels/channels.h"

// CHANNEL INCLUDES (one line per channel)
#include "kiosk/app/channels/speech_channel.h"
#include "kiosk/app/channels/braille_channel.h"
#include "kiosk/app/channels/sign_channel.h"

namespace kiosk::app {

std::vector<std::unique_ptr<Channel>> make_channels(const Config& config, RunMode mode) {
  std::vector<std::unique_ptr<Channel>> channels;
  (void)config;
  (void)mode;
  // CHANNELS (one line per channel, in presentation order: speech, braille, sign)
  channels.push_back(std::make_unique<SpeechChannel>(config));   // Headless too: SDL dummy audio
  channels.push_back(BrailleChannel::make(config, mode));
  channels.push_back(std::make_unique<SignChannel>(config));
  return channels;
}

}  // namespace kiosk::app
