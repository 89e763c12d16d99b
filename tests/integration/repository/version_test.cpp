// SPDX-License-Identifier: GPL-3.0-or-later
// `kiosk --version` (issue 19): the kiosk's version, the licence line, and the version of
// each library as loaded. On the build machine the loaded libraries are the ones the
// build found, so each printed version is checked against what CMake saw.
#include <gtest/gtest.h>

#include <string>

#include "licence_support.h"

namespace {

std::string version_output() {
  static const licence_test::Run r = licence_test::run(std::string("'") + KIOSK_BINARY + "' --version");
  EXPECT_EQ(r.exit_code, 0);
  return r.out;
}

// The line "  NAME VERSION..." for a library, or "" when there is none.
std::string library_line(const std::string& name) {
  const std::string out = version_output();
  const std::string key = "\n  " + name + " ";
  const auto at = out.find(key);
  if (at == std::string::npos) return "";
  return out.substr(at + 3, out.find('\n', at + 1) - at - 3);
}

TEST(Version, FirstLineIsTheKiosksVersion) {
  EXPECT_EQ(version_output().substr(0, version_output().find('\n')),
            std::string("kiosk ") + KIOSK_PROJECT_VERSION);
}

TEST(Version, SaysTheLicence) {
  EXPECT_NE(version_output().find("Licence: GPL-3.0-or-later"), std::string::npos);
  EXPECT_NE(version_output().find("NO WARRANTY"), std::string::npos);
}

TEST(Version, PrintsTheLoadedLibraryVersions) {
  EXPECT_EQ(library_line("eSpeak NG").rfind(std::string("eSpeak NG ") + EXPECT_ESPEAK_VERSION, 0), 0u)
      << library_line("eSpeak NG");
  EXPECT_EQ(library_line("liblouis"), std::string("liblouis ") + EXPECT_LOUIS_VERSION);
  EXPECT_EQ(library_line("SDL"), std::string("SDL ") + EXPECT_SDL_VERSION);
  const std::string ffmpeg = library_line("FFmpeg");
  EXPECT_NE(ffmpeg.find(std::string("libavformat ") + EXPECT_AVFORMAT_VERSION), std::string::npos) << ffmpeg;
  EXPECT_NE(ffmpeg.find(std::string("libavcodec ") + EXPECT_AVCODEC_VERSION), std::string::npos) << ffmpeg;
  EXPECT_EQ(library_line("SQLite"), std::string("SQLite ") + EXPECT_SQLITE_VERSION);
  EXPECT_EQ(library_line("libcurl").rfind(std::string("libcurl ") + EXPECT_CURL_VERSION, 0), 0u)
      << library_line("libcurl");
  EXPECT_EQ(library_line("OpenSSL"), std::string("OpenSSL ") + EXPECT_OPENSSL_VERSION);
}

// SDL2_image, FFmpeg, libcurl and libcrypto are opened on first use, not linked
// (docs/design.md, "Cold start"), yet --version above still reports each of them.
TEST(Version, LibrariesOpenedOnFirstUseAreNotLinked) {
  const licence_test::Run r = licence_test::run(std::string("readelf -d --wide '") + KIOSK_BINARY + "'");
  ASSERT_EQ(r.exit_code, 0);
  ASSERT_NE(r.out.find("(NEEDED)"), std::string::npos);
  for (const char* soname : {"libSDL2_image", "libavformat", "libavcodec", "libcurl", "libcrypto"})
    EXPECT_EQ(r.out.find(std::string("[") + soname), std::string::npos) << "the kiosk links " << soname;
}

TEST(Version, NeedsNoConfigDisplayOrAudio) {
  // A technician runs it on a broken terminal: a missing config must not stop it.
  const licence_test::Run r = licence_test::run(std::string("env -u DISPLAY -u WAYLAND_DISPLAY '") +
                                                KIOSK_BINARY + "' --config /nonexistent.toml --version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, version_output());
}

}  // namespace
