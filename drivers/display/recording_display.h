// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The display's twin for tests that need no SDL: it keeps every list it presents and
// measures text with fixed widths (an ASCII character is half the pixel size wide, any
// other character the whole size; a line is 1.5 × the size). Screenshots write nothing
// and fail. Main thread only, like the real one.
#include <string>
#include <string_view>
#include <vector>

#include "drivers/display/display.h"
#include "kiosk/core/text/utf8.h"

namespace kiosk::drivers::display {

class FixedWidthMeasurer final : public core::TextMeasurer {
 public:
  int width(const std::string& utf8, int px, core::FontFace) const override {
    int w = 0;
    for (std::size_t i = 0; i < utf8.size();) {
      const auto step = core::speech::utf8_next(utf8, i);
      w += step.cp < 0x80 ? px / 2 : px;
      i += step.size;
    }
    return w;
  }
  int line_height(int px, core::FontFace) const override { return px * 3 / 2; }
};

class RecordingDisplay final : public Display {
 public:
  Status open(const Options& options) override {
    m_options = options;
    m_open = true;
    return Ok{};
  }
  bool is_open() const override { return m_open; }
  const core::TextMeasurer& measurer() const override { return m_measurer; }
  void set_theme(const core::Theme& theme) override {
    m_theme = theme;
    m_dirty = true;
  }
  const core::Theme& theme() const override { return m_theme; }
  void set_video_hook(VideoHook hook) override { m_video_hook = std::move(hook); }
  bool present_if_changed(const core::DisplayList& list) override {
    if (!m_dirty && !m_presented.empty() && m_presented.back() == list) return false;
    m_presented.push_back(list);
    m_dirty = false;
    return true;
  }
  void invalidate() override { m_dirty = true; }
  void forget_text() override { ++m_forgotten; }
  Status save_png(const std::string& path) override {
    return Error{"no_pixels", "the recording display draws no pixels: " + path};
  }

  const std::vector<core::DisplayList>& presented() const { return m_presented; }
  int times_forgotten() const { return m_forgotten; }
  const Options& options() const { return m_options; }
  bool has_video_hook() const { return static_cast<bool>(m_video_hook); }

 private:
  FixedWidthMeasurer m_measurer;
  Options m_options;
  core::Theme m_theme;
  VideoHook m_video_hook;
  std::vector<core::DisplayList> m_presented;
  bool m_open = false;
  bool m_dirty = true;
  int m_forgotten = 0;
};

}  // namespace kiosk::drivers::display
