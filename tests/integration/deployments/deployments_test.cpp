// SPDX-License-Identifier: GPL-3.0-or-later
// The deployment profile loader over real files: the four shipped county profiles,
// and bad profiles written to a temporary folder, each of which must be refused with
// the file, the line and the problem.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kiosk/services/entitlements/entitlements_config.h"
#include "kiosk/services/service_table.h"

namespace fs = std::filesystem;
using kiosk::services::entitlements::DeploymentLoadResult;
using kiosk::services::entitlements::load_deployment;

namespace {

const std::string kValid = R"(schema = 1
id = "testville"
region_code = "141081"
version = "test-1"
hotline = "12385"
name = { zh = "测试县", en = "Testville" }
province = { zh = "山西省", en = "Shanxi" }
dpf_address = { zh = "测试县残联", en = "Testville DPF" }

[[document]]
id = "id_card"
zh = "身份证"
en = "ID card"

[[place]]
id = "window_1"
zh = "1号窗口"
en = "Window 1"

[[entitlement]]
id = "care_allowance"
name = { zh = "护理补贴", en = "Care allowance" }
summary = { zh = "重度残疾。", en = "Severe disability." }
where = "window_1"
bring = ["id_card"]
[[entitlement.when]]
categories = ["physical"]
grades = [1, 2]
min_age = 16
max_age = 59
dibao = ["yes"]
hukou = ["here"]
)";

// 1-based line of the first line containing `needle`.
std::size_t line_with(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.find(needle) != std::string::npos) return n;
  }
  ADD_FAILURE() << "fixture has no line with " << needle;
  return 0;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class BadProfile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = fs::temp_directory_path() /
            ("kiosk_deployments_" + std::to_string(::getpid()) + "_" + info->name());
    fs::create_directories(m_dir / "deployments");
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path write(const std::string& text, const std::string& stem = "testville") {
    const fs::path file = m_dir / "deployments" / (stem + ".toml");
    std::ofstream(file) << text;
    return file;
  }
  // Loads `text` and expects exactly one error, on `line`, containing `problem`.
  void expect_one_error(const std::string& text, std::size_t line, const std::string& problem) {
    const fs::path file = write(text);
    const DeploymentLoadResult result = load_deployment(file);
    ASSERT_FALSE(result.ok());
    ASSERT_EQ(result.errors.size(), 1u) << result.describe();
    EXPECT_EQ(result.errors[0].file, file.string());
    EXPECT_EQ(result.errors[0].line, line) << result.describe();
    EXPECT_NE(result.errors[0].message.find(problem), std::string::npos) << result.describe();
  }

  fs::path m_dir;
};

TEST_F(BadProfile, TheValidFixtureLoads) {
  const DeploymentLoadResult result = load_deployment(write(kValid));
  ASSERT_TRUE(result.ok()) << result.describe();
  const auto& entry = result.profile->entitlements.at(0);
  EXPECT_EQ(entry.where_to_claim.en, "Window 1");
  ASSERT_EQ(entry.when.size(), 1u);
  EXPECT_EQ(entry.when[0].grades, (std::vector<int>{1, 2}));
  ASSERT_TRUE(entry.when[0].ages.has_value());
  EXPECT_EQ(entry.when[0].ages->min_years, 16);
  EXPECT_EQ(entry.when[0].ages->max_years, 59);
}

TEST_F(BadProfile, UnknownTopLevelKeyNamesItsLine) {
  const std::string text = replaced(kValid, "hotline = \"12385\"\n", "hotline = \"12385\"\ncolour = \"red\"\n");
  expect_one_error(text, line_with(text, "colour"), "unknown key \"colour\"");
}

TEST_F(BadProfile, UnknownKeyInsideWhen) {
  const std::string text = replaced(kValid, "hukou = [\"here\"]", "hukou = [\"here\"]\nincome = 3");
  expect_one_error(text, line_with(text, "income"), "unknown key \"income\"");
}

TEST_F(BadProfile, WrongTypeIsReported) {
  const std::string text = replaced(kValid, "version = \"test-1\"", "version = 3");
  expect_one_error(text, line_with(text, "version = 3"), "must be a string, not an integer");
}

TEST_F(BadProfile, UnknownCategoryName) {
  const std::string text = replaced(kValid, "[\"physical\"]", "[\"blind\"]");
  expect_one_error(text, line_with(text, "blind"), "unknown category \"blind\"");
}

TEST_F(BadProfile, GradeOutsideOneToFour) {
  const std::string text = replaced(kValid, "grades = [1, 2]", "grades = [1, 5]");
  expect_one_error(text, line_with(text, "grades"), "grade must be an integer from 1 to 4");
}

TEST_F(BadProfile, AgesUpsideDown) {
  const std::string text = replaced(kValid, "max_age = 59", "max_age = 12");
  expect_one_error(text, line_with(text, "max_age"), "max_age 12 is below min_age 16");
}

