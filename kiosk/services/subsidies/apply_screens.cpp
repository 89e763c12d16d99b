// SPDX-License-Identifier: GPL-3.0-or-later
// The application's screens (apply_flow.h). Every answer is read back on the summary, and
// the receipt says what happens next in the county's own words and numbers.
#include <string>

#include "kiosk/services/subsidies/apply_flow.h"

namespace kiosk::services::subsidies {

using core::Message;
using core::Node;
using core::Privacy;
using core::Role;
using core::Tree;

namespace {

Node button(const std::string& id, Message name = {}, Message hint = {}) {
  return core::make_node(id, Role::Button, name.empty() ? Message::of(id) : std::move(name), std::move(hint));
}

Node text(const std::string& id, Message name, Privacy privacy = Privacy::Public) {
  return core::make_node(id, Role::Text, std::move(name), {}, privacy);
}

std::string joined(const std::vector<Text>& texts, const std::string& language) {
  std::string out;
  for (const Text& t : texts) out += (out.empty() ? "" : (language == "en" ? ", " : "、")) + t.in(language);
  return out;
}

}  // namespace

Tree ApplyFlow::build(const County& county, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  Tree tree;
  switch (m_step) {
    case Step::Programme: tree = build_programme(county, lang); break;
    case Step::Residence: tree = build_residence(county, context); break;
    case Step::Bank: tree = build_bank(); break;
    case Step::Consent: tree = build_consent(context.visit); break;
    case Step::Refused: return build_refused(county, lang);
    case Step::Summary: tree = build_summary(county, context); break;
    case Step::Receipt: return build_receipt(county, context);
  }
  const int steps = needs_consent() ? 5 : 4;
  tree.steps = steps;
  tree.step = m_step == Step::Summary ? steps : static_cast<int>(m_step) + 1;
  return tree;
}

// The county that decides a residence-permit application: its name, or "your hukou county".
std::string ApplyFlow::routed_name(const County& county, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  const auto it = county.regions.find(m_offer.hukou_region);
  return it == county.regions.end() ? context.catalog.text("subsidy_apply.hukou_county", lang) : it->second.in(lang);
}

Tree ApplyFlow::build_programme(const County& county, const std::string& lang) const {
  Tree tree{"subsidy_apply_programme", Message::of("subsidy_apply_programme.title"),
            Message::of("subsidy_apply_programme.prompt"), {}};
  for (const std::string& id : m_offer.programmes) {
    const Programme& p = county.programme(id);
    std::string about = p.amount.in(lang);
    if (!p.widening.zh.empty()) about += (lang == "en" ? " " : "") + p.widening.in(lang);
    Node node = core::make_node("subsidy_apply_programme." + id, Role::Checkbox, Message::text(p.name.in(lang)), Message::text(about));
    node.state.selected = chosen(id);
    tree.nodes.push_back(std::move(node));
  }
  tree.nodes.push_back(button("subsidy_apply_programme.next"));
  tree.nodes.push_back(button("subsidy_apply_programme.back"));
  return tree;
}

Tree ApplyFlow::build_residence(const County& county, const core::ServiceContext& context) const {
  Tree tree{"subsidy_apply_residence", Message::of("subsidy_apply_residence.title"),
            Message::of("subsidy_apply_residence.prompt"), {}};
  Node here = button("subsidy_apply_residence.hukou");
  here.state.selected = m_residence == "hukou";
  tree.nodes.push_back(std::move(here));
  Node permit = button("subsidy_apply_residence.residence_permit", {},
                       Message::of("subsidy_apply_residence.residence_permit.hint").arg("county", routed_name(county, context)));
  permit.state.selected = m_residence == "residence_permit";
  tree.nodes.push_back(std::move(permit));
  return tree;
}

Tree ApplyFlow::build_bank() const {
  Tree tree{"subsidy_apply_bank", Message::of("subsidy_apply_bank.title"), Message::of("subsidy_apply_bank.prompt"), {}};
  if (m_offer.bank_ref.empty()) {
    tree.nodes.push_back(text("subsidy_apply_bank.none", Message::of("subsidy_apply_bank.none")));
  } else {
    Node on_file = button("subsidy_apply_bank.on_file", Message::of("subsidy_apply_bank.on_file").arg("account", m_offer.bank_masked));
    on_file.privacy = Privacy::Personal;
    on_file.state.selected = m_bank == "on_file";
    tree.nodes.push_back(std::move(on_file));
  }
  Node window = button("subsidy_apply_bank.at_window");
  window.state.selected = m_bank == "at_window";
  tree.nodes.push_back(std::move(window));
  return tree;
}

// The separate consent (PIPL Art. 29), on the kiosk's consent screen (screen id `consent`,
// docs/design.md): what data, for what, from which department; 同意 or 不同意, and 不同意 is
// never a dead end.
// For a resident under 14 only a guardian may agree: anyone else is told so, and refusing
// still leads to the window.
Tree ApplyFlow::build_consent(const core::Visit& visit) const {
  Tree tree{"consent", Message::of("subsidy_apply_consent.title"), Message::of("subsidy_apply_consent.prompt"), {}};
  for (const char* part : {"what", "purpose", "department", "keep"})
    tree.nodes.push_back(text(std::string("consent.") + part, Message::of(std::string("subsidy_apply_consent.") + part)));
  if (visit.consent_needs_guardian())
    tree.nodes.push_back(text("consent.guardian_only", Message::of("consent.guardian_only")));
  else
    tree.nodes.push_back(button("consent.agree", Message::of("subsidy_apply_consent.agree")));
  tree.nodes.push_back(button("consent.refuse", Message::of("subsidy_apply_consent.refuse")));
  return tree;
}

Tree ApplyFlow::build_refused(const County& county, const std::string& lang) const {
  Tree tree{"subsidy_apply_refused", Message::of("subsidy_apply_refused.title"), {}, {}};
  Message way = Message::of("subsidy_apply_refused.text");
  way.arg("window", county.window.in(lang)).arg("documents", joined(county.documents, lang));
  tree.nodes.push_back(text("subsidy_apply_refused.text", std::move(way)));
  tree.nodes.push_back(button("subsidy_apply_refused.consent"));
  tree.nodes.push_back(button("subsidy_apply_refused.status"));
  return tree;
}

Tree ApplyFlow::build_summary(const County& county, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  Tree tree{"subsidy_apply_summary", Message::of("subsidy_apply_summary.title"), Message::of("subsidy_apply_summary.prompt"), {}};
  std::string names;
  for (const auto& p : m_programmes) names += (names.empty() ? "" : (lang == "en" ? ", " : "、")) + county.programme(p).name.in(lang);
  tree.nodes.push_back(button("subsidy_apply_summary.programmes", Message::of("subsidy_apply_summary.programmes").arg("names", names),
                              Message::of("subsidy_apply_summary.change")));
  Message role = Message::of("subsidy_apply_summary.role." + applicant_role(context));
  role.arg("name", context.visit.masked_name);
  tree.nodes.push_back(text("subsidy_apply_summary.role", std::move(role), Privacy::Personal));
  Message residence = Message::of("subsidy_apply_summary.residence." + m_residence);
  if (m_residence == "residence_permit") residence.arg("county", routed_name(county, context));
  tree.nodes.push_back(button("subsidy_apply_summary.residence", std::move(residence), Message::of("subsidy_apply_summary.change")));
  Node bank = button("subsidy_apply_summary.bank", Message::of("subsidy_apply_summary.bank." + m_bank).arg("account", m_offer.bank_masked),
                     Message::of("subsidy_apply_summary.change"));
  bank.privacy = Privacy::Personal;
  tree.nodes.push_back(std::move(bank));
  if (m_consented) tree.nodes.push_back(text("subsidy_apply_summary.consent", Message::of("subsidy_apply_summary.consent")));
  Node submit = button("subsidy_apply_summary.submit");
  submit.state.busy = m_sending;
  tree.nodes.push_back(std::move(submit));
  if (!m_failure.empty()) tree.nodes.push_back(text("subsidy_apply_summary.failed", m_failure));
  return tree;
}

Tree ApplyFlow::build_receipt(const County& county, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  Tree tree{"subsidy_receipt", Message::of("subsidy_receipt.title"), {}, {}};
  tree.nodes.push_back(text("subsidy_receipt.saved", Message::of("subsidy_receipt.saved")));
  for (const Sent& sent : m_sent) {
    Message line = Message::of("subsidy_receipt.reference");
    line.arg("name", county.programme(sent.programme).name.in(lang)).arg("reference", sent.reference);
    tree.nodes.push_back(text("subsidy_receipt.reference." + sent.programme, std::move(line)));
  }
  if (!m_failure.empty()) tree.nodes.push_back(text("subsidy_receipt.failed", m_failure));
  tree.nodes.push_back(text("subsidy_receipt.next",
                            Message::of("subsidy_receipt.next").arg("days", std::to_string(county.decision_working_days))));
  if (m_residence == "residence_permit")
    tree.nodes.push_back(text("subsidy_receipt.routed", Message::of("subsidy_receipt.routed").arg("county", routed_name(county, context))));
  tree.nodes.push_back(text("subsidy_receipt.bring", Message::of(m_bank == "at_window" ? "subsidy_receipt.bring_bank" : "subsidy_receipt.bring")
                                                         .arg("documents", joined(county.documents, lang))
                                                         .arg("window", county.window.in(lang))));
  Message contact = Message::of(m_offer.sms_on_file ? "subsidy_receipt.sms" : "subsidy_receipt.no_sms");
  contact.arg("window", county.window.in(lang)).arg("hotline", county.hotline);
  tree.nodes.push_back(text("subsidy_receipt.contact", std::move(contact)));
  tree.nodes.push_back(button("subsidy_receipt.status"));
  return tree;
}

}  // namespace kiosk::services::subsidies
