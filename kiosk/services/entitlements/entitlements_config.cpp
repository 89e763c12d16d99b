// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/entitlements/entitlements_config.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <set>
#include <system_error>
#include <toml++/toml.h>
#include <utility>

#include "kiosk/services/entitlements/guide_service.h"

namespace kiosk::services::entitlements {
namespace ent = kiosk::services::entitlements;
namespace {

constexpr std::int64_t kSchemaVersion = 1;
constexpr std::int64_t kMaxAge = 120;

enum class Presence { Required, Optional };

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string join(std::initializer_list<std::string_view> names) {
  std::string out;
  for (std::string_view n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    default: return "a date or time";
  }
}

bool is_identifier(std::string_view s) {
  if (s.empty() || s.front() < 'a' || s.front() > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Walks the parsed document and records every problem with its line.
class Checker {
 public:
  explicit Checker(std::string file) : m_file(std::move(file)) {}

  std::vector<DeploymentError> take_errors() {
    std::stable_sort(m_errors.begin(), m_errors.end(),
                     [](const DeploymentError& a, const DeploymentError& b) { return a.line < b.line; });
    return std::move(m_errors);
  }
  bool failed() const { return !m_errors.empty(); }

  void error(std::size_t line, std::string message) {
    m_errors.push_back({m_file, line, std::move(message)});
  }
  static std::size_t line_of(const toml::node& node) {
    return std::max<std::size_t>(1, node.source().begin.line);
  }

  // skipped: keys that belong to someone else (other services' sections).
  void check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                  std::string_view where, const std::vector<std::string>& skipped = {}) {
    for (auto&& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      if (std::find(skipped.begin(), skipped.end(), key.str()) != skipped.end()) continue;
      const std::size_t line = key.source().begin.line ? key.source().begin.line : line_of(node);
      error(line, "unknown key " + in_quotes(key.str()) + " in " + std::string(where) +
                      " (allowed: " + join(allowed) + ")");
    }
  }

  const toml::node* find(const toml::table& table, std::string_view key, Presence presence,
                         std::string_view where) {
    const toml::node* node = table.get(key);
    if (!node && presence == Presence::Required)
      error(line_of(table), "missing key " + in_quotes(key) + " in " + std::string(where));
    return node;
  }

  std::optional<std::string> string_at(const toml::table& table, std::string_view key,
                                       Presence presence, std::string_view where) {
    const toml::node* node = find(table, key, presence, where);
    if (!node) return std::nullopt;
    const auto* value = node->as_string();
    if (!value) {
      error(line_of(*node), in_quotes(key) + " in " + std::string(where) + " must be a string, not " +
                                std::string(type_name(*node)));
      return std::nullopt;
    }
    if (value->get().empty()) {
      error(line_of(*node), in_quotes(key) + " in " + std::string(where) + " must not be empty");
      return std::nullopt;
    }
    return value->get();
  }

  std::optional<std::int64_t> integer_at(const toml::table& table, std::string_view key,
                                         std::string_view where) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (const auto* value = node->as_integer()) return value->get();
    error(line_of(*node), in_quotes(key) + " in " + std::string(where) + " must be an integer, not " +
                              std::string(type_name(*node)));
    return std::nullopt;
  }

  // A { zh = "...", en = "..." } table; both languages are required.
  std::optional<ent::Text> text_at(const toml::table& table, std::string_view key,
                                   Presence presence, std::string_view where) {
    const toml::node* node = find(table, key, presence, where);
    if (!node) return std::nullopt;
    const std::string inner = std::string(where) + "." + std::string(key);
    const toml::table* text = node->as_table();
    if (!text) {
      error(line_of(*node), in_quotes(key) + " in " + std::string(where) +
                                " must be a table { zh = \"...\", en = \"...\" }, not " +
                                std::string(type_name(*node)));
      return std::nullopt;
    }
    return text_in(*text, inner);
  }

  std::optional<ent::Text> text_in(const toml::table& table, std::string_view where) {
    check_keys(table, {"zh", "en"}, where);
    return text_fields(table, where);
  }

  // The zh and en fields of a table whose other keys the caller checks.
  std::optional<ent::Text> text_fields(const toml::table& table, std::string_view where) {
    auto zh = string_at(table, "zh", Presence::Required, where);
    auto en = string_at(table, "en", Presence::Required, where);
    if (!zh || !en) return std::nullopt;
    return ent::Text{std::move(*zh), std::move(*en)};
  }

  // Calls `each` for every table of an array of tables ([[key]]).
  void for_each_table(const toml::table& table, std::string_view key,
                      const std::function<void(const toml::table&)>& each) {
    const toml::node* node = table.get(key);
    if (!node) return;
    const toml::array* array = node->as_array();
    if (!array) {
      error(line_of(*node), in_quotes(key) + " must be an array of tables written [[" +
                                std::string(key) + "]], not " + std::string(type_name(*node)));
      return;
    }
    for (const toml::node& element : *array) {
      if (const toml::table* t = element.as_table()) each(*t);
      else error(line_of(element), "each " + in_quotes(key) + " must be a table, not " +
                                       std::string(type_name(element)));
    }
  }

  // An array of names, each mapped through `parse`; unknown names are errors.
  template <typename E>
  std::vector<E> names_at(const toml::table& table, std::string_view key, std::string_view what,
                          std::optional<E> (*parse)(std::string_view),
                          std::initializer_list<std::string_view> known, std::string_view where) {
    std::vector<E> out;
    const toml::node* node = table.get(key);
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array || array->empty()) {
      error(line_of(*node), in_quotes(key) + " in " + std::string(where) +
                                " must be a non-empty array of names (" + join(known) + ")");
      return out;
    }
    for (const toml::node& element : *array) {
      const auto* name = element.as_string();
      std::optional<E> value = name ? parse(name->get()) : std::nullopt;
      if (!value) {
        error(line_of(element), "unknown " + std::string(what) + " " +
                                    (name ? in_quotes(name->get()) : std::string(type_name(element))) +
                                    " in " + std::string(where) + " (expected one of " + join(known) + ")");
      } else if (std::find(out.begin(), out.end(), *value) != out.end()) {
        error(line_of(element), std::string(what) + " " + in_quotes(name->get()) + " listed twice in " +
                                    std::string(where));
      } else {
        out.push_back(*value);
      }
    }
    return out;
  }

