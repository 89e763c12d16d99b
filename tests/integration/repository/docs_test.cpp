// SPDX-License-Identifier: GPL-3.0-or-later
// A fresh clone is self-contained (issue 11 item 7): nothing in the repository points at
// documents outside it, and every section of docs/design.md, docs/domain.md and
// docs/accessibility.md that a file cites ("docs/design.md section 5", "docs/domain.md
// 3.8", "docs/accessibility.md V3") exists, so citations survive edits of the documents.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>

#include "licence_support.h"

namespace {

using licence_test::read_text;
using licence_test::source_root;

bool is_text(const std::string& path) {
  for (const char* ext : {".png", ".mp4", ".webm", ".db", ".ttc", ".ttf"}) {
    const std::string e = ext;
    if (path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) return false;
  }
  return path != "LICENSE";
}

// "A" needs a "## A." heading; "A.B" a "### A.B" heading or an item "B. " under "## A.".
bool has_section(const std::string& doc, const std::string& number) {
  const auto dot = number.find('.');
  const std::string top = number.substr(0, dot);
  const auto at = doc.find("\n## " + top + ". ");
  if (at == std::string::npos) return false;
  if (dot == std::string::npos) return true;
  if (doc.find("\n### " + number + " ") != std::string::npos) return true;
  const auto next = doc.find("\n## ", at + 1);
  const std::string body = doc.substr(at, next == std::string::npos ? std::string::npos : next - at);
  return body.find("\n" + number.substr(dot + 1) + ". ") != std::string::npos;
}

TEST(Documents, NothingPointsOutsideTheRepository) {
  static const std::regex outside(R"((\.\./shared|shared/docs|\b(DESIGN|DOMAIN|ACCESSIBILITY|STACK)\.md))");
  std::string found;
  for (const std::string& path : licence_test::files_under(".")) {
    if (!is_text(path) || path == "tests/integration/repository/docs_test.cpp") continue;
    const std::string text = read_text(source_root() / path);
    std::smatch m;
    if (std::regex_search(text, m, outside)) found += "  " + path + ": " + m.str() + "\n";
  }
  EXPECT_TRUE(found.empty()) << "these files point outside the repository (use docs/):\n" << found;
}

TEST(Documents, EveryCitedSectionExists) {
  const std::map<std::string, std::string> docs = {
      {"design", read_text(source_root() / "docs/design.md")},
      {"domain", read_text(source_root() / "docs/domain.md")},
      {"accessibility", read_text(source_root() / "docs/accessibility.md")}};
  static const std::regex cite(R"(docs/(design|domain|accessibility)\.md(?: section| sections)? (\d+(?:\.\d+)?|[SVTDCHB]\d)\b)");
  std::string broken;
  int checked = 0;
  for (const std::string& path : licence_test::files_under(".")) {
    if (!is_text(path)) continue;
    const std::string text = read_text(source_root() / path);
    for (std::sregex_iterator it(text.begin(), text.end(), cite), end; it != end; ++it) {
      const std::string doc = (*it)[1];
      const std::string where = (*it)[2];
      ++checked;
      const bool requirement = !std::isdigit(static_cast<unsigned char>(where[0]));
      const bool ok = requirement ? docs.at(doc).find("\n| " + where + " |") != std::string::npos
                                  : has_section(docs.at(doc), where);
      if (!ok) broken += "  " + path + ": docs/" + doc + ".md " + where + "\n";
    }
  }
  EXPECT_GT(checked, 50);
  EXPECT_TRUE(broken.empty()) << "cited sections that do not exist:\n" << broken;
}

TEST(Documents, SectionLookupCanFail) {
  const std::string doc = "# T\n\n## 3. Services\n\n### 3.8 Guide\n\n## 9. Notes\n\n1. **x**\n";
  EXPECT_TRUE(has_section(doc, "3"));
  EXPECT_TRUE(has_section(doc, "3.8"));
  EXPECT_TRUE(has_section(doc, "9.1"));
  EXPECT_FALSE(has_section(doc, "3.9"));
  EXPECT_FALSE(has_section(doc, "4"));
  EXPECT_FALSE(has_section(doc, "9.2"));
}

}  // namespace
