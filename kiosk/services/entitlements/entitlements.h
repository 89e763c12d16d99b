// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Entitlements guide (优待, docs/domain.md 3.8): which local entitlements a resident may
// claim, given a few optional answers, and where to claim them with what to bring.
//
// Read-only and advisory: the kiosk never decides eligibility (docs/domain.md, rule 1). A
// Match says only that the county profile lists the entry for these answers; the
// office named in `where_to_claim` decides.
//
// Pure data and logic: no files, no threads, no third-party libraries. The county
// profile is loaded from config/deployments/<county>.toml by the app
// (kiosk/app/deployment_loader.h) and handed to the core as a CountyProfile value.
// Everything here may be called from the main thread only (like all core objects);
// the functions hold no state.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::services::entitlements {

// Disability category: the 19th character of the certificate number (docs/domain.md 2).
enum class Category { Vision = 1, Hearing = 2, Speech = 3, Physical = 4, Intellectual = 5,
                      Mental = 6, Multiple = 7 };

// Coarse age bands the guide asks about. County rules are written in years (e.g.
// Houma's internship subsidy at 16-24); a band that only partly overlaps a rule's
// years gives Certainty::MayApply, and the entry's text states the exact ages.
enum class AgeBand { Child0To6, Child7To17, Adult18To59, Senior60Plus };

// Household income support. Marginal = 低保边缘家庭, the family just above the line
// (Wuda and Tongxin widen the living allowance to it).
enum class Dibao { Yes, Marginal, No };

// Where the person's hukou is: in this county, or elsewhere (living here on a
// residence permit, 居住证).
enum class Hukou { Here, Elsewhere };

// The resident's answers. nullopt = skipped ("I don't know" / "rather not say").
struct Answers {
  std::optional<Category> category;
  std::optional<int> grade;          // 1 (most severe) .. 4; multiple takes its worst part
  std::optional<AgeBand> age_band;
  std::optional<Dibao> dibao;
  std::optional<Hukou> hukou;
};

// One text in both kiosk languages. zh is plain, short Chinese: it is spoken and brailled.
struct Text {
  std::string zh;
  std::string en;
  // "en" gives English; any other language (zh-CN is the default) gives Chinese.
  const std::string& in(std::string_view language) const;
  bool operator==(const Text&) const = default;
};

// Inclusive age range in whole years.
struct AgeRange {
  int min_years = 0;
  std::optional<int> max_years;      // nullopt = no upper limit
  bool operator==(const AgeRange&) const = default;
};

// One set of conditions; every present field must hold. An empty list / nullopt
// means "any". An entitlement with several Conditions applies if any one holds.
struct Condition {
  std::vector<Category> categories;
  std::vector<int> grades;           // allowed grades, each 1..4
  std::optional<AgeRange> ages;
  std::vector<Dibao> dibao;
  std::vector<Hukou> hukou;
  bool operator==(const Condition&) const = default;
};

struct Entitlement {
  std::string id;                    // stable snake_case, unique within a profile
  Text name;
  Text summary;
  Text where_to_claim;
  std::vector<Text> what_to_bring;   // in the order to show
  std::optional<Text> note;          // e.g. a finer rule than the questions can tell
  std::vector<Condition> when;       // empty = for every certificate holder
};

struct CountyProfile {
  std::string id;                    // e.g. "houma"; equals the file's stem
  std::string region_code;           // GB/T 2260, six digits, e.g. "141081"
  Text name;
  Text province;
  std::string hotline;               // digits as dialled, e.g. "12385"
  Text dpf_address;
  std::string version;               // the profile's own version string
  std::vector<Entitlement> entitlements;
};

enum class Certainty {
  Applies,    // every condition holds for the answers given
  MayApply,   // nothing fails, but some condition rests on a skipped or coarse answer
};

struct Match {
  const Entitlement* entitlement;    // points into the profile passed to match()
  Certainty certainty;
};

// Entries of `profile` for `answers`: every Applies entry first, then every MayApply
// entry, each group in profile order. An entry whose conditions fail on a given answer
// is left out. The pointers stay valid while `profile` lives and is not modified.
std::vector<Match> match(const CountyProfile& profile, const Answers& answers);

// How one condition set fares; nullopt = excluded. Exposed for tests and for "why".
std::optional<Certainty> evaluate(const Condition& condition, const Answers& answers);

// Inclusive ages of a band in years; Senior60Plus has no upper limit.
AgeRange age_range(AgeBand band);

// Stable identifiers used in config files and transcripts (docs/domain.md 2):
// "vision" ... "multiple"; "child_0_6", "child_7_17", "adult_18_59", "senior_60_plus";
// "yes", "marginal", "no"; "here", "elsewhere". from_name returns nullopt for unknown names.
std::string_view name_of(Category category);
std::string_view name_of(AgeBand band);
std::string_view name_of(Dibao dibao);
std::string_view name_of(Hukou hukou);
std::optional<Category> category_from_name(std::string_view name);
std::optional<AgeBand> age_band_from_name(std::string_view name);
std::optional<Dibao> dibao_from_name(std::string_view name);
std::optional<Hukou> hukou_from_name(std::string_view name);

}  // namespace kiosk::services::entitlements
