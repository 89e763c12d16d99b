// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/audio/earcons.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "drivers/audio/audio_sink.h"

namespace kiosk::drivers::audio {
namespace {

struct Tone {
  float start_ms;
  float length_ms;
  float hz;
  float decay;  // 0 = flat; > 0 exponential decay rate per second (clicks, thuds)
};

std::vector<std::int16_t> render(std::initializer_list<Tone> tones) {
  float end_ms = 0;
  for (const Tone& t : tones) end_ms = std::max(end_ms, t.start_ms + t.length_ms);
  const auto total = static_cast<std::size_t>(end_ms * kSampleRate / 1000.0f);
  std::vector<float> mix(total, 0.0f);
  constexpr float kPi = 3.14159265f;
  constexpr float kAmp = 0.3f * 32767.0f;
  constexpr float kRampMs = 4.0f;  // soft edges: no clicks except where meant
  for (const Tone& t : tones) {
    const auto begin = static_cast<std::size_t>(t.start_ms * kSampleRate / 1000.0f);
    const auto n = static_cast<std::size_t>(t.length_ms * kSampleRate / 1000.0f);
    const auto ramp = static_cast<std::size_t>(kRampMs * kSampleRate / 1000.0f);
    for (std::size_t i = 0; i < n && begin + i < total; ++i) {
      const float secs = static_cast<float>(i) / kSampleRate;
      float env = std::exp(-t.decay * secs);
      if (i < ramp) env *= static_cast<float>(i) / static_cast<float>(ramp);
      if (n - i < ramp) env *= static_cast<float>(n - i) / static_cast<float>(ramp);
      mix[begin + i] += kAmp * env * std::sin(2.0f * kPi * t.hz * secs);
    }
  }
  std::vector<std::int16_t> out(total);
  std::transform(mix.begin(), mix.end(), out.begin(), [](float v) {
    return static_cast<std::int16_t>(std::clamp(v, -32768.0f, 32767.0f));
  });
  return out;
}

constexpr std::array<std::string_view, 6> kNames = {"focus",  "activate", "wrap",
                                                    "screen", "error",    "timeout_warning"};

}  // namespace

std::optional<EarconKind> earcon_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<EarconKind>(i);
  }
  return std::nullopt;
}

std::string_view earcon_name(EarconKind kind) { return kNames[static_cast<std::size_t>(kind)]; }

std::vector<std::int16_t> synthesize_earcon(EarconKind kind) {
  switch (kind) {
    case EarconKind::Focus:  // one short high tick
      return render({{0, 30, 1600, 40}});
    case EarconKind::Activate:  // a click: sharp attack, fast decay
      return render({{0, 60, 1000, 60}});
    case EarconKind::Wrap:  // a low, longer thud
      return render({{0, 150, 500, 20}});
    case EarconKind::Screen:  // two rising tones
      return render({{0, 90, 700, 0}, {120, 90, 1050, 0}});
    case EarconKind::Error:  // two falling tones, longer
      return render({{0, 120, 1000, 0}, {150, 120, 600, 0}});
    case EarconKind::TimeoutWarning:  // three quick beeps (the app repeats it every 10 s)
      return render({{0, 50, 1800, 0}, {100, 50, 1800, 0}, {200, 50, 1800, 0}});
  }
  return {};
}

}  // namespace kiosk::drivers::audio
