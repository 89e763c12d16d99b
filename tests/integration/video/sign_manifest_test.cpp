// SPDX-License-Identifier: GPL-3.0-or-later
// The clip manifest: the shipped assets/sign/manifest.toml (every clip listed exists,
// decodes, and meets D2's floor), and the loader's handling of bad entries.
#include "drivers/video/sign_manifest_loader.h"

#include "drivers/video/clip_decoder.h"
#include "drivers/video/video_player.h"
#include "kiosk/core/present/sign/sign_timing.h"
#include "video_test_support.h"

namespace kiosk::drivers::video {
namespace {

using test::video::TempDir;

std::filesystem::path shipped_manifest() {
  return test::video::repo_root() / "assets" / "sign" / "manifest.toml";
}

TEST(ShippedSignManifest, LoadsWithoutProblemsAndCoversTheLeadsScreens) {
  const ManifestLoad load = load_sign_manifest(shipped_manifest());
  for (const auto& p : load.problems) ADD_FAILURE() << p;
  for (const char* id :
       {"attract.title", "home.title", "home.entitlements", "home.settings", "home.language",
        "home.help", "home.call_staff", "settings.title", "help.title", "language.title",
        "entitlements.title", "entitlements.result.title", "timeout.prompt",
        "staff_call.sign_interpreter", "home.finish", "entitlements.start", "entitlements.skip",
        "entitlements.back", "entitlements.category.title", "entitlements.grade.title",
        "entitlements.age.title", "entitlements.dibao.title", "entitlements.hukou.title"}) {
    const core::sign::SignClip* clip = load.manifest.find(id);
    ASSERT_NE(clip, nullptr) << id;
    EXPECT_EQ(clip->clip.rfind("sign/", 0), 0u) << clip->clip;
    EXPECT_EQ(clip->sign_language, "国家通用手语");
    EXPECT_FALSE(clip->version.empty());
    EXPECT_FALSE(clip->signed_text.empty());
  }
}

TEST(ShippedSignManifest, EveryClipDecodesAtD2QualityAndMatchesItsDuration) {
  const ManifestLoad load = load_sign_manifest(shipped_manifest());
  ASSERT_FALSE(load.manifest.empty());
  for (const auto& [id, clip] : load.manifest.clips()) {
    SCOPED_TRACE(id);
    ClipDecoder decoder;
    const VideoError opened = decoder.open((test::video::repo_root() / "assets" / clip.clip).string());
    ASSERT_TRUE(opened.ok()) << opened.message;
    // docs/accessibility.md D2: at least 20 fps and 640x360.
    EXPECT_GE(decoder.info().fps, 20.0);
    EXPECT_GE(decoder.info().width, 640);
    EXPECT_GE(decoder.info().height, 360);
    VideoFrame frame;
    VideoError error;
    std::int64_t end = 0;
    int frames = 0;
    DecodeStatus status;
    while ((status = decoder.next(frame, error)) == DecodeStatus::Frame) {
      ++frames;
      end = frame.pts_ms + frame.duration_ms;
    }
    EXPECT_EQ(status, DecodeStatus::End) << error.message;
    EXPECT_GT(frames, 0);
    EXPECT_NEAR(static_cast<double>(end), clip.duration_ms, 40.0);
  }
}

TEST(ShippedSignManifest, CaptionsStayInStepWithEveryClipAtHalfSpeed) {
  // D2: captions within ±100 ms of the signing. The caption appears with the cue; the
  // clip's first frame must be up within the tolerance, and the caption must outlast
  // the clip played at 0.5x.
  const ManifestLoad load = load_sign_manifest(shipped_manifest());
  for (const auto& [id, clip] : load.manifest.clips()) {
    SCOPED_TRACE(id);
    std::int64_t now = 5000;
    VideoPlayer player([&] { return now; });
    ASSERT_TRUE(player.open((test::video::repo_root() / "assets" / clip.clip).string()).ok());
    player.set_speed(0.5);
    player.play();
    const std::int64_t cue_at = now;
    const core::sign::CaptionWindow caption =
        core::sign::caption_window(cue_at, clip.duration_ms, 500, clip.signed_text);
    std::int64_t first_frame_at = -1, last_change_at = -1;
    std::uint64_t last_index = UINT64_MAX;
    for (; now <= cue_at + 2 * clip.duration_ms + 200; now += 10) {
      const VideoFrame* f = player.frame_for(now, FrameWait::UntilDue);
      ASSERT_NE(f, nullptr);
      if (first_frame_at < 0) first_frame_at = now;
      if (f->index != last_index) last_change_at = now, last_index = f->index;
    }
    EXPECT_TRUE(core::sign::caption_in_sync(caption.start_ms, first_frame_at));
    EXPECT_GE(caption.end_ms, last_change_at + 80);   // the last frame's full 40 ms at 0.5x
    EXPECT_EQ(player.state(), PlayerState::Ended);
  }
}

class ManifestFile : public ::testing::Test {
 protected:
  ManifestLoad load(const std::string& toml_text) {
    std::filesystem::create_directories(tmp.path() / "sign" / "clips");
    test::video::write_bytes((tmp.path() / "sign" / "clips" / "a.mp4").string(), {'x'});
    const std::string path = (tmp.path() / "sign" / "manifest.toml").string();
    test::video::write_bytes(path, std::vector<char>(toml_text.begin(), toml_text.end()));
    return load_sign_manifest(path);
  }
  TempDir tmp;
};

TEST_F(ManifestFile, ARecordedClipDropsInWithoutCode) {
  const ManifestLoad m = load(R"(
[manifest]
sign_language = "国家通用手语"
[clips."home.title"]
file = "clips/a.mp4"
duration_ms = 1800
version = "2026-03 federation recording"
signed_text = "请选择服务"
)");
  EXPECT_TRUE(m.ok());
  const core::sign::SignClip* clip = m.manifest.find("home.title");
  ASSERT_NE(clip, nullptr);
  EXPECT_EQ(clip->clip, "sign/clips/a.mp4");
  EXPECT_EQ(clip->duration_ms, 1800);
  EXPECT_EQ(clip->sign_language, "国家通用手语");   // from [manifest]
  EXPECT_EQ(clip->version, "2026-03 federation recording");
  EXPECT_FALSE(clip->placeholder);
}

TEST_F(ManifestFile, BadEntriesAreLeftOutWithTheirLineAndTheRestLoads) {
  const ManifestLoad m = load(R"([clips."good"]
file = "clips/a.mp4"
duration_ms = 1000

[clips."missing"]
file = "clips/nothing_here.mp4"
duration_ms = 1000

[clips."escapes"]
file = "../../etc/passwd"
duration_ms = 1000

[clips."no_duration"]
file = "clips/a.mp4"

[clips."negative"]
file = "clips/a.mp4"
duration_ms = -5
)");
  EXPECT_NE(m.manifest.find("good"), nullptr);
  EXPECT_EQ(m.manifest.size(), 1u);
  ASSERT_EQ(m.problems.size(), 4u);
  bool saw_missing = false, saw_line = false;
  for (const auto& p : m.problems) {
    if (p.find("missing") != std::string::npos && p.find("nothing_here.mp4") != std::string::npos) saw_missing = true;
    if (p.find("manifest.toml:9:") != std::string::npos && p.find("escapes") != std::string::npos) saw_line = true;
  }
  EXPECT_TRUE(saw_missing);
  EXPECT_TRUE(saw_line) << *m.problems.begin();
}

TEST_F(ManifestFile, SyntaxErrorNamesLineAndColumn) {
  const ManifestLoad m = load("[clips.\"a\"]\nfile = \"clips/a.mp4\"\nduration_ms = = 3\n");
  ASSERT_EQ(m.problems.size(), 1u);
  EXPECT_NE(m.problems[0].find("manifest.toml:3:"), std::string::npos) << m.problems[0];
  EXPECT_TRUE(m.manifest.empty());
}

TEST(SignManifestLoader, MissingManifestIsOneProblemAndAnEmptyManifest) {
  TempDir tmp;
  const ManifestLoad m = load_sign_manifest(tmp.path() / "sign" / "manifest.toml");
  EXPECT_EQ(m.problems.size(), 1u);
  EXPECT_TRUE(m.manifest.empty());
}

}  // namespace
}  // namespace kiosk::drivers::video