 private:
  std::string m_file;
  std::vector<DeploymentError> m_errors;
};

// A catalogue of id -> text ([[document]] or [[place]]).
using Catalogue = std::map<std::string, ent::Text, std::less<>>;

Catalogue read_catalogue(Checker& c, const toml::table& root, std::string_view key) {
  Catalogue out;
  const std::string where = "[[" + std::string(key) + "]]";
  c.for_each_table(root, key, [&](const toml::table& t) {
    c.check_keys(t, {"id", "zh", "en"}, where);
    auto id = c.string_at(t, "id", Presence::Required, where);
    if (id && !is_identifier(*id))
      c.error(Checker::line_of(*t.get("id")), std::string(key) + " id " + in_quotes(*id) +
                                                  " must be lower-case letters, digits and _");
    const std::string inner = where + " " + (id ? in_quotes(*id) : std::string("(no id)"));
    auto text = c.text_fields(t, inner);
    if (!id || !text) return;
    if (!out.emplace(*id, std::move(*text)).second)
      c.error(Checker::line_of(*t.get("id")), "duplicate " + std::string(key) + " id " + in_quotes(*id));
  });
  return out;
}

ent::Condition read_condition(Checker& c, const toml::table& t, std::string_view where) {
  c.check_keys(t, {"categories", "grades", "min_age", "max_age", "dibao", "hukou"}, where);
  ent::Condition out;
  out.categories = c.names_at<ent::Category>(
      t, "categories", "category", ent::category_from_name,
      {"vision", "hearing", "speech", "physical", "intellectual", "mental", "multiple"}, where);
  out.dibao = c.names_at<ent::Dibao>(t, "dibao", "dibao status", ent::dibao_from_name,
                                     {"yes", "marginal", "no"}, where);
  out.hukou = c.names_at<ent::Hukou>(t, "hukou", "hukou place", ent::hukou_from_name,
                                     {"here", "elsewhere"}, where);
  if (const toml::node* node = t.get("grades")) {
    const toml::array* array = node->as_array();
    if (!array || array->empty())
      c.error(Checker::line_of(*node), "\"grades\" in " + std::string(where) +
                                           " must be a non-empty array of grades 1-4");
    else
      for (const toml::node& g : *array) {
        const auto* value = g.as_integer();
        if (!value || value->get() < 1 || value->get() > 4)
          c.error(Checker::line_of(g), "grade must be an integer from 1 to 4, not " +
                                           (value ? std::to_string(value->get()) : std::string(type_name(g))) +
                                           ", in " + std::string(where));
        else if (std::find(out.grades.begin(), out.grades.end(), value->get()) != out.grades.end())
          c.error(Checker::line_of(g), "grade " + std::to_string(value->get()) + " listed twice");
        else
          out.grades.push_back(static_cast<int>(value->get()));
      }
  }
  const auto min_age = c.integer_at(t, "min_age", where);
  const auto max_age = c.integer_at(t, "max_age", where);
  for (const auto& [key, age] : {std::pair{"min_age", min_age}, std::pair{"max_age", max_age}}) {
    if (age && (*age < 0 || *age > kMaxAge))
      c.error(Checker::line_of(*t.get(key)), std::string(key) + " " + std::to_string(*age) +
                                                 " is outside 0-" + std::to_string(kMaxAge) + " years in " +
                                                 std::string(where));
  }
  if (min_age && max_age && *min_age > *max_age)
    c.error(Checker::line_of(*t.get("max_age")), "max_age " + std::to_string(*max_age) +
                                                     " is below min_age " + std::to_string(*min_age) + " in " +
                                                     std::string(where));
  if (min_age || max_age) {
    ent::AgeRange range;
    range.min_years = static_cast<int>(std::clamp<std::int64_t>(min_age.value_or(0), 0, kMaxAge));
    if (max_age) range.max_years = static_cast<int>(std::clamp<std::int64_t>(*max_age, 0, kMaxAge));
    out.ages = range;
  }
  return out;
}

std::optional<ent::Entitlement> read_entitlement(Checker& c, const toml::table& t,
                                                 const Catalogue& documents, const Catalogue& places) {
  c.check_keys(t, {"id", "name", "summary", "where", "bring", "note", "when"}, "[[entitlement]]");
  ent::Entitlement out;
  auto id = c.string_at(t, "id", Presence::Required, "[[entitlement]]");
  if (id && !is_identifier(*id))
    c.error(Checker::line_of(*t.get("id")), "entitlement id " + in_quotes(*id) +
                                                " must be lower-case letters, digits and _");
  const std::string where = "entitlement " + (id ? in_quotes(*id) : std::string("(no id)"));
  auto name = c.text_at(t, "name", Presence::Required, where);
  auto summary = c.text_at(t, "summary", Presence::Required, where);
  auto note = c.text_at(t, "note", Presence::Optional, where);
  auto place = c.string_at(t, "where", Presence::Required, where);
  std::optional<ent::Text> where_to_claim;
  if (place) {
    if (auto it = places.find(*place); it != places.end()) where_to_claim = it->second;
    else c.error(Checker::line_of(*t.get("where")), "unknown place " + in_quotes(*place) + " in " + where +
                                                        " (declare it in a [[place]] table)");
  }
  if (const toml::node* bring = c.find(t, "bring", Presence::Optional, where)) {
    const toml::array* array = bring->as_array();
    if (!array || array->empty())
      c.error(Checker::line_of(*bring), "\"bring\" in " + where + " must be a non-empty array of document ids");
    else
      for (const toml::node& d : *array) {
        const auto* doc = d.as_string();
        auto it = doc ? documents.find(doc->get()) : documents.end();
        if (it == documents.end())
          c.error(Checker::line_of(d), "unknown document " + (doc ? in_quotes(doc->get()) : std::string(type_name(d))) +
                                           " in " + where + " (declare it in a [[document]] table)");
        else
          out.what_to_bring.push_back(it->second);
      }
  }
  c.for_each_table(t, "when", [&](const toml::table& w) {
    out.when.push_back(read_condition(c, w, where + " [[entitlement.when]]"));
  });
  if (!id || !name || !summary || !where_to_claim) return std::nullopt;
  out.id = std::move(*id);
  out.name = std::move(*name);
  out.summary = std::move(*summary);
  out.where_to_claim = std::move(*where_to_claim);
  out.note = std::move(note);
  return out;
}

ent::CountyProfile read_profile(Checker& c, const toml::table& root, std::string_view stem,
                                const std::vector<std::string>& other_sections) {
  constexpr std::string_view kRoot = "the profile";
  c.check_keys(root, {"schema", "id", "region_code", "version", "hotline", "name", "province",
                      "dpf_address", "document", "place", "entitlement"}, kRoot, other_sections);
  ent::CountyProfile out;
  if (!root.get("schema")) c.error(1, "missing key \"schema\" (this loader reads schema = 1)");
  else if (auto schema = c.integer_at(root, "schema", kRoot); schema && *schema != kSchemaVersion)
    c.error(Checker::line_of(*root.get("schema")), "schema " + std::to_string(*schema) +
                                                       " is not supported (this loader reads schema = 1)");
  out.id = c.string_at(root, "id", Presence::Required, kRoot).value_or("");
  if (!out.id.empty() && out.id != stem)
    c.error(Checker::line_of(*root.get("id")), "id " + in_quotes(out.id) + " does not match the file name " +
                                                   in_quotes(std::string(stem) + ".toml"));
  out.region_code = c.string_at(root, "region_code", Presence::Required, kRoot).value_or("");
  if (!out.region_code.empty() && (out.region_code.size() != 6 || !all_digits(out.region_code)))
    c.error(Checker::line_of(*root.get("region_code")), "region_code " + in_quotes(out.region_code) +
                                                            " must be six digits (GB/T 2260)");
  out.version = c.string_at(root, "version", Presence::Required, kRoot).value_or("");
  out.hotline = c.string_at(root, "hotline", Presence::Required, kRoot).value_or("");
  if (!out.hotline.empty() && !all_digits(out.hotline))
    c.error(Checker::line_of(*root.get("hotline")), "hotline " + in_quotes(out.hotline) + " must be digits only");
  out.name = c.text_at(root, "name", Presence::Required, kRoot).value_or(ent::Text{});
  out.province = c.text_at(root, "province", Presence::Required, kRoot).value_or(ent::Text{});
  out.dpf_address = c.text_at(root, "dpf_address", Presence::Required, kRoot).value_or(ent::Text{});

  const Catalogue documents = read_catalogue(c, root, "document");
  const Catalogue places = read_catalogue(c, root, "place");
  std::set<std::string, std::less<>> ids;
  c.for_each_table(root, "entitlement", [&](const toml::table& t) {
    auto entry = read_entitlement(c, t, documents, places);
    if (!entry) return;
    if (!ids.insert(entry->id).second)
      c.error(Checker::line_of(*t.get("id")), "duplicate entitlement id " + in_quotes(entry->id));
    out.entitlements.push_back(std::move(*entry));
  });
  if (!root.get("entitlement"))
    c.error(1, "the profile lists no entitlements (add [[entitlement]] tables)");
  return out;
}

}  // namespace

