// SPDX-License-Identifier: GPL-3.0-or-later
// Pure rules of the entitlements guide: how answers (some skipped) meet conditions.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/services/entitlements/entitlements.h"

namespace ent = kiosk::services::entitlements;

namespace {

ent::Entitlement entry(std::string id, std::vector<ent::Condition> when) {
  ent::Entitlement e;
  e.id = std::move(id);
  e.name = {"名称", "Name"};
  e.when = std::move(when);
  return e;
}

ent::Condition grades(std::vector<int> g) {
  ent::Condition c;
  c.grades = std::move(g);
  return c;
}

ent::Condition ages(int min, std::optional<int> max) {
  ent::Condition c;
  c.ages = ent::AgeRange{min, max};
  return c;
}

ent::Condition categories(std::vector<ent::Category> list) {
  ent::Condition c;
  c.categories = std::move(list);
  return c;
}

std::vector<std::string> ids(const std::vector<ent::Match>& matches) {
  std::vector<std::string> out;
  for (const auto& m : matches) out.push_back(m.entitlement->id);
  return out;
}

ent::Answers with_band(ent::AgeBand band) {
  ent::Answers a;
  a.age_band = band;
  return a;
}

TEST(EntitlementsMatch, NoConditionsAppliesToEveryone) {
  ent::CountyProfile p;
  p.entitlements.push_back(entry("hotline", {}));
  const auto m = ent::match(p, ent::Answers{});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].certainty, ent::Certainty::Applies);
  EXPECT_EQ(m[0].entitlement, &p.entitlements[0]);
}

TEST(EntitlementsMatch, SkippedAnswerMakesItMayApply) {
  ent::CountyProfile p;
  p.entitlements.push_back(entry("care", {grades({1, 2})}));
  const auto m = ent::match(p, ent::Answers{});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].certainty, ent::Certainty::MayApply);
}

TEST(EntitlementsMatch, FailingGivenAnswerExcludes) {
  ent::CountyProfile p;
  p.entitlements.push_back(entry("care", {grades({1, 2})}));
  ent::Answers a;
  a.grade = 3;
  EXPECT_TRUE(ent::match(p, a).empty());
  a.grade = 2;
  ASSERT_EQ(ent::match(p, a).size(), 1u);
  EXPECT_EQ(ent::match(p, a)[0].certainty, ent::Certainty::Applies);
}

TEST(EntitlementsMatch, OneFailureExcludesEvenIfAnotherFieldIsSkipped) {
  ent::Condition c = grades({1, 2});
  c.dibao = {ent::Dibao::Yes};
  ent::Answers a;
  a.dibao = ent::Dibao::No;   // grade skipped, dibao fails
  EXPECT_EQ(ent::evaluate(c, a), std::nullopt);
}

TEST(EntitlementsMatch, AppliesComeFirstThenMayApplyEachInProfileOrder) {
  ent::CountyProfile p;
  p.entitlements.push_back(entry("a_may", {grades({1})}));
  p.entitlements.push_back(entry("b_applies", {}));
  p.entitlements.push_back(entry("c_excluded", {categories({ent::Category::Vision})}));
  p.entitlements.push_back(entry("d_may", {grades({2})}));
  p.entitlements.push_back(entry("e_applies", {categories({ent::Category::Hearing})}));
  ent::Answers a;
  a.category = ent::Category::Hearing;
  EXPECT_EQ(ids(ent::match(p, a)), (std::vector<std::string>{"b_applies", "e_applies", "a_may", "d_may"}));
}

TEST(EntitlementsMatch, AnyWhenTableMayHoldAndTheBestWins) {
  // Wuda's care allowance: grades 1-2, or grades 3-4 intellectual or mental.
  ent::Condition widened = grades({3, 4});
  widened.categories = {ent::Category::Intellectual, ent::Category::Mental};
  ent::CountyProfile p;
  p.entitlements.push_back(entry("care", {grades({1, 2}), widened}));
  ent::Answers a;
  a.grade = 3;
  a.category = ent::Category::Mental;
  ASSERT_EQ(ent::match(p, a).size(), 1u);
  EXPECT_EQ(ent::match(p, a)[0].certainty, ent::Certainty::Applies);
  a.category = ent::Category::Physical;
  EXPECT_TRUE(ent::match(p, a).empty());
  a.category.reset();   // grade 3, category skipped: only the widened rule could hold
  ASSERT_EQ(ent::match(p, a).size(), 1u);
  EXPECT_EQ(ent::match(p, a)[0].certainty, ent::Certainty::MayApply);
}

TEST(EntitlementsMatch, BandInsideTheAgesApplies) {
  EXPECT_EQ(ent::evaluate(ages(0, 6), with_band(ent::AgeBand::Child0To6)), ent::Certainty::Applies);
  EXPECT_EQ(ent::evaluate(ages(16, std::nullopt), with_band(ent::AgeBand::Senior60Plus)),
            ent::Certainty::Applies);
  EXPECT_EQ(ent::evaluate(ages(16, 59), with_band(ent::AgeBand::Adult18To59)), ent::Certainty::Applies);
}

