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
#include "kiosk/core/kiosk.h"
#include "kiosk/core/layout.h"
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

  explicit Rig(app::Config c) : config(std::move(c)), kiosk(config.kiosk, config.catalog) {
    kiosk.add_service(std::make_unique<kiosk::services::entitlements::GuideService>(config.county));
    display::Options options;
    options.mode = display::DisplayMode::Headless;
    options.width = config.metrics.width;
    options.height = config.metrics.height;
    auto status = screen.open(options);
    if (!status) ADD_FAILURE() << status.error().message;
    if (!config.themes.empty()) screen.set_theme(config.themes.front());
    channel = std::make_unique<app::SignChannel>(config);
    channel->attach(screen, [this] { return clock; }, true);
    context = std::make_unique<app::ChannelContext>(app::ChannelContext{
        kiosk, config, transcript, [](core::Command, core::InputSource) {}, [](const std::string&) {},
        [](const std::string&, core::Message) {}});
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
  int checked = check_screen(rig, seen);   // attract
  rig.command(core::Command::Select);      // into home
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