std::string DeploymentError::describe() const {
  if (line == 0) return file + ": " + message;
  return file + ":" + std::to_string(line) + ": " + message;
}

std::string DeploymentLoadResult::describe() const {
  std::string out;
  for (const DeploymentError& e : errors) out += e.describe() + "\n";
  return out;
}

DeploymentLoadResult read_county_profile(const toml::table& root, const std::string& file_name,
                                         std::string_view stem, const std::vector<std::string>& other_sections) {
  DeploymentLoadResult result;
  Checker checker(file_name);
  ent::CountyProfile profile = read_profile(checker, root, stem, other_sections);
  if (checker.failed()) result.errors = checker.take_errors();
  else result.profile = std::move(profile);
  return result;
}

DeploymentLoadResult load_deployment(const std::filesystem::path& file, const std::vector<std::string>& other_sections) {
  const std::string name = file.string();
  DeploymentLoadResult result;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    result.errors.push_back({name, 0, "cannot read the deployment profile (no such file)"});
    return result;
  }
  toml::table root;
#if TOML_EXCEPTIONS
  try {
    root = toml::parse_file(name);
  } catch (const toml::parse_error& e) {
    result.errors.push_back({name, e.source().begin.line, "TOML syntax: " + std::string(e.description())});
    return result;
  }
