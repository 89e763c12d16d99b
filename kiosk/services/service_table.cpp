// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/service_table.h"

#include <array>

#include "kiosk/services/certificate/certificate_config.h"
#include "kiosk/services/child_aid/child_aid_config.h"
#include "kiosk/services/devices/devices_config.h"
#include "kiosk/services/entitlements/entitlements_config.h"
#include "kiosk/services/help_desk/help_desk_config.h"
#include "kiosk/services/identity/identity_config.h"
#include "kiosk/services/rehab/rehab_config.h"
#include "kiosk/services/subsidies/subsidies_config.h"

namespace kiosk::services {

namespace {

constexpr std::array<std::string_view, 3> kEntitlementSections{"document", "place", "entitlement"};
constexpr std::array<std::string_view, 1> kHelpDeskSections{"help_desk"};
constexpr std::array<std::string_view, 1> kSubsidiesSections{"subsidies"};
constexpr std::array<std::string_view, 1> kCertificateSections{"certificate"};
constexpr std::array<std::string_view, 1> kDevicesSections{"devices"};
constexpr std::array<std::string_view, 1> kChildAidSections{"child_aid"};

const std::array<ServiceEntry, 8> kServices{{
    {"entitlements", "Entitlements guide: local entitlements for a few optional answers (read-only)",
     kEntitlementSections, &entitlements::make_guide_service},
    {"help_desk", "Hotlines and the federation's window: numbers, hours and place from the county profile",
     kHelpDeskSections, &help_desk::make_help_desk_service},
    {"identity", "Identity: ID card or typed number with an SMS code or staff confirmation; agents acting for a resident",
     {}, &identity::make_identity_service},
    {"subsidies", "My subsidies: the two subsidies' state, amounts, payments, why not and what to do (live); apply (outbox)",
     kSubsidiesSections, &subsidies::make_subsidies_service},
    {"rehab", "Rehabilitation: what I can get and why, my plan, book, move and cancel sessions (live)", {}, &rehab::make_rehab_service},
    {"certificate", "Disability certificate: the card's state, the seven transactions (outbox) and following a case (live)",
     kCertificateSections, &certificate::make_certificate_service},
    {"devices", "Assistive devices: the county's catalogue, what the resident holds and asked for; new, repair, rental (outbox)",
     kDevicesSections, &devices::make_devices_service},
    {"child_aid", "Children's rehabilitation aid for a guardian: the county's age windows, age-out warning, institution, apply (outbox)",
     kChildAidSections, &child_aid::make_child_aid_service},
}};

}  // namespace

std::span<const ServiceEntry> service_table() { return kServices; }

const ServiceEntry* find_service(std::string_view id) {
  for (const auto& entry : kServices)
    if (entry.id == id) return &entry;
  return nullptr;
}

std::vector<std::string> sections_not_of(std::string_view id) {
  std::vector<std::string> out;
  for (const auto& entry : kServices)
    if (entry.id != id)
      for (std::string_view section : entry.county_sections) out.emplace_back(section);
  return out;
}

std::vector<std::unique_ptr<core::Service>> make_services(const std::vector<std::string>& ids, const CountyData& county,
                                                          SetupErrors& errors) {
  std::vector<std::unique_ptr<core::Service>> out;
  for (const auto& id : ids) {
    const ServiceEntry* entry = find_service(id);
    if (!entry) continue;   // the hall config's loader reports unknown ids with their line
    if (auto service = entry->make(county, sections_not_of(id), errors)) out.push_back(std::move(service));
  }
  return out;
}

}  // namespace kiosk::services