TEST_F(BadProfile, NegativeAge) {
  const std::string text = replaced(kValid, "min_age = 16", "min_age = -1");
  expect_one_error(text, line_with(text, "min_age"), "outside 0-120");
}

TEST_F(BadProfile, MissingEnglishText) {
  const std::string text = replaced(kValid, "name = { zh = \"护理补贴\", en = \"Care allowance\" }",
                                    "name = { zh = \"护理补贴\" }");
  expect_one_error(text, line_with(text, "name = { zh = \"护理补贴\" }"), "missing key \"en\"");
}

TEST_F(BadProfile, EmptyChineseText) {
  const std::string text = replaced(kValid, "zh = \"重度残疾。\"", "zh = \"\"");
  expect_one_error(text, line_with(text, "summary"), "must not be empty");
}

TEST_F(BadProfile, DuplicateEntitlementId) {
  const std::string second = "\n[[entitlement]]\nid = \"care_allowance\"\n"
                             "name = { zh = \"又一个\", en = \"Again\" }\n"
                             "summary = { zh = \"重复。\", en = \"Twice.\" }\nwhere = \"window_1\"\n";
  const std::string text = kValid + second;
  const std::size_t second_id = line_with(text, "Again") - 1;
  expect_one_error(text, second_id, "duplicate entitlement id \"care_allowance\"");
}

TEST_F(BadProfile, DuplicateDocumentId) {
  const std::string text = replaced(kValid, "[[place]]",
                                    "[[document]]\nid = \"id_card\"\nzh = \"身份证\"\nen = \"ID\"\n\n[[place]]");
  expect_one_error(text, line_with(text, "en = \"ID\"") - 2, "duplicate document id \"id_card\"");
}

TEST_F(BadProfile, UnknownPlaceAndDocumentBothReported) {
  std::string text = replaced(kValid, "where = \"window_1\"", "where = \"window_9\"");
  text = replaced(text, "bring = [\"id_card\"]", "bring = [\"passport\"]");
  const DeploymentLoadResult result = load_deployment(write(text));
  ASSERT_EQ(result.errors.size(), 2u) << result.describe();
  EXPECT_EQ(result.errors[0].line, line_with(text, "window_9"));
  EXPECT_NE(result.errors[0].message.find("unknown place \"window_9\""), std::string::npos);
  EXPECT_EQ(result.errors[1].line, line_with(text, "passport"));
  EXPECT_NE(result.errors[1].message.find("unknown document \"passport\""), std::string::npos);
}

TEST_F(BadProfile, SingleTableInsteadOfArrayOfTables) {
  const std::string text = replaced(kValid, "[[place]]", "[place]");
  const DeploymentLoadResult result = load_deployment(write(text));
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.describe().find("must be an array of tables written [[place]]"), std::string::npos)
      << result.describe();
}

TEST_F(BadProfile, TomlSyntaxErrorNamesTheLine) {
  const std::string text = replaced(kValid, "version = \"test-1\"", "version = \"test-1");
  expect_one_error(text, line_with(text, "version"), "TOML syntax");
}

TEST_F(BadProfile, IdMustMatchTheFileName) {
  const fs::path file = write(kValid, "wuda");
  const DeploymentLoadResult result = load_deployment(file);
  ASSERT_EQ(result.errors.size(), 1u) << result.describe();
  EXPECT_EQ(result.errors[0].line, line_with(kValid, "id = \"testville\""));
  EXPECT_NE(result.errors[0].message.find("does not match the file name \"wuda.toml\""), std::string::npos);
}

TEST_F(BadProfile, MissingFileIsLineZero) {
  const DeploymentLoadResult result = load_deployment(m_dir, "nowhere");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 0u);
  EXPECT_EQ(result.errors[0].file, (m_dir / "deployments" / "nowhere.toml").string());
  EXPECT_EQ(result.describe(), result.errors[0].file + ": cannot read the deployment profile (no such file)\n");
}

TEST_F(BadProfile, CountyIdCannotEscapeTheFolder) {
  const DeploymentLoadResult result = load_deployment(m_dir, "../secrets");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.describe().find("must be lower-case letters"), std::string::npos);
}

TEST_F(BadProfile, EveryProblemIsReportedInLineOrder) {
  std::string text = replaced(kValid, "grades = [1, 2]", "grades = [0]");
  text = replaced(text, "region_code = \"141081\"", "region_code = \"14108\"");
  text = replaced(text, "dibao = [\"yes\"]", "dibao = [\"maybe\"]");
  const fs::path file = write(text);
  const DeploymentLoadResult result = load_deployment(file);
  ASSERT_EQ(result.errors.size(), 3u) << result.describe();
  EXPECT_EQ(result.errors[0].describe(),
            file.string() + ":3: region_code \"14108\" must be six digits (GB/T 2260)");
  EXPECT_EQ(result.errors[1].line, line_with(text, "grades"));
  EXPECT_EQ(result.errors[2].line, line_with(text, "maybe"));
}

}  // namespace
