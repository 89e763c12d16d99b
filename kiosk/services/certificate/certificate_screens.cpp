// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate service's screens: one tree per step (certificate.h lists their ids).
#include <array>
#include <utility>

#include "kiosk/services/certificate/certificate.h"
#include "kiosk/services/certificate/certificate_rules.h"
#include "kiosk/services/certificate/certificate_screen_parts.h"

namespace kiosk::services::certificate {

Message CertificateService::with_county(std::string id, const std::string& language) const {
  Message message = Message::of(std::move(id));
  message.arg("window", m_config.window.in(language))
      .arg("hotline", m_config.hotline)
      .arg("city", m_config.appeal_city.in(language))
      .arg("province", m_config.appeal_province.in(language));
  return message;
}

Tree CertificateService::build(const core::ServiceContext& context) const {
  if (m_flow.active()) return m_flow.build(context);
  const std::string& lang = context.settings.language;
  switch (m_step) {
    case Step::Status: return build_status(context);
    case Step::Basis: return build_basis(context);
    case Step::Assessment: return build_assessment();
    case Step::Documents: return build_documents(lang);
    case Step::Options: return build_options(lang);
    case Step::Consent: return build_consent(lang, context.visit);
    case Step::Summary: return build_summary(context);
    case Step::Receipt: return build_receipt(lang);
    case Step::Refused: return build_refused(lang);
    case Step::Case: return build_case(context);
  }
  return build_status(context);
}

Tree CertificateService::build_status(const core::ServiceContext& context) const {
  Tree tree = screen("certificate");
  if (m_status == Load::Loading) {
    Node loading = core::make_node("certificate.loading", Role::Status, Message::of("certificate.loading"));
    loading.state.busy = true;
    tree.nodes.push_back(std::move(loading));
  } else if (m_status == Load::Failed) {
    tree.nodes.push_back(text("certificate.failed", m_failure));
    tree.nodes.push_back(button("certificate.retry"));
  } else {
    add_card(context, tree);
    for (const std::string& type : offered_transactions(card_state(context)))
      tree.nodes.push_back(core::make_node(kApplyPrefix + type, Role::Button, Message::of("certificate.type." + type),
                                           Message::of("certificate.apply.hint")));
    for (const core::Value& app : m_answer["applications"].as_array()) {
      const std::string id = app.string_at("application_id");
      if (id.empty() || !is_transaction(app.string_at("type"))) continue;
      Node item = core::make_node("certificate.case." + id, Role::Button,
                                  Message::of("certificate.case_item.type." + app.string_at("type")),
                                  Message::of("certificate.case_item.hint"), Privacy::Personal);
      tree.nodes.push_back(std::move(item));
    }
    tree.nodes.push_back(button("certificate.find_case"));
    if (!context.headset && !context.speaker_consent) tree.nodes.push_back(button("certificate.speaker"));
  }
  tree.nodes.push_back(button("certificate.home"));
  return tree;
}

// The card: state first (what the resident most needs), then expiry and generation, then
// category and grade (personal) with what 重度 means.
void CertificateService::add_card(const core::ServiceContext& context, Tree& tree) const {
  const std::string& lang = context.settings.language;
  tree.nodes.push_back(text("certificate.data_as_of", Message::of("certificate.data_as_of").arg("date", date_of(m_data_as_of, lang))));
  const core::Value& card = m_answer["certificate"];
  const std::string state = card_state(context);
  Message said = with_county("certificate.state." + state, lang);
  said.arg("date", date_words(card.string_at("expires_on"), lang)).arg("days", std::to_string(m_config.warning_days));
  said.arg("cancelled", date_words(card.string_at("cancelled_on"), lang));
  tree.nodes.push_back(text("certificate.state", std::move(said), Privacy::Personal));
  if (!card.is_object()) return;
  if (state != "cancelled") {   // a cancelled card's expiry and form no longer matter
    tree.nodes.push_back(text("certificate.expiry",
                              Message::of("certificate.expiry").arg("date", date_words(card.string_at("expires_on"), lang)),
                              Privacy::Personal));
    if (const std::string generation = card.string_at("generation"); is_generation(generation))
      tree.nodes.push_back(text("certificate.generation", Message::of("certificate.generation." + generation)));
  }
  tree.nodes.push_back(text("certificate.number", Message::of("certificate.number").arg("number", card.string_at("number_masked")),
                            Privacy::Personal));
  const std::string category = category_id(card["category"].as_int());
  const long grade = card["grade"].as_int();
  if (!category.empty() && grade >= 1 && grade <= 4) {
    static constexpr std::array<const char*, 4> kGrades{"一级", "二级", "三级", "四级"};
    Message words = Message::of("certificate.category." + category);
    words.arg("grade", lang == "en" ? std::to_string(grade) : kGrades[static_cast<std::size_t>(grade - 1)]);
    tree.nodes.push_back(text("certificate.category", std::move(words), Privacy::Personal));
    tree.nodes.push_back(text("certificate.severity", Message::of(severe(grade) ? "certificate.severe" : "certificate.not_severe"),
                              Privacy::Personal));
  }
}

Tree CertificateService::build_basis(const core::ServiceContext& context) const {
  Tree tree = screen("certificate_apply_basis");
  tree.title = Message::of("certificate.type." + m_apply.type);
  Message who = Message::of("certificate_apply_basis.who." + m_apply.role);
  who.arg("name", m_visit_name.empty() ? context.visit.masked_name : m_visit_name);
  tree.nodes.push_back(text("certificate_apply_basis.who", std::move(who), Privacy::Personal));
  for (const char* basis : {"hukou", "residence_permit"}) {
    Node choice = button(std::string("certificate_apply_basis.") + basis, Message::of(std::string("certificate_apply_basis.") + basis + ".hint"));
    choice.state.selected = m_apply.basis == basis;
    tree.nodes.push_back(std::move(choice));
  }
  return tree;
}

Tree CertificateService::build_assessment() const {
  Tree tree = screen("certificate_apply_assessment");
  tree.nodes.push_back(text("certificate_apply_assessment.about", Message::of("certificate_apply_assessment.about")));
  // A time at an institution (the slot flow): for the card's category on a change of
  // grade; a new applicant says which kind of disability the assessment is for.
  if (m_apply.type == "reclassify" && !category_id(category()).empty()) {
    tree.nodes.push_back(button("certificate_apply_assessment.book"));
  } else {
    for (long n = 1; n <= 7; ++n)
      tree.nodes.push_back(core::make_node("certificate_apply_assessment.book." + std::to_string(n), Role::Button,
                                           Message::of("certificate_apply_assessment.book." + category_id(n))));
  }
  if (m_config.home_assessment) tree.nodes.push_back(button("certificate_apply_assessment.home_visit"));
  tree.nodes.push_back(button("certificate_apply_assessment.window"));
  return tree;
}

Tree CertificateService::build_documents(const std::string& lang) const {
  Tree tree = screen("certificate_apply_documents");
  const auto items = checklist();
  if (items.empty()) {
    tree.nodes.push_back(text("certificate_apply_documents.item", Message::of("certificate_apply_documents.none")));
  } else {
    const std::size_t at = std::min(m_apply.document, items.size() - 1);
    Message item = Message::of("certificate_apply_documents.item");
    item.arg("n", std::to_string(at + 1)).arg("count", std::to_string(items.size())).arg("name", items[at]->name.in(lang));
    tree.nodes.push_back(text("certificate_apply_documents.item", std::move(item)));
    tree.nodes.push_back(text("certificate_apply_documents.why",
                              Message::of("certificate_apply_documents.why").arg("why", items[at]->why.in(lang))));
    const bool last = at + 1 >= items.size();
    tree.nodes.push_back(core::make_node("certificate_apply_documents.next", Role::Button,
                                         Message::of(last ? "certificate_apply_documents.done" : "certificate_apply_documents.next")));
    if (at > 0) tree.nodes.push_back(button("certificate_apply_documents.previous"));
    return tree;
  }
  tree.nodes.push_back(core::make_node("certificate_apply_documents.next", Role::Button, Message::of("certificate_apply_documents.done")));
  return tree;
}

Tree CertificateService::build_options(const std::string& lang) const {
  Tree tree = screen("certificate_apply_options");
  tree.nodes.push_back(text("certificate_apply_options.fee", Message::text(m_config.fee.in(lang))));
  if (m_config.home_assessment) {
    Node home = core::make_node("certificate_apply_options.home_visit", Role::Checkbox,
                                Message::of("certificate_apply_options.home_visit"), Message::of("certificate_apply_options.home_visit.hint"));
    home.state.selected = m_apply.home_visit;
    tree.nodes.push_back(std::move(home));
  }
  if (!m_config.fee_waiver.zh.empty()) {
    Node waiver = core::make_node("certificate_apply_options.fee_waiver", Role::Checkbox,
                                  Message::of("certificate_apply_options.fee_waiver").arg("text", m_config.fee_waiver.in(lang)));
    waiver.state.selected = m_apply.fee_waiver;
    tree.nodes.push_back(std::move(waiver));
  }
  for (const char* way : {"pickup", "mail"}) {
    Node choice = core::make_node(std::string("certificate_apply_options.") + way, Role::Choice,
                                  with_county(std::string("certificate_apply_options.") + way, lang));
    choice.state.selected = m_apply.mail == (std::string(way) == "mail");
    tree.nodes.push_back(std::move(choice));
  }
  if (m_apply.mail) {
    // The gateway's address on file, down to the village (a person with no card has one too).
    std::string address = m_answer.string_at("address_masked");
    if (address.empty()) address = m_answer["certificate"].string_at("address_masked");
    tree.nodes.push_back(text("certificate_apply_options.address",
                              address.empty() ? Message::of("certificate_apply_options.address_on_file")
                                              : Message::of("certificate_apply_options.address").arg("address", address),
                              Privacy::Personal));
  }
  tree.nodes.push_back(button("certificate_apply_options.next"));
  return tree;
}

// For a resident under 14 only a guardian may agree (PIPL art. 31); declining still
// leads to the window.
Tree CertificateService::build_consent(const std::string& lang, const core::Visit& visit) const {
  Tree tree = screen("certificate_apply_consent");
  Message what = Message::of(needs_assessment(m_apply.type) ? "certificate_apply_consent.what_assessment"
                                                            : "certificate_apply_consent.what_county");
  what.arg("county", region_name(m_answer["hukou_region"].as_string(), lang));
  tree.nodes.push_back(text("certificate_apply_consent.what", std::move(what)));
  if (m_apply.basis == "residence_permit" && needs_assessment(m_apply.type))
    tree.nodes.push_back(text("certificate_apply_consent.also_county",
                              Message::of("certificate_apply_consent.what_county").arg("county", region_name(m_answer["hukou_region"].as_string(), lang))));
  tree.nodes.push_back(text("certificate_apply_consent.why", Message::of("certificate_apply_consent.why")));
  if (visit.consent_needs_guardian())
    tree.nodes.push_back(text("certificate_apply_consent.guardian_only", Message::of("consent.guardian_only")));
  else
    tree.nodes.push_back(button("certificate_apply_consent.agree"));
  tree.nodes.push_back(button("certificate_apply_consent.decline"));
  return tree;
}

}  // namespace kiosk::services::certificate
