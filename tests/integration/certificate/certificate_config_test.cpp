// SPDX-License-Identifier: GPL-3.0-or-later
// The [certificate] loader over every shipped county profile and over broken sections, each
// problem with its line; and the service's checklist and screens from the loaded data.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kiosk/services/certificate/certificate_config.h"
#include "kiosk/services/service_table.h"

namespace fs = std::filesystem;
namespace services = kiosk::services;
namespace cert = kiosk::services::certificate;

namespace {

services::CountyData parse(const std::string& text) {
  return services::CountyData{"test.toml", "test", toml::parse(text)};
}

constexpr const char* kHeader = R"(name = { zh = "侯马市", en = "Houma" }
dpf_address = { zh = "政务服务中心一楼", en = "Service centre, ground floor" }
hotline = "12385"
)";

constexpr const char* kValid = R"(
[certificate]
warning_days = 90
fee = { zh = "免费", en = "Free" }
fee_waiver = { zh = "低保户全免", en = "Waived for dibao" }
home_assessment = true
appeal_city = { zh = "临汾市残联", en = "Linfen DPF" }
appeal_province = { zh = "山西省残联", en = "Shanxi DPF" }

[[certificate.document]]
id = "photos"
name = { zh = "照片", en = "Photos" }
why = { zh = "印在证上", en = "For the card" }
for = ["new", "renew"]

[[certificate.document]]
id = "medical_records"
name = { zh = "病历", en = "Medical records" }
why = { zh = "评定要看", en = "For the assessment" }
categories = ["mental"]
guardian_only = false
)";

std::string problems(const std::string& text) {
  services::SetupErrors errors;
  (void)cert::read_certificate_config(parse(text), errors);
  std::ostringstream out;
  for (const auto& e : errors) out << e.file << ":" << e.line << ": " << e.message << "\n";
  return out.str();
}

}  // namespace

TEST(CertificateConfig, EveryShippedProfileLoads) {
  for (const char* county : {"houma", "wuda", "zhangdian", "tongxin"}) {
    const fs::path file = fs::path(KIOSK_SOURCE_ROOT) / "config/deployments" / (std::string(county) + ".toml");
    services::CountyData data{file.string(), county, toml::parse_file(file.string())};
    services::SetupErrors errors;
    const cert::CertificateConfig config = cert::read_certificate_config(data, errors);
    EXPECT_TRUE(errors.empty()) << county << ": " << (errors.empty() ? "" : errors.front().message);
    EXPECT_GE(config.documents.size(), 5u) << county;
    EXPECT_FALSE(config.appeal_city.zh.empty()) << county;
    auto service = cert::make_certificate_service(data, services::sections_not_of("certificate"), errors);
    EXPECT_NE(service, nullptr) << county;
  }
}

TEST(CertificateConfig, AValidSectionIsReadWhole) {
  services::SetupErrors errors;
  const auto config = cert::read_certificate_config(parse(std::string(kHeader) + kValid), errors);
  ASSERT_TRUE(errors.empty()) << errors.front().message;
  EXPECT_EQ(config.warning_days, 90);
  EXPECT_TRUE(config.home_assessment);
  EXPECT_EQ(config.fee_waiver.zh, "低保户全免");
  ASSERT_EQ(config.documents.size(), 2u);
  EXPECT_EQ(config.documents[0].transactions, (std::vector<std::string>{"new", "renew"}));
  EXPECT_EQ(config.documents[1].categories, (std::vector<std::string>{"mental"}));
  EXPECT_EQ(config.hotline, "12385");
}

TEST(CertificateConfig, EachProblemIsReportedWithItsLine) {
  const std::string base = std::string(kHeader) + kValid;
  const auto with = [&](const std::string& from, const std::string& to) {
    std::string text = base;
    text.replace(text.find(from), from.size(), to);
    return problems(text);
  };
  // Lines: the header is 3 lines, then a blank line, [certificate] on 5, warning_days on 6.
  EXPECT_EQ(with("warning_days = 90", "warning_days = 0"),
            "test.toml:6: warning_days in [certificate] must be a whole number of days from 1 to 365\n");
  EXPECT_EQ(with("warning_days = 90", "warning_days = \"90\""),
            "test.toml:6: warning_days in [certificate] must be a whole number of days from 1 to 365\n");
  EXPECT_NE(with("home_assessment = true", "home_assessment = \"yes\"").find("test.toml:9: home_assessment"), std::string::npos);
  EXPECT_NE(with("for = [\"new\", \"renew\"]", "for = [\"new\", \"renewal\"]").find("\"renewal\" is not one of"), std::string::npos);
  EXPECT_NE(with("categories = [\"mental\"]", "categories = [\"psychic\"]").find("test.toml:23:"), std::string::npos);
  EXPECT_NE(with("id = \"medical_records\"", "id = \"photos\"").find("duplicate document id \"photos\""), std::string::npos);
  EXPECT_NE(with("id = \"photos\"", "id = \"Photos!\"").find("test.toml:14: document id"), std::string::npos);
  EXPECT_NE(with("appeal_city = { zh = \"临汾市残联\", en = \"Linfen DPF\" }", "").find("missing appeal_city"), std::string::npos);
  EXPECT_NE(with("why = { zh = \"印在证上\", en = \"For the card\" }", "why = { zh = \"印在证上\" }").find("test.toml:16: why"),
            std::string::npos);
  EXPECT_NE(with("guardian_only = false", "guardian_only = 1").find("guardian_only"), std::string::npos);
  EXPECT_NE(with("home_assessment = true", "home_assesment = true").find("unknown key \"home_assesment\""), std::string::npos);
  EXPECT_NE(problems(kHeader).find("missing [certificate] table"), std::string::npos);
  EXPECT_NE(problems(std::string(kHeader) + "[certificate]\nwarning_days = 5\n").find("lists no documents"), std::string::npos);
}