TEST(EntitlementsMatch, BandPartlyInsideTheAgesMayApply) {
  // Zhangdian's 0-9 rehab aid and the 7-17 band; Houma's 16-24 internship and 18-59.
  EXPECT_EQ(ent::evaluate(ages(0, 9), with_band(ent::AgeBand::Child7To17)), ent::Certainty::MayApply);
  EXPECT_EQ(ent::evaluate(ages(16, 24), with_band(ent::AgeBand::Adult18To59)), ent::Certainty::MayApply);
  EXPECT_EQ(ent::evaluate(ages(16, 24), with_band(ent::AgeBand::Child7To17)), ent::Certainty::MayApply);
  EXPECT_EQ(ent::evaluate(ages(16, 59), with_band(ent::AgeBand::Senior60Plus)), std::nullopt);
  EXPECT_EQ(ent::evaluate(ages(7, 7), with_band(ent::AgeBand::Child7To17)), ent::Certainty::MayApply);
}

TEST(EntitlementsMatch, BandOutsideTheAgesExcludes) {
  EXPECT_EQ(ent::evaluate(ages(0, 6), with_band(ent::AgeBand::Child7To17)), std::nullopt);
  EXPECT_EQ(ent::evaluate(ages(16, 24), with_band(ent::AgeBand::Senior60Plus)), std::nullopt);
  EXPECT_EQ(ent::evaluate(ages(60, std::nullopt), with_band(ent::AgeBand::Adult18To59)), std::nullopt);
}

TEST(EntitlementsMatch, MultipleDisabilityMayMeetARuleForAnotherCategory) {
  const ent::Condition mental_only = categories({ent::Category::Mental});
  ent::Answers a;
  a.category = ent::Category::Multiple;
  EXPECT_EQ(ent::evaluate(mental_only, a), ent::Certainty::MayApply);
  EXPECT_EQ(ent::evaluate(categories({ent::Category::Multiple}), a), ent::Certainty::Applies);
  a.category = ent::Category::Vision;
  EXPECT_EQ(ent::evaluate(mental_only, a), std::nullopt);
}

TEST(EntitlementsMatch, DibaoMarginalIsItsOwnAnswer) {
  ent::Condition c;
  c.dibao = {ent::Dibao::Yes};
  ent::Answers a;
  a.dibao = ent::Dibao::Marginal;
  EXPECT_EQ(ent::evaluate(c, a), std::nullopt);
  c.dibao.push_back(ent::Dibao::Marginal);
  EXPECT_EQ(ent::evaluate(c, a), ent::Certainty::Applies);
}

TEST(EntitlementsMatch, HukouElsewhereFailsALocalOnlyRule) {
  ent::Condition c;
  c.hukou = {ent::Hukou::Here};
  ent::Answers a;
  a.hukou = ent::Hukou::Elsewhere;
  EXPECT_EQ(ent::evaluate(c, a), std::nullopt);
  a.hukou = ent::Hukou::Here;
  EXPECT_EQ(ent::evaluate(c, a), ent::Certainty::Applies);
}

TEST(EntitlementsNames, RoundTripEveryStableName) {
  for (int i = 1; i <= 7; ++i) {
    const auto c = static_cast<ent::Category>(i);
    EXPECT_EQ(ent::category_from_name(ent::name_of(c)), c);
  }
  for (auto b : {ent::AgeBand::Child0To6, ent::AgeBand::Child7To17, ent::AgeBand::Adult18To59,
                 ent::AgeBand::Senior60Plus})
    EXPECT_EQ(ent::age_band_from_name(ent::name_of(b)), b);
  for (auto d : {ent::Dibao::Yes, ent::Dibao::Marginal, ent::Dibao::No})
    EXPECT_EQ(ent::dibao_from_name(ent::name_of(d)), d);
  for (auto h : {ent::Hukou::Here, ent::Hukou::Elsewhere}) EXPECT_EQ(ent::hukou_from_name(ent::name_of(h)), h);
  EXPECT_EQ(ent::name_of(ent::Category::Intellectual), "intellectual");
  EXPECT_EQ(ent::category_from_name("blind"), std::nullopt);
  EXPECT_EQ(ent::age_band_from_name("adult"), std::nullopt);
}

TEST(EntitlementsText, EnglishOnlyForEnEverythingElseChinese) {
  const ent::Text t{"护理补贴", "Care allowance"};
  EXPECT_EQ(t.in("en"), "Care allowance");
  EXPECT_EQ(t.in("zh-CN"), "护理补贴");
  EXPECT_EQ(t.in(""), "护理补贴");
}

}  // namespace
