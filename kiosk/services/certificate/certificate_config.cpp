// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/certificate/certificate_config.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "kiosk/services/certificate/certificate.h"
#include "kiosk/services/certificate/certificate_rules.h"
#include "kiosk/services/profile_config.h"

namespace kiosk::services::certificate {

namespace {

constexpr std::array<std::string_view, 7> kCategories{"vision", "hearing", "speech", "physical",
                                                      "intellectual", "mental", "multiple"};

// The shared profile checks, and lists of known names.
class Reader : public ProfileReader {
 public:
  using ProfileReader::ProfileReader;

  // A list of identifiers, each one of `allowed`.
  template <std::size_t N>
  std::vector<std::string> ids(const toml::table& table, std::string_view key, const std::array<std::string_view, N>& allowed,
                               std::string_view where) {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (!node) return out;
    const toml::array* list = node->as_array();
    if (!list || list->empty()) {
      error(node, std::string(key) + " in " + std::string(where) + " must be a non-empty list of names");
      return out;
    }
    for (const toml::node& item : *list) {
      const auto value = item.value<std::string>();
      if (!value || std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
        error(&item, std::string(key) + " in " + std::string(where) + ": \"" + value.value_or("?") + "\" is not one of the known names");
        continue;
      }
      out.push_back(*value);
    }
    return out;
  }
};

Document read_document(Reader& r, const toml::table& t) {
  constexpr std::string_view kWhere = "[[certificate.document]]";
  r.check_keys(t, {"id", "name", "why", "for", "categories", "guardian_only", "basis"}, kWhere);
  Document doc;
  const auto id = t["id"].value<std::string>();
  if (!id || !is_identifier(*id))
    r.error(t.get("id") ? t.get("id") : &t, "document id must be lower-case letters, digits and _");
  doc.id = id.value_or("");
  doc.name = r.text(t, "name", true, kWhere);
  doc.why = r.text(t, "why", true, kWhere);
  doc.transactions = r.ids(t, "for", kTransactions, kWhere);
  doc.categories = r.ids(t, "categories", kCategories, kWhere);
  doc.guardian_only = r.boolean(t, "guardian_only", kWhere, false);
  if (const toml::node* basis = t.get("basis")) {
    doc.basis = basis->value<std::string>().value_or("");
    if (doc.basis != "hukou" && doc.basis != "residence_permit")
      r.error(basis, "basis in [[certificate.document]] must be \"hukou\" or \"residence_permit\"");
  }
  return doc;
}

}  // namespace

CertificateConfig read_certificate_config(const CountyData& county, SetupErrors& errors) {
  Reader r(county, errors);
  CertificateConfig config;
  const toml::table& root = county.table;
  config.county = r.text(root, "name", true, "the profile");
  config.window = r.text(root, "dpf_address", true, "the profile");
  config.hotline = root["hotline"].value<std::string>().value_or("");
  config.region_code = root["region_code"].value<std::string>().value_or("");
  const toml::table* section = r.section("certificate", "warning_days, fee, appeal bodies, [[certificate.document]]");
  if (!section) return config;
  constexpr std::string_view kWhere = "[certificate]";
  r.check_keys(*section, {"warning_days", "fee", "fee_waiver", "home_assessment", "appeal_city", "appeal_province", "document"},
               kWhere);
  if (const toml::node* days = section->get("warning_days")) {
    const auto value = days->value<std::int64_t>();
    if (!days->is_integer() || !value || *value < 1 || *value > 365)
      r.error(days, "warning_days in [certificate] must be a whole number of days from 1 to 365");
    else
      config.warning_days = static_cast<int>(*value);
  } else {
    r.error(section, "missing warning_days in [certificate] (days before expiry a card counts as expiring)");
  }
  config.fee = r.text(*section, "fee", true, kWhere);
  config.fee_waiver = r.text(*section, "fee_waiver", false, kWhere);
  config.home_assessment = r.boolean(*section, "home_assessment", kWhere, false);
  config.appeal_city = r.text(*section, "appeal_city", true, kWhere);
  config.appeal_province = r.text(*section, "appeal_province", true, kWhere);
  std::set<std::string, std::less<>> seen;
  r.tables(*section, "certificate", "document", "documents", [&](const toml::table& t) {
    Document doc = read_document(r, t);
    if (!doc.id.empty() && !seen.insert(doc.id).second) r.error(t.get("id"), "duplicate document id \"" + doc.id + "\"");
    config.documents.push_back(std::move(doc));
  });
  return config;
}

std::unique_ptr<core::Service> make_certificate_service(const CountyData& county,
                                                        const std::vector<std::string>& other_sections,
                                                        SetupErrors& errors) {
  (void)other_sections;   // it reads only its own section and the profile's header
  return make_from_profile<CertificateService>(county, errors, read_certificate_config);
}

}  // namespace kiosk::services::certificate
