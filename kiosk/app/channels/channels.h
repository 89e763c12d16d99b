// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builds the output channels the hall's config asks for (speech, braille, sign video
// and captions). Each channel opens its driver by the config's priority list and
// falls back to its null driver, so this never fails.
#include <memory>
#include <vector>

#include "kiosk/app/channels/channel.h"
#include "kiosk/app/config.h"

namespace kiosk::app {

enum class RunMode { Window, Headless };

std::vector<std::unique_ptr<Channel>> make_channels(const Config& config, RunMode mode);

}  // namespace kiosk::app
