// SPDX-License-Identifier: GPL-3.0-or-later
// The [devices] and [child_aid] loaders: every shipped profile loads (six devices; the
// four counties' age windows, each county's rules found from any hall), and every
// broken value is reported with its file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/services/child_aid/child_aid_config.h"
#include "kiosk/services/devices/devices_config.h"
#include "kiosk/services/service_table.h"
#include "profile_support.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;
namespace services = kiosk::services;
namespace dv = kiosk::services::devices;
namespace ca = kiosk::services::child_aid;

namespace {

constexpr const char* kHeader = R"(region_code = "141081"
name = { zh = "侯马市", en = "Houma" }
)";

}  // namespace

TEST(DevicesConfig, EveryShippedProfileHasTheDemoCatalogue) {
  for (const char* id : kShippedCounties) {
    services::SetupErrors errors;
    const dv::Catalogue c = dv::read_catalogue(shipped_profile(id), errors);
    EXPECT_TRUE(errors.empty()) << errors_of(errors);
    ASSERT_EQ(c.devices.size(), 6u) << id;
    EXPECT_EQ(c.find("wheelchair_standard")->life_years, 4);
    EXPECT_EQ(c.find("white_cane")->life_years, 1);
    EXPECT_EQ(c.find("hearing_aid")->subsidy_fen, 300000);
    EXPECT_TRUE(c.find("nursing_bed")->rental);
    EXPECT_FALSE(c.find("white_cane")->rental);
  }
}

TEST(DevicesConfig, BadValuesAreToldWithTheirLine) {
  const std::string text = std::string(kHeader) + R"(
[[devices.item]]
code = "wheelchair_standard"
name = { zh = "普通轮椅", en = "Wheelchair" }
subsidy_fen = -5
life_years = 4

[[devices.item]]
code = "wheelchair_standard"
name = { zh = "普通轮椅" }
subsidy_fen = 100
life_years = 0
rental = "yes"
colour = "red"
)";
  services::SetupErrors errors;
  (void)dv::read_catalogue(profile_from(text), errors);
  const std::string all = errors_of(errors);
  EXPECT_NE(all.find("test.toml:7: subsidy_fen"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:11: duplicate device code"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:12: name"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:14: life_years"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:15: rental"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:16: unknown key \"colour\""), std::string::npos) << all;
  services::SetupErrors none;
  (void)dv::read_catalogue(profile_from(kHeader), none);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_NE(none[0].message.find("missing [devices]"), std::string::npos);
}

TEST(ChildAidConfig, AnyHallFindsEveryCountysWindows) {
  for (const char* id : kShippedCounties) {
    services::SetupErrors errors;
    const ca::Rules rules = ca::read_rules(shipped_profile(id), errors);
    EXPECT_TRUE(errors.empty()) << errors_of(errors);
    ASSERT_EQ(rules.counties.size(), 4u) << id;
    EXPECT_EQ(rules.counties.front().region, rules.home_region);
  }
  services::SetupErrors errors;
  const ca::Rules rules = ca::read_rules(shipped_profile("houma"), errors);
  EXPECT_EQ(rules.find("141081")->windows.at(0).window.to_age, 6);
  EXPECT_EQ(rules.find("150304")->windows.at(0).window.to_age, 7);
  const auto& zhangdian = rules.find("370303")->windows;
  ASSERT_EQ(zhangdian.size(), 2u);
  EXPECT_EQ(zhangdian[1].window.id, "community");
  EXPECT_EQ(zhangdian[1].window.from_age, 10);
  EXPECT_EQ(zhangdian[1].window.to_age, 17);
  const auto& tongxin = rules.find("640324")->windows;
  ASSERT_EQ(tongxin.size(), 2u);
  EXPECT_EQ(tongxin[1].window.id, "home");
  EXPECT_FALSE(tongxin[1].window.inclusive);
  EXPECT_TRUE(tongxin[0].window.inclusive);
}

TEST(ChildAidConfig, BadWindowsAreToldWithTheirLine) {
  const std::string text = std::string(kHeader) + R"(
[child_aid]
warn_months = 30

[[child_aid.window]]
id = "rescue"
name = { zh = "救助", en = "Aid" }
from_age = 7
to_age = 6
upper = "open"
before_ageing_out = { zh = "…", en = "..." }
)";
  services::SetupErrors errors;
  (void)ca::read_county_rules("test.toml", profile_from(text).table, true, errors);
  const std::string all = errors_of(errors);
  EXPECT_NE(all.find("test.toml:5: warn_months"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:11: to_age"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:12: upper"), std::string::npos) << all;
}

TEST(ChildAidConfig, ABrokenNeighbourProfileStopsStartUpWithItsLine) {
  const fs::path dir = fs::temp_directory_path() / ("child_aid_config_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(fs::path(KIOSK_SOURCE_ROOT) / "config" / "deployments" / "houma.toml", dir / "houma.toml");
  std::ofstream(dir / "other.toml") << std::string("region_code = \"150304\"\nname = { zh = \"乌达区\", en = \"Wuda\" }\n") +
                                           "[child_aid]\nwarn_months = 6\nwindow = 3\n";
  services::SetupErrors errors;
  const services::CountyData county{(dir / "houma.toml").string(), "houma", toml::parse_file((dir / "houma.toml").string())};
  EXPECT_EQ(ca::make_child_aid_service(county, {}, errors), nullptr);
  const std::string all = errors_of(errors);
  EXPECT_NE(all.find("other.toml:3: [child_aid] lists no age windows"), std::string::npos) << all;
  fs::remove_all(dir);
}
