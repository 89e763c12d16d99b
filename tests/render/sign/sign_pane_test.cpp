// SPDX-License-Identifier: GPL-3.0-or-later
// The sign pane in-process with the real config, text measurer and display: it never
// covers content, it draws the clip the channel chose, and a corrupt clip is survived.
#include <gtest/gtest.h>

#include <SDL.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "drivers/display/sdl_display.h"
#include "kiosk/app/channels/sign_channel.h"
#include "kiosk/app/config.h"
#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk/core/present/layout.h"
#include "kiosk/services/entitlements/guide_service.h"
#include "kiosk_run.h"

namespace fs = std::filesystem;
namespace core = kiosk::core;
namespace app = kiosk::app;
namespace display = kiosk::drivers::display;

namespace {

app::Config load() {
  auto result = app::load_config(fs::path(KIOSK_SOURCE_ROOT) / "config" / "kiosk.toml");
  if (!result.ok()) ADD_FAILURE() << result.describe();
  return result.ok() ? std::move(*result.config) : app::Config{};
}

// A kiosk and its channel wired like the Runtime does, on a virtual clock.
struct Rig {
  app::Config config;
  std::int64_t clock = 0;
  core::Kiosk kiosk;
  display::SdlDisplay screen;
  app::Transcript transcript;
  std::unique_ptr<app::SignChannel> channel;
  std::unique_ptr<app::ChannelContext> context;

  // headless = false: as in the window kiosk (FrameWait::Never, frame wake-up timers).
  explicit Rig(app::Config c, bool headless = true) : config(std::move(c)), kiosk(config.kiosk, config.catalog) {
    for (auto& service : kiosk::app::make_services(config)) kiosk.add_service(std::move(service));
    display::Options options;
    options.mode = display::DisplayMode::Headless;
    options.width = config.metrics.width;
    options.height = config.metrics.height;
    auto status = screen.open(options);
    if (!status) ADD_FAILURE() << status.error().message;
    if (!config.themes.empty()) screen.set_theme(config.themes.front());
    channel = std::make_unique<app::SignChannel>(config);
    channel->attach(screen, [this] { return clock; }, headless);
    context = std::make_unique<app::ChannelContext>(app::ChannelContext{
        kiosk, config, transcript, [](core::Command, core::InputSource) {}, [](const std::string&) {},
        [](const std::string&, core::Message) {}, [](const core::FieldInput&) {}});
  }
  ~Rig() { channel.reset(); }   // the pane's texture goes before the renderer
  void feed(const core::Effects& effects) {
    channel->present(effects, *context);
    channel->poll(*context);
  }
  void command(core::Command c) { feed(kiosk.command(c, core::InputSource::Key, clock)); }
  core::ScreenLayout layout(int zoom, bool sign, bool large) {
    core::Settings s = kiosk.settings();
    s.zoom = zoom;
    s.sign = sign;
    s.sign_large = large;
    core::LayoutInput input{kiosk.tree(), kiosk.focus().current(), s, config.catalog, kiosk.status(),
                            "字幕：请选择服务", "", sign};
    return core::layout_screen(input, screen.measurer(), config.metrics);
  }
};

std::string describe(const core::Rect& r) {
  std::ostringstream out;
  out << "{" << r.x << "," << r.y << "," << r.w << "," << r.h << "}";
  return out.str();
}

void expect_pane_clear(const core::ScreenLayout& layout, const std::string& where) {
  ASSERT_TRUE(layout.sign_pane.has_value()) << where;
  const core::Rect pane = *layout.sign_pane;
  ASSERT_EQ(layout.list.videos.size(), 1u) << where;
  EXPECT_EQ(layout.list.videos.front().rect, pane) << where;
  EXPECT_GE(pane.x, 0);
  EXPECT_LE(pane.x + pane.w, layout.list.width) << where;
  for (const auto& text : layout.list.texts)
    EXPECT_FALSE(text.box.intersects(pane)) << where << ": text " << describe(text.box) << " '"
                                             << (text.lines.empty() ? "" : text.lines.front())
                                             << "' under pane " << describe(pane);
  for (const auto& target : layout.targets)
    EXPECT_FALSE(target.rect.intersects(pane)) << where << ": target " << target.node_id << " "
                                               << describe(target.rect) << " under pane " << describe(pane);
  EXPECT_FALSE(layout.content.intersects(pane)) << where << ": content " << describe(layout.content);
}

// Lays out every focus position of the screen showing now at each size.
int check_screen(Rig& rig, std::set<std::string>& seen) {
  seen.insert(rig.kiosk.tree().screen_id);
  int checked = 0;
  const int count = static_cast<int>(rig.kiosk.tree().nodes.size());
  for (int step = 0; step <= count; ++step) {
    for (int zoom : {100, 200})
      for (bool large : {false, true}) {
        const std::string where = rig.kiosk.tree().screen_id + " focus=" + rig.kiosk.focus().current() +
                                  " zoom=" + std::to_string(zoom) + (large ? " large" : "");
        expect_pane_clear(rig.layout(zoom, true, large), where);
        ++checked;
      }
    rig.command(core::Command::Down);
  }
  return checked;
}

// Pixels of the pane that differ from the theme background (a drawn clip has many).
int painted_pixels(display::SdlDisplay& screen, const core::Rect& pane, core::Rgb bg) {
  std::vector<std::uint32_t> pixels(static_cast<std::size_t>(pane.w * pane.h));
  SDL_Rect r{pane.x, pane.y, pane.w, pane.h};
  if (SDL_RenderReadPixels(screen.renderer(), &r, SDL_PIXELFORMAT_RGB888, pixels.data(), pane.w * 4) != 0) return -1;
  int painted = 0;
  for (auto p : pixels) {
    const auto red = static_cast<std::uint8_t>(p >> 16), green = static_cast<std::uint8_t>(p >> 8),
               blue = static_cast<std::uint8_t>(p);
    if (red != bg.r || green != bg.g || blue != bg.b) ++painted;
  }
  return painted;
}

}  // namespace

