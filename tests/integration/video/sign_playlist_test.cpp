// SPDX-License-Identifier: GPL-3.0-or-later
// The sign playlist (pure core): which clip plays for a screen, a focused item and an
// alert; the fall-back to the screen's clip; sending only changes; caption timing.
#include "kiosk/core/present/sign/sign_playlist.h"

#include <gtest/gtest.h>

#include "kiosk/core/present/sign/sign_timing.h"

namespace kiosk::core::sign {
namespace {

SignManifest manifest() {
  SignManifest m;
  m.add({"home.title", "sign/p/home.title.mp4", 2400, "国家通用手语", "v1", "请选择服务", true});
  m.add({"home.entitlements", "sign/p/home.entitlements.mp4", 2480, "国家通用手语", "v1", "", true});
  m.add({"home.prompt", "sign/p/home.prompt.mp4", 2000, "国家通用手语", "v1", "", false});
  m.add({"staff_call.sign_interpreter", "sign/p/interp.mp4", 2320, "国家通用手语", "v1", "", true});
  m.add({"session.timeout_warning", "sign/p/timeout.mp4", 2880, "国家通用手语", "v1", "", true});
  return m;
}

Node node(const std::string& id, const std::string& name_id) {
  Node n;
  n.id = id;
  n.role = Role::Button;
  n.name = Message::of(name_id);
  return n;
}

Tree home(bool with_prompt) {
  Tree t;
  t.screen_id = "home";
  t.title = Message::of("home.title");
  if (with_prompt) t.prompt = Message::of("home.prompt");
  t.nodes = {node("home.entitlements", "home.entitlements"), node("home.help", "home.help"),
             node("home.interpreter", "home.call_staff")};
  t.nodes[2].sign_clip = "staff_call.sign_interpreter";
  return t;
}

TEST(SignCues, ScreenPlaysItsPromptElseItsTitle) {
  const SignManifest m = manifest();
  auto with_prompt = screen_cue(m, home(true));
  ASSERT_TRUE(with_prompt);
  EXPECT_EQ(with_prompt->clip, "sign/p/home.prompt.mp4");
  EXPECT_EQ(with_prompt->caption, Message::of("home.prompt"));
  EXPECT_EQ(with_prompt->source, CueSource::Screen);
  auto title_only = screen_cue(m, home(false));
  ASSERT_TRUE(title_only);
  EXPECT_EQ(title_only->message_id, "home.title");
  EXPECT_EQ(title_only->duration_ms, 2400);
  EXPECT_TRUE(title_only->placeholder);
}

TEST(SignCues, FocusedNodePlaysItsOwnClip) {
  auto cue = focus_cue(manifest(), home(false), "home.entitlements");
  ASSERT_TRUE(cue);
  EXPECT_EQ(cue->clip, "sign/p/home.entitlements.mp4");
  EXPECT_EQ(cue->caption, Message::of("home.entitlements"));
  EXPECT_EQ(cue->source, CueSource::Focus);
}

TEST(SignCues, NodeSignClipOverridesItsNameButTheCaptionShowsTheLabel) {
  auto cue = focus_cue(manifest(), home(false), "home.interpreter");
  ASSERT_TRUE(cue);
  EXPECT_EQ(cue->message_id, "staff_call.sign_interpreter");
  EXPECT_EQ(cue->caption, Message::of("home.call_staff"));
}

TEST(SignCues, NodeWithoutClipFallsBackToTheScreen) {
  auto cue = focus_cue(manifest(), home(false), "home.help");
  ASSERT_TRUE(cue);
  EXPECT_EQ(cue->message_id, "home.title");
  EXPECT_EQ(cue->source, CueSource::Screen);
  auto unknown = focus_cue(manifest(), home(false), "home.nowhere");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->message_id, "home.title");
  auto none = focus_cue(manifest(), home(false), "");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->message_id, "home.title");
}

TEST(SignCues, LiteralTextAndUnknownScreensHaveNoClip) {
  Tree t;
  t.screen_id = "result";
  t.title = Message::text("张三的优待");   // dynamic text: captions only
  t.nodes = {node("result.a", "result.unrecorded")};
  EXPECT_FALSE(screen_cue(manifest(), t));
  EXPECT_FALSE(focus_cue(manifest(), t, "result.a"));
}