#else
  toml::parse_result parsed = toml::parse_file(name);
  if (!parsed) {
    result.errors.push_back({name, parsed.error().source().begin.line,
                             "TOML syntax: " + std::string(parsed.error().description())});
    return result;
  }
  root = std::move(parsed).table();
#endif
  return read_county_profile(root, name, file.stem().string(), other_sections);
}

DeploymentLoadResult load_deployment(const std::filesystem::path& config_dir, std::string_view county_id,
                                     const std::vector<std::string>& other_sections) {
  const std::filesystem::path file = config_dir / "deployments" / (std::string(county_id) + ".toml");
  if (!is_identifier(county_id)) {
    DeploymentLoadResult result;
    result.errors.push_back({file.string(), 0, "county id " + in_quotes(county_id) +
                                                   " must be lower-case letters, digits and _"});
    return result;
  }
  return load_deployment(file, other_sections);
}

std::unique_ptr<core::Service> make_guide_service(const CountyData& county, const std::vector<std::string>& other_sections,
                                                  SetupErrors& errors) {
  DeploymentLoadResult result = read_county_profile(county.table, county.file, county.id, other_sections);
  for (auto& e : result.errors) errors.push_back({e.file, e.line, std::move(e.message)});
  if (!result.ok()) return nullptr;
  return std::make_unique<GuideService>(std::move(*result.profile));
}

}  // namespace kiosk::services::entitlements