TEST(SignPaneLayout, NeverCoversContentOnAnyReachableScreen) {
  Rig rig(load());
  rig.feed(rig.kiosk.start(rig.clock));
  std::set<std::string> seen;
  int checked = check_screen(rig, seen);   // attract; its Down presses start the visit
  rig.command(core::Command::Home);        // home, whichever item the presses reached
  checked += check_screen(rig, seen);
  // Every item of home: open it, check what shows, come back.
  std::vector<std::string> items;
  for (const auto& node : rig.kiosk.tree().nodes)
    if (node.id != "home.finish" && node.id != "home.call_staff") items.push_back(node.id);
  for (const auto& id : items) {
    rig.feed(rig.kiosk.focus_node(id, rig.clock));
    rig.command(core::Command::Select);
    checked += check_screen(rig, seen);
    rig.command(core::Command::Home);
    if (rig.kiosk.tree().screen_id != "home") rig.command(core::Command::Back);
  }
  EXPECT_GE(seen.size(), 4u) << "screens reached: " << seen.size();
  std::string names;
  for (const auto& id : seen) names += id + " ";
  EXPECT_TRUE(seen.count("home") && seen.count("settings") && seen.count("language")) << names;
  EXPECT_GT(checked, 40);
}

TEST(SignPaneDrawing, HomeWithThePaneAt100And200Percent) {
  Rig rig(load());
  ASSERT_GT(rig.channel->manifest().size(), 5u);
  EXPECT_EQ(rig.channel->manifest_problems(), 0u);
  rig.feed(rig.kiosk.start(rig.clock));
  rig.command(core::Command::Select);
  rig.command(core::Command::Sign);
  ASSERT_TRUE(rig.kiosk.settings().sign);
  ASSERT_TRUE(rig.channel->cue().has_value());
  // Deaf mode on mid-screen signs what has focus now (home's first item).
  const std::string first = rig.channel->cue()->clip;
  EXPECT_EQ(first, "sign/placeholder/home.entitlements.mp4");
  const core::Rgb bg = rig.screen.theme().color(core::ColorRole::Background);
  for (int zoom : {100, 200}) {
    rig.clock += 1200;   // mid-clip: the placeholder's text is up
    const auto layout = rig.layout(zoom, true, false);
    rig.screen.invalidate();
    rig.screen.draw(layout.list);
    rig.channel->poll(*rig.context);
    EXPECT_EQ(rig.channel->pane()->clip(), first);
    EXPECT_GT(painted_pixels(rig.screen, *layout.sign_pane, bg), layout.sign_pane->w * layout.sign_pane->h / 10)
        << "zoom " << zoom << ": pane not drawn";
    const std::string shot = std::string(KIOSK_SHOT_DIR) + "/sign_home_" + std::to_string(zoom) + ".png";
    EXPECT_TRUE(static_cast<bool>(rig.screen.save_png(shot))) << shot;
  }
  EXPECT_EQ(rig.channel->clip_errors(), 0);
  // Focus moves to an item with its own clip: the pane follows it.
  rig.command(core::Command::Down);
  rig.command(core::Command::Down);
  ASSERT_TRUE(rig.channel->cue().has_value());
  rig.screen.draw(rig.layout(100, true, false).list);
  EXPECT_EQ(rig.channel->pane()->clip(), rig.channel->cue()->clip);
}

