// SPDX-License-Identifier: GPL-3.0-or-later
#include "licence_support.h"

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace licence_test {

namespace fs = std::filesystem;

fs::path source_root() { return KIOSK_SOURCE_ROOT; }

namespace {

bool skipped_dir(const fs::path& rel) {
  const std::string first = rel.begin()->string();
  const std::string name = rel.filename().string();
  return name == ".git" || name == "node_modules" || (rel.begin() == std::prev(rel.end()) && first.rfind("build", 0) == 0);
}

}  // namespace

std::vector<std::string> files_under(const std::string& dir) {
  std::vector<std::string> out;
  const fs::path root = source_root();
  fs::recursive_directory_iterator it(root / dir), end;
  for (; it != end; ++it) {
    const fs::path rel = fs::relative(it->path(), root);
    if (it->is_directory() && skipped_dir(rel)) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && rel.filename() != ".git") out.push_back(rel.generic_string());   // a worktree's .git is a file
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> first_lines(const fs::path& path, int n) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (static_cast<int>(lines.size()) < n && std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

bool has_project_identifier(const fs::path& path) {
  const std::vector<std::string> lines = first_lines(path, 2);
  std::size_t at = 0;
  if (!lines.empty() && lines[0].rfind("#!", 0) == 0) at = 1;
  if (at >= lines.size()) return false;
  const std::string& line = lines[at];
  const std::string id = kIdentifier;
  return line == "// " + id || line == "# " + id || line == "<!-- " + id + " -->";
}

Run run(const std::string& command) {
  Run result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) result.out.append(buf.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace licence_test
