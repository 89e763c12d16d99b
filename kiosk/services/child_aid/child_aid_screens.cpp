// SPDX-License-Identifier: GPL-3.0-or-later
// The children's rehabilitation aid screens: status (windows, age-out warning, cases, the
// yearly review), the designated institution, summary, receipt.
#include "kiosk/services/child_aid/child_aid.h"
#include "kiosk/services/subsidies/subsidies.h"

namespace kiosk::services::child_aid {

using core::Message;
using core::Node;
using core::Privacy;
using core::Role;
using subsidies::date_words;

namespace {

void add(core::Tree& tree, std::string id, Role role, Message name, Privacy privacy = Privacy::Public) {
  tree.nodes.push_back(core::make_node(std::move(id), role, std::move(name), {}, privacy));
}

// Whole months from today until `day` (at least 0).
int months_until(int today, int day) {
  int months = 0;
  while (add_months(today, months + 1) <= day) ++months;
  return months;
}

}  // namespace

core::Tree ChildAidService::build(const core::ServiceContext& context) const {
  switch (m_step) {
    case Step::Status: return build_status(context);
    case Step::Institution: return build_institution(context);
    case Step::Summary: return build_summary(context);
    case Step::Receipt: return build_receipt(context);
  }
  return build_status(context);
}

core::Tree ChildAidService::build_status(const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  core::Tree tree{"child_aid", Message::of("child_aid.title"), Message::of("child_aid.prompt"), {}};
  if (m_state == State::Loading) {
    Node loading = core::make_node("child_aid.loading", Role::Status, Message::of("child_aid.loading"));
    loading.state.busy = true;
    tree.nodes.push_back(std::move(loading));
  } else if (m_state == State::Failed) {
    add(tree, "child_aid.failed", Role::Text, m_failure);
    if (context.visit.for_someone_else()) add(tree, "child_aid.retry", Role::Button, Message::of("child_aid.retry"));
  } else {
    add(tree, "child_aid.data_as_of", Role::Text,
        Message::of("child_aid.data_as_of").arg("date", date_words(m_data_as_of.substr(0, 10), lang)));
    if (const CountyRules* county = m_rules.find(m_child.rules_region); !county) {
      add(tree, "child_aid.rules_unknown", Role::Text, Message::of("child_aid.rules_unknown").arg("region", m_child.rules_region));
    } else {
      add(tree, "child_aid.rules", Role::Text,
          Message::of("child_aid.rules." + m_child.basis).arg("county", county->county.in(lang)), Privacy::Personal);
      add_windows(context, tree);
    }
    add_cases(context, tree);
    if (!context.headset && !context.speaker_consent) add(tree, "child_aid.speaker", Role::Button, Message::of("child_aid.speaker"));
  }
  add(tree, "child_aid.home", Role::Button, Message::of("child_aid.home"));
  return tree;
}

// Each window of the county whose rules apply, where the child stands in it today, the
// warning before the child ages out, and the way to apply.
void ChildAidService::add_windows(const core::ServiceContext& context, core::Tree& tree) const {
  const std::string& lang = context.settings.language;
  const CountyRules& county = *m_rules.find(m_child.rules_region);
  const int today = context.today;
  if (today == 0) {   // the kiosk does not know the date: no age can be worked out
    add(tree, "child_aid.no_date", Role::Text, Message::of("child_aid.no_date"));
    return;
  }
  add(tree, "child_aid.age", Role::Text, Message::of("child_aid.age").arg("age", std::to_string(age_on(m_child.birth, today))),
      Privacy::Personal);
  // The warnings first (what matters most, and what to do), then each window, then the ways to apply.
  std::vector<Node> warnings, lines, buttons;
  for (const WindowRule& rule : county.windows) {
    const Window& w = rule.window;
    const WindowStatus s = window_status(w, m_child.birth, today, county.warn_months);
    Message ages = Message::of(w.inclusive ? "child_aid.ages.inclusive" : "child_aid.ages.exclusive");
    ages.arg("from", std::to_string(w.from_age)).arg("to", std::to_string(w.to_age));
    const char* phase = s.phase == WindowStatus::Phase::Within ? "within" : s.phase == WindowStatus::Phase::NotYet ? "not_yet" : "aged_out";
    Message line = Message::of(std::string("child_aid.window.") + phase);
    const int day = s.phase == WindowStatus::Phase::NotYet ? s.starts_on : s.ends_on;
    line.arg("name", rule.name.in(lang))
        .arg("ages", context.catalog.text(ages, lang, context.settings.easy_read))
        .arg("date", date_words(iso_date(day), lang))
        .arg("age", std::to_string(age_on(m_child.birth, day)));
    lines.push_back(core::make_node("child_aid.window." + w.id, Role::Text, std::move(line), {}, Privacy::Personal));
    if (s.warn) {
      Message warning = Message::of("child_aid.warning");
      warning.arg("name", rule.name.in(lang))
          .arg("months", std::to_string(months_until(today, s.ends_on)))
          .arg("date", date_words(iso_date(s.ends_on), lang))
          .arg("todo", rule.before_ageing_out.in(lang));
      warnings.push_back(core::make_node("child_aid.warning." + w.id, Role::Text, std::move(warning), {}, Privacy::Personal));
    }
    if (s.phase == WindowStatus::Phase::Within && !m_child.open_case(w.id))
      buttons.push_back(core::make_node("child_aid.apply." + w.id, Role::Button,
                                        Message::of("child_aid.apply").arg("name", rule.name.in(lang)),
                                        Message::of("child_aid.apply.hint")));
  }
  for (auto* group : {&warnings, &lines, &buttons})
    for (Node& node : *group) tree.nodes.push_back(std::move(node));
}

// The cases in DOMAIN's states, and the yearly review when it is near or past.
void ChildAidService::add_cases(const core::ServiceContext& context, core::Tree& tree) const {
  const std::string& lang = context.settings.language;
  if (m_child.cases.empty()) add(tree, "child_aid.no_cases", Role::Text, Message::of("child_aid.no_cases"));
  const CountyRules* county = m_rules.find(m_child.rules_region);
  for (const Case& c : m_child.cases) {
    const WindowRule* rule = window_rule(c.programme);
    Message line = Message::of(c.org.empty() ? "child_aid.case" : "child_aid.case_org");
    line.arg("name", rule ? rule->name.in(lang) : c.programme)
        .arg("state", context.catalog.text("child_aid.state." + c.status, lang, context.settings.easy_read))
        .arg("org", c.org);
    add(tree, "child_aid.case." + c.id, Role::Text, std::move(line), Privacy::Personal);
    const int due = date_number(c.next_review_due);
    const int notice = county ? county->review_notice_days : 60;
    if (due == 0 || c.status == "aged_out" || c.status == "closed" || context.today == 0) continue;
    const int days = days_between(context.today, due);
    if (days > notice) continue;
    add(tree, "child_aid.review." + c.id, Role::Text,
        Message::of(days < 0 ? "child_aid.review.overdue" : "child_aid.review.due").arg("date", date_words(c.next_review_due, lang)),
        Privacy::Personal);
  }
}

core::Tree ChildAidService::build_institution(const core::ServiceContext& context) const {
  (void)context;
  core::Tree tree{"child_aid_institution", Message::of("child_aid_institution.title"), Message::of("child_aid_institution.prompt"), {}};
  tree.step = 1;
  tree.steps = 3;
  if (m_state == State::Loading) {
    Node loading = core::make_node("child_aid_institution.loading", Role::Status, Message::of("child_aid_institution.loading"));
    loading.state.busy = true;
    tree.nodes.push_back(std::move(loading));
  } else if (m_state == State::Failed) {
    add(tree, "child_aid_institution.failed", Role::Text, m_failure);
    add(tree, "child_aid_institution.retry", Role::Button, Message::of("child_aid_institution.retry"));
  } else if (m_institutions.empty()) {
    add(tree, "child_aid_institution.none", Role::Text, Message::of("child_aid_institution.none"));
  }
  for (const Institution& i : m_institutions)
    add(tree, "child_aid_institution." + i.org_id, Role::Button,
        Message::of("child_aid_institution.item").arg("name", i.name).arg("address", i.address));
  add(tree, "child_aid_institution.back", Role::Button, Message::of("child_aid_institution.back"));
  return tree;
}

core::Tree ChildAidService::build_summary(const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  core::Tree tree{"child_aid_summary", Message::of("child_aid_summary.title"), Message::of("child_aid_summary.prompt"), {}};
  tree.step = 2;
  tree.steps = 3;
  const WindowRule* rule = window_rule(m_window);
  std::string org;
  for (const Institution& i : m_institutions)
    if (i.org_id == m_org) org = i.name;
  add(tree, "child_aid_summary.what", Role::Text,
      Message::of("child_aid_summary.what").arg("name", rule ? rule->name.in(lang) : m_window), Privacy::Personal);
  add(tree, "child_aid_summary.child", Role::Text, Message::of("child_aid_summary.child").arg("name", context.visit.masked_name),
      Privacy::Personal);
  add(tree, "child_aid_summary.institution", Role::Text, Message::of("child_aid_summary.institution").arg("org", org),
      Privacy::Personal);
  add(tree, "child_aid_summary.guardian", Role::Text, Message::of("child_aid_summary.guardian"));
  Node confirm = core::make_node("child_aid_summary.confirm", Role::Button, Message::of("child_aid_summary.confirm"),
                                 Message::of("child_aid_summary.confirm.hint"));
  confirm.state.busy = m_asked == Asked::Application;
  tree.nodes.push_back(std::move(confirm));
  add(tree, "child_aid_summary.change", Role::Button, Message::of("child_aid_summary.change"));
  return tree;
}

core::Tree ChildAidService::build_receipt(const core::ServiceContext& context) const {
  (void)context;
  core::Tree tree{"child_aid_receipt", Message::of("child_aid_receipt.title"), Message::of("child_aid_receipt.prompt"), {}};
  tree.step = 3;
  tree.steps = 3;
  add(tree, "child_aid_receipt.reference", Role::Text, Message::of("child_aid_receipt.reference").arg("reference", m_reference));
  add(tree, "child_aid_receipt.next", Role::Text, Message::of("child_aid_receipt.next"));
  add(tree, "child_aid_receipt.status", Role::Button, Message::of("child_aid_receipt.status"));
  add(tree, "child_aid_receipt.home", Role::Button, Message::of("child_aid_receipt.home"));
  return tree;
}

}  // namespace kiosk::services::child_aid
