// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Earcons (docs/accessibility.md section 6): short generated tones, S16 mono 22,050 Hz,
// each <= 300 ms, 500-2000 Hz, told apart by rhythm as well as pitch. Names are the
// transcript's (docs/design.md section 5). Pure functions, any thread.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::drivers::audio {

enum class EarconKind { Focus, Activate, Wrap, Screen, Error, TimeoutWarning };

std::optional<EarconKind> earcon_from_name(std::string_view name);
std::string_view earcon_name(EarconKind kind);
// Full-scale peak about -10 dBFS before the volume gain of the sink.
std::vector<std::int16_t> synthesize_earcon(EarconKind kind);

}  // namespace kiosk::drivers::audio
