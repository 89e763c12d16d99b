#include "kiosk/app/channels/channels.h"

// CHANNEL INCLUDES (one line per channel)

namespace kiosk::app {

std::vector<std::unique_ptr<Channel>> make_channels(const Config& config, RunMode mode) {
  std::vector<std::unique_ptr<Channel>> channels;
  (void)config;
  (void)mode;
  // CHANNELS (one line per channel, in presentation order: speech, braille, sign)
  return channels;
}

}  // namespace kiosk::app