TEST(SignPlaylist, SendsOnlyChanges) {
  const SignManifest m = manifest();
  SignPlaylist playlist(m);
  const Tree t = home(false);
  SignUpdate u = playlist.on_screen(t);
  ASSERT_EQ(u.change, CueChange::Play);
  EXPECT_EQ(u.cue->message_id, "home.title");
  EXPECT_EQ(playlist.on_screen(t).change, CueChange::Keep);
  u = playlist.on_focus(t, "home.entitlements");
  ASSERT_EQ(u.change, CueChange::Play);
  EXPECT_EQ(u.cue->message_id, "home.entitlements");
  EXPECT_EQ(playlist.on_focus(t, "home.entitlements").change, CueChange::Keep);
  // Back to an item without a clip: the screen's clip again.
  u = playlist.on_focus(t, "home.help");
  ASSERT_EQ(u.change, CueChange::Play);
  EXPECT_EQ(u.cue->message_id, "home.title");
  ASSERT_TRUE(playlist.current());
  EXPECT_EQ(playlist.current()->message_id, "home.title");
}

TEST(SignPlaylist, ScreenWithoutAnyClipStopsThePaneOnce) {
  const SignManifest m = manifest();
  SignPlaylist playlist(m);
  ASSERT_EQ(playlist.on_screen(home(false)).change, CueChange::Play);
  Tree bare;
  bare.screen_id = "bare";
  bare.title = Message::text("…");
  EXPECT_EQ(playlist.on_screen(bare).change, CueChange::Stop);
  EXPECT_FALSE(playlist.current());
  EXPECT_EQ(playlist.on_screen(bare).change, CueChange::Keep);
}

TEST(SignPlaylist, AlertWithAClipInterruptsAndWithoutLeavesThePane) {
  const SignManifest m = manifest();
  SignPlaylist playlist(m);
  playlist.on_screen(home(false));
  EXPECT_EQ(playlist.on_alert(Message::of("id_checksum_invalid")).change, CueChange::Keep);
  EXPECT_EQ(playlist.current()->message_id, "home.title");
  SignUpdate u = playlist.on_alert(Message::of("session.timeout_warning"));
  ASSERT_EQ(u.change, CueChange::Play);
  EXPECT_EQ(u.cue->source, CueSource::Alert);
  playlist.clear();
  EXPECT_FALSE(playlist.current());
}

TEST(CaptionTiming, SpeedStretchesTheClipAndReadingTimeIsAFloor) {
  EXPECT_EQ(clamp_speed_permille(100), 500);
  EXPECT_EQ(clamp_speed_permille(2000), 1000);
  EXPECT_EQ(played_duration_ms(2400, 1000), 2400);
  EXPECT_EQ(played_duration_ms(2400, 500), 4800);
  EXPECT_EQ(played_duration_ms(1000, 750), 1334);   // rounded up
  EXPECT_EQ(count_code_points("请选择服务"), 5);
  EXPECT_EQ(count_code_points("语言 Language"), 11);
  EXPECT_EQ(reading_time_ms("帮助"), 1500);
  // A long text outlasts a short clip.
  const std::string long_text = "您还在吗？按任意键继续";   // 11 code points: 3750 ms
  EXPECT_EQ(caption_window(100, 2880, 1000, long_text), (CaptionWindow{100, 3850}));
  EXPECT_EQ(caption_window(100, 2880, 500, long_text), (CaptionWindow{100, 5860}));
  EXPECT_EQ(caption_window(0, 2000, 1000, "帮助", 700), (CaptionWindow{0, 2700}));
}

TEST(CaptionTiming, SyncToleranceIsAHundredMilliseconds) {
  EXPECT_TRUE(caption_in_sync(1000, 1000));
  EXPECT_TRUE(caption_in_sync(1100, 1000));
  EXPECT_TRUE(caption_in_sync(900, 1000));
  EXPECT_FALSE(caption_in_sync(1101, 1000));
  EXPECT_FALSE(caption_in_sync(899, 1000));
}

}  // namespace
}  // namespace kiosk::core::sign