TEST(SignPaneDrawing, PausedUnderThePrivacyCurtain) {
  Rig rig(load());
  rig.feed(rig.kiosk.start(rig.clock));
  rig.command(core::Command::Select);
  rig.command(core::Command::Sign);
  rig.clock += 200;
  rig.screen.draw(rig.layout(100, true, false).list);
  ASSERT_EQ(rig.channel->pane()->player().state(), kiosk::drivers::video::PlayerState::Playing);
  rig.command(core::Command::Curtain);
  ASSERT_TRUE(rig.kiosk.settings().curtain);
  EXPECT_EQ(rig.channel->pane()->player().state(), kiosk::drivers::video::PlayerState::Paused);
  rig.command(core::Command::Curtain);
  EXPECT_EQ(rig.channel->pane()->player().state(), kiosk::drivers::video::PlayerState::Playing);
}

TEST(SignPaneDrawing, CorruptClipIsSurvivedAndLogged) {
  app::Config config = load();
  const fs::path root = fs::temp_directory_path() / ("kiosk-sign-corrupt-" + std::to_string(::getpid()));
  fs::remove_all(root);
  kiosk::testing::write_garbage_sign_assets(root);
  config.root = root;
  Rig rig(std::move(config));
  ASSERT_EQ(rig.channel->manifest().size(), 1u);
  rig.feed(rig.kiosk.start(rig.clock));
  rig.command(core::Command::Select);
  rig.command(core::Command::Sign);
  ASSERT_TRUE(rig.channel->cue().has_value());
  for (int frame = 0; frame < 5; ++frame) {
    rig.clock += 100;
    rig.screen.draw(rig.layout(100, true, false).list);
    rig.channel->poll(*rig.context);
  }
  EXPECT_GE(rig.channel->clip_errors(), 1);
  EXPECT_FALSE(rig.channel->pane()->animating());
  rig.command(core::Command::Down);   // the kiosk goes on
  rig.screen.draw(rig.layout(100, true, false).list);
  fs::remove_all(root);
}

// docs/accessibility.md D2: replay, pause and stop reach the clip through Repeat, Pause and
// the sign key; Pause holds the frame until Pause again or any other input.
TEST(SignPaneControls, RepeatReplaysPauseHoldsAndSignKeyStops) {
  using kiosk::drivers::video::PlayerState;
  Rig rig(load());
  rig.feed(rig.kiosk.start(rig.clock));
  rig.command(core::Command::Select);
  rig.command(core::Command::Sign);
  auto draw = [&] {
    rig.screen.invalidate();
    rig.screen.draw(rig.layout(100, true, false).list);
    rig.channel->poll(*rig.context);
  };
  auto media = [&] { return rig.channel->pane()->player().media_time(rig.clock); };
  draw();
  rig.clock += 800;
  draw();
  EXPECT_EQ(media(), 800);
  rig.command(core::Command::Pause);
  EXPECT_TRUE(rig.channel->paused());
  EXPECT_EQ(rig.channel->pane()->player().state(), PlayerState::Paused);
  rig.clock += 700;
  draw();
  EXPECT_EQ(media(), 800) << "paused clip moved on";
  rig.command(core::Command::Pause);
  EXPECT_EQ(rig.channel->pane()->player().state(), PlayerState::Playing);
  rig.clock += 200;
  draw();
  EXPECT_EQ(media(), 1000);
  // Paused again, then an input that is not Pause (Where): the clip goes on, as speech
  // does not stay paused either.
  rig.command(core::Command::Pause);
  ASSERT_EQ(rig.channel->pane()->player().state(), PlayerState::Paused);
  rig.command(core::Command::Where);
  EXPECT_FALSE(rig.channel->paused());
  EXPECT_EQ(rig.channel->pane()->player().state(), PlayerState::Playing);
  // Repeat after the clip ended plays it again from its first frame.
  rig.clock += 5000;
  draw();
  ASSERT_EQ(rig.channel->pane()->player().state(), PlayerState::Ended);
  const std::string clip = rig.channel->pane()->clip();
  rig.command(core::Command::Repeat);
  draw();
  EXPECT_EQ(rig.channel->pane()->clip(), clip);
  EXPECT_EQ(rig.channel->pane()->player().state(), PlayerState::Playing);
  EXPECT_EQ(media(), 0);
  rig.clock += 300;
  draw();
  EXPECT_EQ(media(), 300);
  // The sign key stops the clip and releases it.
  rig.command(core::Command::Sign);
  EXPECT_FALSE(rig.kiosk.settings().sign);
  EXPECT_TRUE(rig.channel->pane()->clip().empty());
  EXPECT_FALSE(rig.channel->pane()->animating());
}

