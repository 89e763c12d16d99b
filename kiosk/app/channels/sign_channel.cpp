#include "kiosk/app/channels/sign_channel.h"

#include <SDL.h>

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
  m_pane.reset();
}

void SignChannel::attach(drivers::display::SdlDisplay& display, std::function<std::int64_t()> now,
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

void SignChannel::apply(const sign::SignUpdate& update, ChannelContext& context) {
  if (update.change != sign::CueChange::Play || !update.cue) return;
  m_restart = true;   // same file as before (e.g. after a Stop): play it from the start
  if (m_sign_on) write_event(*update.cue, context);
}

void SignChannel::present(const core::Effects& effects, ChannelContext& context) {
  const core::Tree& tree = context.kiosk.tree();
  for (const auto& effect : effects) {
    if (std::holds_alternative<core::ScreenShown>(effect)) {
      apply(m_playlist.on_screen(tree), context);
    } else if (const auto* focus = std::get_if<core::FocusMoved>(&effect)) {
      apply(m_playlist.on_focus(tree, focus->node_id), context);
    } else if (const auto* alert = std::get_if<core::Alert>(&effect)) {
      apply(m_playlist.on_alert(alert->text), context);
    } else if (const auto* setting = std::get_if<core::SettingChanged>(&effect)) {
      const bool* on = std::get_if<bool>(&setting->value);
      if (on == nullptr) continue;
      if (setting->name == "sign" && *on != m_sign_on) {
        m_sign_on = *on;
        if (m_sign_on) {
          // Deaf mode mid-screen: sign what is on screen now, from the first frame.
          if (!m_playlist.current()) {
            m_playlist.on_screen(tree);
            m_playlist.on_focus(tree, context.kiosk.focus().current());
          }
          if (const auto& cue = m_playlist.current()) {
            m_restart = true;
            write_event(*cue, context);
          }
        } else if (m_pane) {
          m_pane->hide();
        }
      } else if (setting->name == "curtain") {
        sync_curtain(*on);
      }
    }
  }
}

void SignChannel::sync_curtain(bool curtain) {
  if (curtain == m_curtain) return;
  m_curtain = curtain;
  if (!m_pane) return;
  // Under the privacy curtain nothing is drawn, so the clip must not run on unseen.
  if (curtain) {
    m_pane->player().pause();
  } else if (m_pane->player().state() == video::PlayerState::Paused) {
    m_pane->player().play();
  }
}

void SignChannel::poll(ChannelContext& context) {
  // Deaf mode may start on (hall default) or be reset without a SettingChanged reaching
  // us first; the settings are the truth.
  m_sign_on = context.kiosk.settings().sign;
  sync_curtain(context.kiosk.settings().curtain);
  if (!m_pane) return;
  for (const auto& event : m_pane->poll_events()) {
    if (event.kind != video::VideoEventKind::Error) continue;
    ++m_clip_errors;   // the player logged the reason; the caption line carries the text
    SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "sign: clip %s unusable (%s); captions only",
                event.path.c_str(), video::video_error_name(event.error.code));
  }
  if (m_display != nullptr && m_sign_on && !m_curtain && m_pane->animating()) m_display->invalidate();
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
}

}  // namespace kiosk::app
