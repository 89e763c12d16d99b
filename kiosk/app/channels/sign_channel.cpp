// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/channels/sign_channel.h"

#include "drivers/display/sdl_wakeup.h"

#include <SDL.h>

#include <algorithm>
#include <utility>
#include <variant>

#include "drivers/video/sign_manifest_loader.h"

namespace kiosk::app {

namespace {
namespace sign = core::sign;
namespace video = drivers::video;
}  // namespace

SignChannel::SignChannel(const Config& config)
    : m_assets_root(config.root / "assets"), m_playlist(m_manifest) {
  video::ManifestLoad load = video::load_sign_manifest(m_assets_root / "sign" / "manifest.toml");
  m_manifest = std::move(load.manifest);   // m_playlist keeps pointing at m_manifest
  m_problems = load.problems.size();
  // Paths and parse positions only: the manifest holds no personal data.
  for (const auto& problem : load.problems)
    SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "sign: %s", problem.c_str());
}

SignChannel::~SignChannel() {
  // The display may outlive us (or die first, when the lead's Runtime destroys members in
  // reverse order): only touch it if it is still ours to clear.
  if (m_display != nullptr) m_display->set_video_hook({});
  if (m_wakeup_timer != 0) SDL_RemoveTimer(m_wakeup_timer);
  m_pane.reset();
}

void SignChannel::attach(drivers::display::Display& display, std::function<std::int64_t()> now,
                         bool headless) {
  m_display = &display;
  m_now = std::move(now);
  m_headless = headless;
  m_pane = std::make_unique<video::SignPane>(m_assets_root, m_now);
  display.set_video_hook([this](SDL_Renderer* renderer, const core::DrawVideo& v) { draw(renderer, v); });
}

void SignChannel::write_event(const sign::SignCue& cue, ChannelContext& context) {
  const auto& s = context.kiosk.settings();
  context.transcript.write({{"type", "sign"},
                            {"clip", cue.clip},
                            {"caption", context.config.catalog.text(cue.caption, s.language, s.easy_read)}});
}

bool SignChannel::apply(const sign::SignUpdate& update, ChannelContext& context) {
  if (update.change != sign::CueChange::Play || !update.cue) return false;
  m_restart = true;   // same file as before (e.g. after a Stop): play it from the start
  m_paused = false;   // a new prompt is never held paused
  if (m_sign_on) write_event(*update.cue, context);
  return true;
}

void SignChannel::present(const core::Effects& effects, ChannelContext& context) {
  const core::Tree& tree = context.kiosk.tree();
  // Pause and Repeat arrive as speech requests; every input's batch starts with Interrupt.
  bool pause_toggle = false, repeat = false, input = false;
  for (const auto& effect : effects) {
    if (const auto* request = std::get_if<core::SpeechRequest>(&effect)) {
      pause_toggle = pause_toggle || request->control == core::SpeechControl::PauseToggle;
      repeat = repeat || request->control == core::SpeechControl::Repeat;
      input = input || request->control == core::SpeechControl::Interrupt;
    }
  }
  if (pause_toggle) {
    m_paused = !m_paused;
  } else if (input) {
    m_paused = false;   // speech's pause ends with any other input; the clip's too
  }
  // Deaf mode can be on from the session's first screen (a hall default) with no
  // SettingChanged for it: the settings are the truth, except in the batch that turns
  // it on or off, which the loop below handles.
  const bool toggles_sign = std::any_of(effects.begin(), effects.end(), [](const core::Effect& effect) {
    const auto* setting = std::get_if<core::SettingChanged>(&effect);
    return setting != nullptr && setting->name == "sign";
  });
  if (!toggles_sign) m_sign_on = context.kiosk.settings().sign;
  sync_settings(context.kiosk.settings());
  bool played = false;      // a new cue was signed (and its event written) in this batch
  bool recaption = false;   // the language changed
  if (repeat && m_sign_on) {
    if (const auto& cue = m_playlist.current()) {
      m_restart = true;
      m_paused = false;
      write_event(*cue, context);
    }
  }
  // A new screen signs its prompt; the item it opens on is signed when the resident
  // moves, not over the prompt in the same instant. The same screen shown again (the
  // language key) keeps the clip playing.
  bool screen_shown = false;
  for (const auto& effect : effects) {
    if (const auto* screen = std::get_if<core::ScreenShown>(&effect)) {
      screen_shown = true;
      if (screen->id == m_screen_id) continue;
      m_screen_id = screen->id;
      played = apply(m_playlist.on_screen(tree), context) || played;
    } else if (const auto* focus = std::get_if<core::FocusMoved>(&effect)) {
      if (!screen_shown) played = apply(m_playlist.on_focus(tree, focus->node_id), context) || played;
    } else if (const auto* alert = std::get_if<core::Alert>(&effect)) {
      played = apply(m_playlist.on_alert(alert->text), context) || played;
    } else if (const auto* setting = std::get_if<core::SettingChanged>(&effect)) {
      if (setting->name == "language") {
        recaption = true;
        continue;
      }
      const bool* on = std::get_if<bool>(&setting->value);
      if (on == nullptr) continue;
      if (setting->name == "sign" && *on != m_sign_on) {
        m_sign_on = *on;
        if (m_sign_on) {
          // Deaf mode mid-screen: sign what has focus now (the screen's clip where the
          // item has none), from the first frame.
          m_playlist.on_focus(tree, context.kiosk.focus().current());
          if (!m_playlist.current()) m_playlist.on_screen(tree);
          if (const auto& cue = m_playlist.current()) {
            m_restart = true;
            write_event(*cue, context);
          }
        } else if (m_pane) {
          m_pane->hide();   // stop: the clip is released, not merely hidden
          m_paused = false;
        }
      }
    }
  }
  // The clip signs the same in either language; a cue kept across a language change is
  // captioned anew in the language the screen now shows.
  if (recaption && !played && m_sign_on) {
    if (const auto& cue = m_playlist.current()) write_event(*cue, context);
  }
  sync_paused();
}

