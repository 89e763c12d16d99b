// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers of the licence suite: the repository's files, their first lines, and running a
// program for its output. Test-only; single-threaded.
#include <filesystem>
#include <string>
#include <vector>

namespace licence_test {

inline constexpr const char* kIdentifier = "SPDX-License-Identifier: GPL-3.0-or-later";

std::filesystem::path source_root();

// Every regular file under `dir` (relative to the source root), as root-relative paths
// with '/' separators, sorted. Skips .git, build output (build*/ at the top) and
// node_modules, which are not the project's files.
std::vector<std::string> files_under(const std::string& dir);

std::string read_text(const std::filesystem::path& path);

// The first `n` lines of a file (fewer if it is shorter).
std::vector<std::string> first_lines(const std::filesystem::path& path, int n);

// True when one of the first lines (after a "#!" line) is exactly the project's
// identifier in the comment form of the file's language.
bool has_project_identifier(const std::filesystem::path& path);

struct Run {
  int exit_code = -1;
  std::string out;   // stdout only
};
Run run(const std::string& command);

}  // namespace licence_test
