// SPDX-License-Identifier: GPL-3.0-or-later
// The project is GPL-3.0-or-later (issue 19): the licence text is in LICENSE, the README
// says so, and every source file the project writes names the licence in its first
// line (after a "#!" line), so a file copied out of the tree still carries it.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

#include "licence_support.h"

namespace {

using licence_test::files_under;
using licence_test::has_project_identifier;
using licence_test::read_text;
using licence_test::source_root;

std::string extension_of(const std::string& path) {
  const std::string name = path.substr(path.find_last_of('/') + 1);
  const auto dot = name.find_last_of('.');
  return dot == std::string::npos ? "" : name.substr(dot + 1);
}

// C++, CMake, shell, Python and TOML (config/ included: TOML has comments), and any
// script with a "#!" line. Data formats without comments (JSON, PNG, MP4) are covered by
// the notice test instead.
bool is_project_source(const std::string& path) {
  // Fuzz inputs are raw bytes fed to a parser (tests/fuzz/*/corpus, regressions), not source.
  if (path.rfind("tests/fuzz/", 0) == 0 &&
      (path.find("/corpus/") != std::string::npos || path.find("/regressions/") != std::string::npos)) {
    return false;
  }
  static const std::set<std::string> kSource = {"cpp", "cc", "c", "h", "hpp", "inc", "cmake",
                                                "py",  "sh", "toml"};
  const std::string name = path.substr(path.find_last_of('/') + 1);
  if (name == "CMakeLists.txt" || kSource.count(extension_of(path)) > 0) return true;
  return extension_of(path).empty() && read_text(source_root() / path).rfind("#!", 0) == 0;
}

TEST(Licence, EveryProjectSourceFileStartsWithTheSpdxIdentifier) {
  std::string missing;
  int checked = 0;
  for (const std::string& path : files_under(".")) {
    if (!is_project_source(path)) continue;
    ++checked;
    if (!has_project_identifier(source_root() / path)) missing += "  " + path + "\n";
  }
  EXPECT_GT(checked, 250) << "the walk found too few source files";
  EXPECT_TRUE(missing.empty()) << "these files do not start with `// " << licence_test::kIdentifier
                               << "` (`#` in CMake, shell, Python, TOML; after a #! line):\n"
                               << missing;
}

TEST(Licence, AFileWithoutTheIdentifierIsCaught) {
  // The check itself must be able to fail: a header whose identifier is on line 3, or
  // names another licence, does not count.
  const auto dir = std::filesystem::temp_directory_path() / "kiosk_licence_test";
  std::filesystem::create_directories(dir);
  const auto late = dir / "late.h";
  const auto other = dir / "other.sh";
  const auto good = dir / "good.sh";
  std::ofstream(late) << "#pragma once\n\n// " << licence_test::kIdentifier << "\n";
  std::ofstream(other) << "#!/bin/sh\n# SPDX-License-Identifier: MIT\n";
  std::ofstream(good) << "#!/bin/sh\n# " << licence_test::kIdentifier << "\n";
  EXPECT_FALSE(has_project_identifier(late));
  EXPECT_FALSE(has_project_identifier(other));
  EXPECT_TRUE(has_project_identifier(good));
  std::filesystem::remove_all(dir);
}

TEST(Licence, LicenseFileHoldsTheGplVersion3Text) {
  const std::string text = read_text(source_root() / "LICENSE");
  EXPECT_NE(text.find("GNU GENERAL PUBLIC LICENSE"), std::string::npos);
  EXPECT_NE(text.find("Version 3, 29 June 2007"), std::string::npos);
  EXPECT_NE(text.find("END OF TERMS AND CONDITIONS"), std::string::npos);
  EXPECT_GT(text.size(), 30000u);
}

TEST(Licence, ReadmeHasALicenceSection) {
  const std::string readme = read_text(source_root() / "README.md");
  const auto section = readme.find("\n## Licence");
  ASSERT_NE(section, std::string::npos);
  const std::string body = readme.substr(section, 1500);
  EXPECT_NE(body.find("GPL-3.0-or-later"), std::string::npos);
  EXPECT_NE(body.find("LICENSE"), std::string::npos);
  EXPECT_NE(body.find("docs/third-party.md"), std::string::npos);
}

}  // namespace
