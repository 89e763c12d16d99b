// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sign-language channel (deaf mode, issue 6): picks the clip for the current screen,
// focus and alerts (core::sign::SignPlaylist), writes transcript `sign` events
// {type:"sign", clip, caption} while settings().sign is on, and, once attached to the
// display, draws the clip in the pane the layout reserves (drivers::video::SignPane).
// Captions are the speech channel's; this channel never writes caption events.
//
// The resident's controls (docs/accessibility.md D2), through the commands speech already has:
// Repeat replays the clip from its first frame (and writes its `sign` event again); Pause
// pauses the clip along with speech and resumes it on the next Pause, and any other
// input resumes it too, as it ends the pause of speech; the `sign` key stops the clip and
// closes the pane; the sign_speed setting (50/75/100 %) slows every clip.
//
// The manifest is read once at construction from <root>/assets/sign/manifest.toml; its
// problems are logged as warnings and the kiosk runs on with what loaded (an empty
// manifest = captions only). A missing or corrupt clip draws nothing and is logged once.
// Main thread only. Times are ms on the clock passed to attach() (virtual when headless).
// The window loop sleeps until the next input or timer (up to 250 ms); while a clip plays,
// this channel sets an SDL timer for each frame's due time so that no frame waits for a key.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "drivers/display/display.h"
#include "drivers/video/sdl_video.h"
#include "kiosk/app/channels/channel.h"
#include "kiosk/core/present/sign/sign_manifest.h"
#include "kiosk/core/present/sign/sign_playlist.h"

namespace kiosk::app {

class SignChannel : public Channel {
 public:
  explicit SignChannel(const Config& config);
  ~SignChannel() override;
  SignChannel(const SignChannel&) = delete;
  SignChannel& operator=(const SignChannel&) = delete;

  void present(const core::Effects& effects, ChannelContext& context) override;
  void poll(ChannelContext& context) override;

  // Gives the channel the display's renderer: sets the display's video hook so that the
  // pane plays the clip this channel chose (the layout's DrawVideo.clip is only the
  // screen id). `display` must outlive this channel's use of it (detached in ~SignChannel
  // by clearing the hook). headless: wait for each due frame (virtual clock).
  void attach(drivers::display::Display& display, std::function<std::int64_t()> now,
              bool headless) override;

  bool pane_empty() const override { return !m_playlist.current(); }
  const core::sign::SignManifest& manifest() const { return m_manifest; }
  std::size_t manifest_problems() const { return m_problems; }
  // The cue the pane plays (tracked even while deaf mode is off).
  const std::optional<core::sign::SignCue>& cue() const { return m_playlist.current(); }
  bool paused() const { return m_paused; }
  // Clip errors reported by the player so far (missing or corrupt files).
  int clip_errors() const { return m_clip_errors; }
  // The pane (null before attach()); for tests and benchmarks.
  drivers::video::SignPane* pane() { return m_pane.get(); }

 private:
  bool apply(const core::sign::SignUpdate& update, ChannelContext& context);   // true: Play
  void write_event(const core::sign::SignCue& cue, ChannelContext& context);
  void sync_settings(const core::Settings& settings);   // curtain and speed, from the settings
  void sync_curtain(bool curtain);
  void sync_paused();      // the player pauses under the curtain and while the resident paused
  void sync_speed(int percent);
  void wake_for_next_frame();   // window mode: an SDL timer ends the loop's wait when a frame is due
  void draw(SDL_Renderer* renderer, const core::DrawVideo& video);

  std::filesystem::path m_assets_root;
  core::sign::SignManifest m_manifest;   // before m_playlist, which points at it
  core::sign::SignPlaylist m_playlist;
  std::size_t m_problems = 0;
  bool m_sign_on = false;                // deaf mode as last seen
  std::string m_screen_id;                // the screen last signed, to tell a new one from a re-show
  bool m_curtain = false;
  bool m_paused = false;                 // the resident's Pause (with speech)
  int m_speed_percent = 100;             // sign_speed as last given to the pane
  bool m_restart = false;                // a Play of the clip already open: replay it
  int m_clip_errors = 0;

  drivers::display::Display* m_display = nullptr;
  std::function<std::int64_t()> m_now;
  bool m_headless = false;
  std::int64_t m_wakeup_at = -1;         // clock time of the wake-up timer pending (-1 none)
  SDL_TimerID m_wakeup_timer = 0;
  std::unique_ptr<drivers::video::SignPane> m_pane;
};

}  // namespace kiosk::app
