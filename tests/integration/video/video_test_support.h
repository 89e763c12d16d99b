// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared helpers of the video integration tests: generated fixtures, damaged copies,
// and a virtual clock. Fixtures live in VIDEO_FIXTURE_DIR (the build tree), made by
// make_fixtures.sh: ctest runs it first (fixture "video_clips"); a test run directly
// makes them itself.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace kiosk::test::video {

inline std::filesystem::path fixture_dir() { return VIDEO_FIXTURE_DIR; }

inline std::string fixture(const std::string& name) {
  const std::filesystem::path p = fixture_dir() / name;
  if (!std::filesystem::exists(p)) {
    const std::string cmd = std::string("bash '") + VIDEO_FIXTURE_SCRIPT + "' '" +
                            fixture_dir().string() + "'";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  return p.string();
}

inline std::filesystem::path repo_root() { return KIOSK_SOURCE_ROOT; }

inline std::vector<char> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Deterministic noise (a fixed LCG), so a damaged clip is the same on every run.
inline void fill_noise(std::vector<char>& bytes, std::size_t from, std::size_t to,
                       std::uint32_t seed) {
  for (std::size_t i = from; i < to && i < bytes.size(); ++i) {
    seed = seed * 1664525u + 1013904223u;
    bytes[i] = static_cast<char>(seed >> 24);
  }
}

// A private temp folder per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_path = std::filesystem::temp_directory_path() /
             ("kiosk_video_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" +
              std::to_string(::getpid()));
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  std::string file(const std::string& name) const { return (m_path / name).string(); }
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

}  // namespace kiosk::test::video
