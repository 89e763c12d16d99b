// SPDX-License-Identifier: GPL-3.0-or-later
// The notice, docs/third-party.md (issue 19), names every shared library the programs
// link and every file under config/ and assets/ that is not the project's own (no
// GPL-3.0-or-later identifier in its first lines: JSON, media, or someone else's work).
#include <fnmatch.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "licence_support.h"

namespace {

using licence_test::source_root;

std::string notice() { return licence_test::read_text(source_root() / "docs" / "third-party.md"); }

// The first cell of each data-table row: "| `config/demo/residents.json` | ...".
std::vector<std::string> data_table_patterns(const std::string& text) {
  std::vector<std::string> out;
  static const std::regex row(R"(^\| `((config|assets)/[^`]+)` \|)");
  std::istringstream lines(text);
  std::string line;
  std::smatch m;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, m, row)) out.push_back(m[1]);
  }
  return out;
}

bool matches(const std::string& pattern, const std::string& path) {
  return fnmatch(pattern.c_str(), path.c_str(), FNM_PATHNAME) == 0;
}

std::vector<std::string> needed_libraries(const std::string& binary) {
  const licence_test::Run r = licence_test::run("readelf -d --wide '" + binary + "'");
  EXPECT_EQ(r.exit_code, 0) << "readelf on " << binary;
  std::vector<std::string> out;
  static const std::regex needed(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), needed), end; it != end; ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

TEST(Notice, ListsEveryFileInConfigAndAssetsThatIsNotTheProjectsOwn) {
  const std::vector<std::string> patterns = data_table_patterns(notice());
  ASSERT_FALSE(patterns.empty()) << "no data table rows in docs/third-party.md";
  std::string missing;
  for (const std::string dir : {"config", "assets"}) {
    for (const std::string& path : licence_test::files_under(dir)) {
      if (licence_test::has_project_identifier(source_root() / path)) continue;
      bool listed = false;
      for (const std::string& p : patterns) listed = listed || matches(p, path);
      if (!listed) missing += "  " + path + "\n";
    }
  }
  EXPECT_TRUE(missing.empty())
      << "not the project's own (no `" << licence_test::kIdentifier
      << "` in the first lines) and not in the data table of docs/third-party.md:\n"
      << missing;
}

TEST(Notice, EveryDataTableRowNamesFilesThatExist) {
  std::vector<std::string> files = licence_test::files_under("config");
  for (const std::string& f : licence_test::files_under("assets")) files.push_back(f);
  for (const std::string& pattern : data_table_patterns(notice())) {
    bool found = false;
    for (const std::string& f : files) found = found || matches(pattern, f);
    EXPECT_TRUE(found) << pattern << " is in docs/third-party.md but no such file exists";
  }
}

TEST(Notice, TheDataCheckCatchesAnUnlistedFile) {
  const std::vector<std::string> patterns = {"config/demo/residents.json", "assets/sign/placeholder/*.mp4"};
  auto listed = [&](const std::string& path) {
    for (const std::string& p : patterns) {
      if (matches(p, path)) return true;
    }
    return false;
  };
  EXPECT_TRUE(listed("assets/sign/placeholder/home.title.mp4"));
  EXPECT_FALSE(listed("assets/sign/recorded/home.title.mp4"));
  EXPECT_FALSE(listed("config/speech/words.tsv"));
}

TEST(Notice, NamesEverySharedLibraryTheProgramsLink) {
  const std::string text = notice();
  std::istringstream binaries(LICENCE_BINARIES);
  std::string binary;
  int seen = 0;
  while (std::getline(binaries, binary, '|')) {
    const std::vector<std::string> libs = needed_libraries(binary);
    EXPECT_FALSE(libs.empty()) << binary;
    for (const std::string& lib : libs) {
      ++seen;
      EXPECT_NE(text.find("`" + lib + "`"), std::string::npos)
          << binary << " links " << lib << ", which docs/third-party.md does not name";
    }
  }
  EXPECT_GT(seen, 15);
}

}  // namespace