void SignChannel::sync_settings(const core::Settings& settings) {
  sync_curtain(settings.curtain);
  sync_speed(settings.sign_speed);
}

void SignChannel::sync_curtain(bool curtain) {
  if (curtain == m_curtain) return;
  m_curtain = curtain;
  sync_paused();
}

void SignChannel::sync_paused() {
  if (!m_pane) return;
  // Under the privacy curtain nothing is drawn, so the clip must not run on unseen.
  video::VideoPlayer& player = m_pane->player();
  if (m_curtain || m_paused) {
    player.pause();
  } else if (player.state() == video::PlayerState::Paused) {
    player.play();
  }
}

void SignChannel::sync_speed(int percent) {
  if (percent == m_speed_percent && (!m_pane || m_pane->speed() == percent * 10)) return;
  m_speed_percent = percent;
  if (m_pane) m_pane->set_speed(percent * 10);
}

void SignChannel::poll(ChannelContext& context) {
  // Deaf mode may start on (hall default) or be reset without a SettingChanged reaching
  // us first; the settings are the truth.
  m_sign_on = context.kiosk.settings().sign;
  sync_settings(context.kiosk.settings());
  if (!m_pane) return;
  for (const auto& event : m_pane->poll_events()) {
    if (event.kind != video::VideoEventKind::Error) continue;
    ++m_clip_errors;   // the player logged the reason; the caption line carries the text
    SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "sign: clip %s unusable (%s); captions only",
                event.path.c_str(), video::video_error_name(event.error.code));
  }
  // The redraw that follows every poll draws the pane, which sets the next wake-up.
  if (m_display != nullptr && m_sign_on && !m_curtain && m_pane->animating()) m_display->invalidate();
}

void SignChannel::wake_for_next_frame() {
  if (m_headless || !m_now || !m_pane) return;   // headless: the script's steps drive the clock
  const std::int64_t due = m_pane->player().next_frame_due();
  if (due < 0) return;
  const std::int64_t now = m_now();
  // A wake-up already pending at or before the due time will come back here in time.
  if (m_wakeup_at > now && m_wakeup_at <= due) return;
  // At least 1 ms: a frame already due (decoder behind) must not spin the loop.
  const std::int64_t delay = std::clamp<std::int64_t>(due - now, 1, 1000);
  m_wakeup_at = now + delay;
  // The callback runs on SDL's timer thread and touches nothing of ours: it only ends the
  // main loop's SDL_WaitEventTimeout, like the braille driver's wake-up.
  m_wakeup_timer = SDL_AddTimer(
      static_cast<Uint32>(delay),
      [](Uint32, void*) -> Uint32 {
        drivers::display::push_sdl_wakeup();
        return 0;   // one shot
      },
      nullptr);
}

void SignChannel::draw(SDL_Renderer* renderer, const core::DrawVideo& v) {
  if (!m_pane) return;
  const auto& cue = m_playlist.current();
  if (!cue) {
    m_pane->hide();   // nothing to sign here: the caption line carries the text
    return;
  }
  if (m_restart && m_pane->clip() == cue->clip) m_pane->restart();
  m_restart = false;
  const core::Rgb bg = m_display != nullptr ? m_display->theme().color(core::ColorRole::Background)
                                            : core::Rgb{};
  m_pane->draw(renderer, core::DrawVideo{v.rect, cue->clip}, m_now ? m_now() : 0,
               SDL_Color{bg.r, bg.g, bg.b, 255},
               m_headless ? video::FrameWait::UntilDue : video::FrameWait::Never);
  // The frame due now is consumed: sleep until the next one (a new clip starts here too).
  if (!m_curtain) wake_for_next_frame();
}

}  // namespace kiosk::app
