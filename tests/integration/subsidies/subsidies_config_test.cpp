// SPDX-License-Identifier: GPL-3.0-or-later
// The two subsidies' county section: read from every shipped profile, and every problem
// of a broken one named with its line (a broken hall config stops start-up with exit 2).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "kiosk/services/subsidies/subsidies_config.h"
#include "profile_support.h"

using namespace kiosk::testing;
namespace services = kiosk::services;
namespace sub = kiosk::services::subsidies;

namespace {

constexpr const char* kHeader = R"(region_code = "141081"
hotline = "12385"
dpf_address = { zh = "政务服务中心一楼", en = "Service centre, ground floor" }
)";

}  // namespace

TEST(SubsidiesConfig, EveryShippedProfileReadsWithBothProgrammesAndItsRegionNames) {
  for (const char* county : kShippedCounties) {
    services::SetupErrors errors;
    const sub::County c = sub::read_subsidies_county(shipped_profile(county), errors);
    EXPECT_TRUE(errors.empty()) << errors_of(errors);
    EXPECT_FALSE(c.living.name.zh.empty()) << county;
    EXPECT_FALSE(c.care.amount.zh.empty()) << county;
    EXPECT_FALSE(c.documents.empty()) << county;
    EXPECT_EQ(c.regions.size(), 4u) << county;
    // Only Wuda and Tongxin widen the programmes (docs/domain.md, the two subsidies).
    const bool widens = std::string(county) == "wuda" || std::string(county) == "tongxin";
    EXPECT_EQ(!c.living.widening.zh.empty(), widens) << county;
    EXPECT_EQ(!c.care.widening.zh.empty(), widens) << county;
  }
}

TEST(SubsidiesConfig, EveryProblemIsNamedWithItsLine) {
  const std::string text = std::string(kHeader) + R"(
[subsidies]
review_cycle_months = 0
decision_working_days = 45
paying_office = { zh = "侯马市民政局" }
documents = []
colour = "red"

[subsidies.living_allowance]
name = { zh = "困难残疾人生活补贴", en = "Living allowance" }

[subsidies.regions]
"14108" = { zh = "侯马", en = "Houma" }
)";
  services::SetupErrors errors;
  (void)sub::read_subsidies_county(profile_from(text), errors);
  const std::string all = errors_of(errors);
  EXPECT_NE(all.find("test.toml:6: review_cycle_months in [subsidies] must be a whole number from 1 to 60"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:8: paying_office"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:9: documents"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:10: unknown key \"colour\""), std::string::npos) << all;
  EXPECT_NE(all.find("missing amount"), std::string::npos) << all;
  EXPECT_NE(all.find("missing [subsidies.care_allowance]"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:16: region code \"14108\" must be six digits"), std::string::npos) << all;
}

TEST(SubsidiesConfig, AProfileWithoutTheSectionSaysWhatItShouldHold) {
  services::SetupErrors errors;
  (void)sub::read_subsidies_county(profile_from(kHeader), errors);
  ASSERT_EQ(errors.size(), 1u) << errors_of(errors);
  EXPECT_NE(errors[0].message.find("missing [subsidies] table"), std::string::npos);
}
