// SPDX-License-Identifier: GPL-3.0-or-later
// The four county profiles shipped in config/deployments load cleanly, differ where
// docs/domain.md says the counties differ, and give the demo residents (docs/domain.md 7) the
// entries their county lists.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/services/entitlements/entitlements_config.h"
#include "kiosk/services/service_table.h"

namespace ent = kiosk::services::entitlements;
using kiosk::services::entitlements::load_deployment;

namespace {

const char* const kCounties[] = {"houma", "wuda", "zhangdian", "tongxin"};

ent::CountyProfile load(const std::string& county) {
  const auto result = load_deployment(std::filesystem::path(KIOSK_SOURCE_ROOT) / "config", county,
                                      kiosk::services::sections_not_of("entitlements"));
  EXPECT_TRUE(result.ok()) << result.describe();
  return result.profile.value_or(ent::CountyProfile{});
}

const ent::Entitlement* find(const ent::CountyProfile& profile, const std::string& id) {
  for (const auto& e : profile.entitlements) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

// Entry id -> certainty, for compact expectations.
std::vector<std::pair<std::string, ent::Certainty>> matched(const ent::CountyProfile& profile,
                                                            const ent::Answers& answers) {
  std::vector<std::pair<std::string, ent::Certainty>> out;
  for (const ent::Match& m : ent::match(profile, answers)) out.emplace_back(m.entitlement->id, m.certainty);
  return out;
}

std::optional<ent::Certainty> certainty_of(const ent::CountyProfile& profile, const ent::Answers& answers,
                                           const std::string& id) {
  for (const auto& [entry, certainty] : matched(profile, answers)) {
    if (entry == id) return certainty;
  }
  return std::nullopt;
}

std::size_t code_points(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(),
                                                [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::optional<ent::AgeRange> ages_of(const ent::CountyProfile& profile, const std::string& id) {
  const ent::Entitlement* e = find(profile, id);
  if (!e || e->when.empty()) return std::nullopt;
  return e->when[0].ages;
}

TEST(ShippedProfiles, EachLoadsWithTenOrFewerBilingualEntries) {
  const char* const regions[] = {"141081", "150304", "370303", "640324"};
  for (std::size_t i = 0; i < 4; ++i) {
    const ent::CountyProfile p = load(kCounties[i]);
    EXPECT_EQ(p.id, kCounties[i]);
    EXPECT_EQ(p.region_code, regions[i]);
    EXPECT_EQ(p.hotline, "12385");
    EXPECT_GE(p.entitlements.size(), 6u) << p.id;
    EXPECT_LE(p.entitlements.size(), 10u) << p.id;
    for (const auto& e : p.entitlements) {
      // Short, plain Chinese: it is spoken and brailled (40-cell line).
      EXPECT_LE(code_points(e.name.zh), 20u) << p.id << "/" << e.id;
      EXPECT_LE(code_points(e.summary.zh), 50u) << p.id << "/" << e.id;
      EXPECT_FALSE(e.where_to_claim.zh.empty());
    }
    EXPECT_NE(find(p, "living_allowance"), nullptr);
    EXPECT_NE(find(p, "care_allowance"), nullptr);
    EXPECT_NE(find(p, "child_rehab_aid"), nullptr);
    EXPECT_NE(find(p, "assistive_devices"), nullptr);
    EXPECT_NE(find(p, "hotline_12385"), nullptr);
  }
}

TEST(ShippedProfiles, LocalEntitlementsDifferByCounty) {
  const ent::CountyProfile houma = load("houma"), wuda = load("wuda"), zhangdian = load("zhangdian"),
                           tongxin = load("tongxin");
  EXPECT_NE(find(houma, "free_parking"), nullptr);
  EXPECT_NE(find(houma, "internship_subsidy"), nullptr);
  EXPECT_NE(find(zhangdian, "free_bus"), nullptr);
  EXPECT_NE(find(wuda, "free_bus"), nullptr);
  EXPECT_EQ(find(houma, "free_bus"), nullptr);
  EXPECT_NE(find(zhangdian, "telecom_discount"), nullptr);
  EXPECT_NE(find(tongxin, "wheelchair_fuel_subsidy"), nullptr);
  EXPECT_NE(find(wuda, "wheelchair_fuel_subsidy"), nullptr);
  EXPECT_EQ(find(zhangdian, "home_modification"), nullptr);
  for (const auto* p : {&houma, &wuda, &tongxin}) EXPECT_NE(find(*p, "home_modification"), nullptr);
  EXPECT_NE(find(houma, "sunshine_home"), nullptr);
  EXPECT_NE(find(wuda, "warm_home"), nullptr);
  EXPECT_NE(find(zhangdian, "rukang_home"), nullptr);
  EXPECT_NE(find(tongxin, "disabled_peoples_home"), nullptr);
}

TEST(ShippedProfiles, ChildRehabAgesFollowEachCountysPlan) {
  EXPECT_EQ(ages_of(load("houma"), "child_rehab_aid"), (ent::AgeRange{0, 6}));
  EXPECT_EQ(ages_of(load("wuda"), "child_rehab_aid"), (ent::AgeRange{0, 7}));
  EXPECT_EQ(ages_of(load("zhangdian"), "child_rehab_aid"), (ent::AgeRange{0, 9}));
  EXPECT_EQ(ages_of(load("zhangdian"), "community_rehab"), (ent::AgeRange{10, 17}));
  EXPECT_EQ(ages_of(load("tongxin"), "child_rehab_aid"), (ent::AgeRange{0, 6}));
  EXPECT_EQ(ages_of(load("tongxin"), "home_rehab"), (ent::AgeRange{0, 14}));
  EXPECT_EQ(ages_of(load("houma"), "internship_subsidy"), (ent::AgeRange{16, 24}));
}

TEST(ShippedProfiles, HoumaWheelchairUserOnDibao) {
  // R1 赵大山: physical grade 3, dibao, adult, hukou Houma.
  const ent::CountyProfile houma = load("houma");
  const ent::Answers r1{ent::Category::Physical, 3, ent::AgeBand::Adult18To59, ent::Dibao::Yes, ent::Hukou::Here};
  EXPECT_EQ(certainty_of(houma, r1, "living_allowance"), ent::Certainty::Applies);
  EXPECT_EQ(certainty_of(houma, r1, "free_parking"), ent::Certainty::Applies);
  EXPECT_EQ(certainty_of(houma, r1, "care_allowance"), std::nullopt);
  EXPECT_EQ(certainty_of(houma, r1, "child_rehab_aid"), std::nullopt);
  EXPECT_EQ(certainty_of(houma, r1, "sunshine_home"), std::nullopt);
  // 16-24 is finer than the 18-59 band.
  EXPECT_EQ(certainty_of(houma, r1, "internship_subsidy"), ent::Certainty::MayApply);
  const auto all = ent::match(houma, r1);
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.back().entitlement->id, "internship_subsidy");
}

TEST(ShippedProfiles, CareAllowanceWidensInWudaAndTongxinOnly) {
  const ent::Answers grade3_intellectual{ent::Category::Intellectual, 3, ent::AgeBand::Adult18To59, {}, {}};
  EXPECT_EQ(certainty_of(load("wuda"), grade3_intellectual, "care_allowance"), ent::Certainty::Applies);
  EXPECT_EQ(certainty_of(load("tongxin"), grade3_intellectual, "care_allowance"), ent::Certainty::Applies);
  EXPECT_EQ(certainty_of(load("houma"), grade3_intellectual, "care_allowance"), std::nullopt);
  EXPECT_EQ(certainty_of(load("zhangdian"), grade3_intellectual, "care_allowance"), std::nullopt);
  const ent::Answers marginal{{}, {}, {}, ent::Dibao::Marginal, {}};
  EXPECT_EQ(certainty_of(load("wuda"), marginal, "living_allowance"), ent::Certainty::Applies);
  EXPECT_EQ(certainty_of(load("houma"), marginal, "living_allowance"), std::nullopt);
}

TEST(ShippedProfiles, TongxinDeafChildGetsRehabAtHome) {
  // R4 马小雨: hearing grade 1, born 2021, hukou Tongxin.
  const ent::Answers r4{ent::Category::Hearing, 1, ent::AgeBand::Child0To6, {}, ent::Hukou::Here};
  const ent::CountyProfile tongxin = load("tongxin");
  EXPECT_EQ(certainty_of(tongxin, r4, "child_rehab_aid"), ent::Certainty::Applies);
  EXPECT_EQ(certainty_of(tongxin, r4, "home_rehab"), ent::Certainty::Applies);
  EXPECT_EQ(certainty_of(tongxin, r4, "disabled_peoples_home"), std::nullopt);
}

TEST(ShippedProfiles, ResidencePermitHolderInZhangdian) {
  // R6 杨春燕: hukou Tongxin, lives in Zhangdian, physical grade 4.
  const ent::Answers r6{ent::Category::Physical, 4, ent::AgeBand::Adult18To59, ent::Dibao::No,
                        ent::Hukou::Elsewhere};
  const ent::CountyProfile zhangdian = load("zhangdian");
  EXPECT_EQ(certainty_of(zhangdian, r6, "free_bus"), ent::Certainty::Applies);
  EXPECT_EQ(certainty_of(zhangdian, r6, "telecom_discount"), std::nullopt);
  EXPECT_EQ(certainty_of(zhangdian, r6, "living_allowance"), std::nullopt);
}

TEST(ShippedProfiles, EverythingSkippedListsEveryEntry) {
  for (const char* county : kCounties) {
    const ent::CountyProfile p = load(county);
    EXPECT_EQ(ent::match(p, ent::Answers{}).size(), p.entitlements.size()) << county;
  }
}

}  // namespace
