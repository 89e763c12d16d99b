// SPDX-License-Identifier: GPL-3.0-or-later
// The hotline card's loader and screen, and the service table it is one line of.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "kiosk/core/text/i18n.h"
#include "kiosk/services/help_desk/help_desk.h"
#include "kiosk/services/help_desk/help_desk_config.h"
#include "kiosk/services/service_table.h"
#include "profile_support.h"

using namespace kiosk::testing;
namespace services = kiosk::services;
namespace hd = kiosk::services::help_desk;

namespace {

constexpr const char* kHeader = R"(name = { zh = "侯马市", en = "Houma" }
dpf_address = { zh = "政务服务中心一楼", en = "Service centre, ground floor" }
)";

constexpr const char* kValid = R"(
[help_desk]
hours = { zh = "周一到周五", en = "Monday to Friday" }

[[help_desk.line]]
id = "dpf"
number = "12385"
name = { zh = "残疾人服务热线", en = "Disability hotline" }

[[help_desk.line]]
id = "government"
number = "12345"
name = { zh = "政务服务便民热线", en = "Government hotline" }
note = { zh = "全天接听", en = "day and night" }
)";

}  // namespace

TEST(HelpDeskConfig, ReadsLinesInOrderAndTheAddressWhenNoPlaceIsGiven) {
  services::SetupErrors errors;
  const hd::HelpDesk desk = hd::read_help_desk(profile_from(std::string(kHeader) + kValid), errors);
  ASSERT_TRUE(errors.empty()) << errors_of(errors);
  ASSERT_EQ(desk.lines.size(), 2u);
  EXPECT_EQ(desk.lines[0].number, "12385");
  EXPECT_EQ(desk.lines[1].id, "government");
  EXPECT_EQ(desk.lines[1].note.zh, "全天接听");
  EXPECT_TRUE(desk.lines[0].note.zh.empty());
  EXPECT_EQ(desk.place.zh, "政务服务中心一楼");
  EXPECT_EQ(desk.county.en, "Houma");
}

TEST(HelpDeskConfig, EveryProblemIsNamedWithItsLine) {
  const std::string text = std::string(kHeader) + R"(
[help_desk]
hours = { zh = "周一到周五" }
colour = "red"

[[help_desk.line]]
id = "dpf"
number = "12-385"
name = { zh = "残疾人服务热线", en = "Disability hotline" }

[[help_desk.line]]
id = "dpf"
number = "12345"
name = { zh = "政务服务便民热线", en = "Government hotline" }
)";
  services::SetupErrors errors;
  hd::read_help_desk(profile_from(text), errors);
  const std::string all = errors_of(errors);
  EXPECT_NE(all.find("test.toml:5: hours in [help_desk] must be"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:6: unknown key \"colour\""), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:10: number \"12-385\" must be 3 to 12 digits"), std::string::npos) << all;
  EXPECT_NE(all.find("test.toml:14: duplicate line id \"dpf\""), std::string::npos) << all;
  EXPECT_EQ(errors.size(), 4u) << all;
}

TEST(HelpDeskConfig, AProfileWithoutTheSectionCannotMakeTheService) {
  services::SetupErrors errors;
  EXPECT_EQ(hd::make_help_desk_service(profile_from(kHeader), {}, errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("missing [help_desk]"), std::string::npos);
}

TEST(HelpDeskConfig, EveryShippedCountyHasACardWithBothNationalHotlines) {
  for (const char* county : kShippedCounties) {
    services::SetupErrors errors;
    const hd::HelpDesk desk = hd::read_help_desk(shipped_profile(county), errors);
    EXPECT_TRUE(errors.empty()) << errors_of(errors);
    std::string numbers;
    for (const auto& line : desk.lines) numbers += line.number + " ";
    EXPECT_EQ(numbers, "12385 12345 ") << county;
  }
}

TEST(HelpDeskService, ShowsEachLineThePlaceTheHoursAndAWayHome) {
  services::SetupErrors errors;
  auto service = hd::make_help_desk_service(profile_from(std::string(kHeader) + kValid), {}, errors);
  ASSERT_NE(service, nullptr) << errors_of(errors);
  kiosk::core::Settings settings;
  kiosk::core::Catalog catalog;
  const kiosk::core::ServiceContext context{settings, catalog, false, false, 0};
  const kiosk::core::Tree tree = service->build(context);
  EXPECT_EQ(tree.screen_id, "help_desk");
  std::string ids;
  for (const auto& node : tree.nodes) ids += node.id + " ";
  EXPECT_EQ(ids, "help_desk.line.dpf help_desk.line.government help_desk.place help_desk.hours help_desk.home ");
  // The number goes into the message as dialled, for the normaliser to read digit by digit.
  std::string number;
  for (const auto& [name, value] : tree.nodes[0].name.args)
    if (name == "number") number = value;
  EXPECT_EQ(number, "12385");
  EXPECT_EQ(tree.nodes[1].name.id, "help_desk.line_note");
  EXPECT_EQ(service->activate("help_desk.home", context).kind, kiosk::core::ServiceOutcome::Kind::Leave);
  EXPECT_EQ(service->back().kind, kiosk::core::ServiceOutcome::Kind::Leave);
}

TEST(ServiceTable, EachServiceOnceWithTheSectionsItOwns) {
  std::string ids;
  for (const auto& entry : services::service_table()) {
    ids += std::string(entry.id) + " ";
    EXPECT_EQ(services::find_service(entry.id), &entry);
    EXPECT_FALSE(entry.description.empty());
  }
  EXPECT_EQ(ids, "entitlements help_desk identity subsidies rehab certificate devices child_aid ");
  EXPECT_EQ(services::find_service("nowhere"), nullptr);
  EXPECT_EQ(services::sections_not_of("entitlements"),
            (std::vector<std::string>{"help_desk", "subsidies", "certificate", "devices", "child_aid"}));
}