TEST(SignPaneControls, SignSpeedSlowsTheClipPlayingAndEveryLaterOne) {
  Rig rig(load());
  rig.feed(rig.kiosk.start(rig.clock));
  rig.command(core::Command::Select);
  rig.command(core::Command::Sign);
  auto draw = [&] {
    rig.screen.invalidate();
    rig.screen.draw(rig.layout(100, true, false).list);
    rig.channel->poll(*rig.context);
  };
  auto media = [&] { return rig.channel->pane()->player().media_time(rig.clock); };
  rig.feed(rig.kiosk.focus_node("home.settings", rig.clock));
  rig.command(core::Command::Select);
  ASSERT_EQ(rig.kiosk.tree().screen_id, "settings");
  rig.feed(rig.kiosk.focus_node("settings.sign_speed", rig.clock));
  draw();
  const std::int64_t before = media();
  rig.command(core::Command::Left);   // 75 %
  EXPECT_EQ(rig.kiosk.settings().sign_speed, 75);
  EXPECT_EQ(rig.channel->pane()->speed(), 750);
  rig.clock += 400;
  draw();
  EXPECT_EQ(media(), before + 300);
  rig.command(core::Command::Left);   // 50 %
  EXPECT_EQ(rig.channel->pane()->speed(), 500);
  // Back home: a new clip opens at the resident's speed, not at 1x.
  rig.command(core::Command::Back);
  ASSERT_EQ(rig.kiosk.tree().screen_id, "home");
  draw();
  const std::string home_clip = rig.channel->pane()->clip();
  EXPECT_FALSE(home_clip.empty());
  rig.clock += 1000;
  draw();
  EXPECT_EQ(media(), 500);
}

namespace {

// Waits up to `ms` (real time) for an SDL_USEREVENT, the window loop's wake-up.
bool woken_within(int ms) {
  const Uint64 start = SDL_GetTicks64();
  SDL_Event event;
  while (SDL_GetTicks64() - start < static_cast<Uint64>(ms)) {
    if (SDL_WaitEventTimeout(&event, 50) && event.type == SDL_USEREVENT) return true;
  }
  return false;
}

}  // namespace

// The window loop sleeps until an event (up to 250 ms): a playing clip must end that
// sleep when its next frame is due, or the pane shows 4 frames a second.
TEST(SignPaneDrawing, WindowModeWakesTheLoopForEachFrameAndNotWhilePaused) {
  Rig rig(load(), false);
  rig.feed(rig.kiosk.start(rig.clock));
  rig.command(core::Command::Select);
  rig.command(core::Command::Sign);
  SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
  rig.screen.draw(rig.layout(100, true, false).list);   // opens the clip; frame 0 due at once
  EXPECT_TRUE(woken_within(3000)) << "no wake-up for the next frame";
  rig.clock += 40;
  rig.channel->poll(*rig.context);
  rig.screen.draw(rig.layout(100, true, false).list);
  EXPECT_TRUE(woken_within(3000)) << "no wake-up for the frame after";
  rig.command(core::Command::Pause);
  rig.screen.draw(rig.layout(100, true, false).list);
  SDL_Delay(100);   // a wake-up set before the pause may still come
  SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
  rig.channel->poll(*rig.context);
  EXPECT_FALSE(woken_within(400)) << "a paused clip keeps waking the loop";
}
