// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/entitlements/entitlements.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kiosk::services::entitlements {
namespace {

// Outcome of one field of a condition. Ordered so that the worst one wins.
enum class Outcome { Holds, Unknown, Fails };

template <typename T>
bool contains(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A listed value must equal the answer; no list = any answer.
template <typename T>
Outcome check_list(const std::vector<T>& allowed, const std::optional<T>& answer) {
  if (allowed.empty()) return Outcome::Holds;
  if (!answer) return Outcome::Unknown;
  return contains(allowed, *answer) ? Outcome::Holds : Outcome::Fails;
}

Outcome check_category(const std::vector<Category>& allowed,
                       const std::optional<Category>& answer) {
  const Outcome plain = check_list(allowed, answer);
  // A multiple disability is made of other categories the answer does not name, so a
  // rule for, say, intellectual disability may still cover it: unknown, not a failure.
  if (plain == Outcome::Fails && answer == Category::Multiple) return Outcome::Unknown;
  return plain;
}

Outcome check_ages(const std::optional<AgeRange>& rule, const std::optional<AgeBand>& answer) {
  if (!rule) return Outcome::Holds;
  if (!answer) return Outcome::Unknown;
  const AgeRange band = age_range(*answer);
  const bool band_open = !band.max_years.has_value();
  const bool rule_open = !rule->max_years.has_value();
  const bool starts_inside = band.min_years >= rule->min_years;
  const bool ends_inside = rule_open || (!band_open && *band.max_years <= *rule->max_years);
  if (starts_inside && ends_inside) return Outcome::Holds;
  const bool overlaps = (rule_open || band.min_years <= *rule->max_years) &&
                        (band_open || rule->min_years <= *band.max_years);
  return overlaps ? Outcome::Unknown : Outcome::Fails;
}

constexpr std::array<std::pair<Category, std::string_view>, 7> kCategoryNames{{
    {Category::Vision, "vision"},
    {Category::Hearing, "hearing"},
    {Category::Speech, "speech"},
    {Category::Physical, "physical"},
    {Category::Intellectual, "intellectual"},
    {Category::Mental, "mental"},
    {Category::Multiple, "multiple"},
}};
constexpr std::array<std::pair<AgeBand, std::string_view>, 4> kAgeBandNames{{
    {AgeBand::Child0To6, "child_0_6"},
    {AgeBand::Child7To17, "child_7_17"},
    {AgeBand::Adult18To59, "adult_18_59"},
    {AgeBand::Senior60Plus, "senior_60_plus"},
}};
constexpr std::array<std::pair<Dibao, std::string_view>, 3> kDibaoNames{{
    {Dibao::Yes, "yes"},
    {Dibao::Marginal, "marginal"},
    {Dibao::No, "no"},
}};
constexpr std::array<std::pair<Hukou, std::string_view>, 2> kHukouNames{{
    {Hukou::Here, "here"},
    {Hukou::Elsewhere, "elsewhere"},
}};

template <typename E, std::size_t N>
std::string_view name_in(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> value_in(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace

const std::string& Text::in(std::string_view language) const {
  return language == "en" ? en : zh;
}

AgeRange age_range(AgeBand band) {
  switch (band) {
    case AgeBand::Child0To6: return {0, 6};
    case AgeBand::Child7To17: return {7, 17};
    case AgeBand::Adult18To59: return {18, 59};
    case AgeBand::Senior60Plus: return {60, std::nullopt};
  }
  return {0, std::nullopt};
}

std::optional<Certainty> evaluate(const Condition& condition, const Answers& answers) {
  const std::array<Outcome, 5> outcomes{
      check_category(condition.categories, answers.category),
      check_list(condition.grades, answers.grade),
      check_ages(condition.ages, answers.age_band),
      check_list(condition.dibao, answers.dibao),
      check_list(condition.hukou, answers.hukou),
  };
  const Outcome worst = *std::max_element(outcomes.begin(), outcomes.end());
  switch (worst) {
    case Outcome::Holds: return Certainty::Applies;
    case Outcome::Unknown: return Certainty::MayApply;
    case Outcome::Fails: return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Match> match(const CountyProfile& profile, const Answers& answers) {
  std::vector<Match> applies;
  std::vector<Match> may_apply;
  for (const Entitlement& entry : profile.entitlements) {
    std::optional<Certainty> best;
    if (entry.when.empty()) best = Certainty::Applies;
    for (const Condition& condition : entry.when) {
      const std::optional<Certainty> certainty = evaluate(condition, answers);
      if (certainty == Certainty::Applies) {
        best = Certainty::Applies;
        break;
      }
      if (certainty) best = certainty;
    }
    if (best == Certainty::Applies) applies.push_back({&entry, Certainty::Applies});
    else if (best == Certainty::MayApply) may_apply.push_back({&entry, Certainty::MayApply});
  }
  applies.insert(applies.end(), may_apply.begin(), may_apply.end());
  return applies;
}

std::string_view name_of(Category category) { return name_in(kCategoryNames, category); }
std::string_view name_of(AgeBand band) { return name_in(kAgeBandNames, band); }
std::string_view name_of(Dibao dibao) { return name_in(kDibaoNames, dibao); }
std::string_view name_of(Hukou hukou) { return name_in(kHukouNames, hukou); }

std::optional<Category> category_from_name(std::string_view name) {
  return value_in(kCategoryNames, name);
}
std::optional<AgeBand> age_band_from_name(std::string_view name) {
  return value_in(kAgeBandNames, name);
}
std::optional<Dibao> dibao_from_name(std::string_view name) { return value_in(kDibaoNames, name); }
std::optional<Hukou> hukou_from_name(std::string_view name) { return value_in(kHukouNames, name); }

}  // namespace kiosk::services::entitlements
