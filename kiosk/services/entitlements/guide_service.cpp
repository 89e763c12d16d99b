// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/entitlements/guide_service.h"

#include <array>
#include <utility>
#include <vector>

namespace kiosk::services::entitlements {

using core::Message;
using core::Node;
using core::Role;
using core::ServiceOutcome;
using core::Tree;

namespace {

const std::vector<std::string> kSteps{"category", "grade", "age", "dibao", "hukou", "result"};

// The options of each question, as the identifiers the rules engine reads.
const std::vector<std::string>& options_for(const std::string& step) {
  static const std::vector<std::string> category{"vision", "hearing", "speech", "physical",
                                                 "intellectual", "mental", "multiple"};
  static const std::vector<std::string> grade{"1", "2", "3", "4"};
  static const std::vector<std::string> age{"child_0_6", "child_7_17", "adult_18_59", "senior_60_plus"};
  static const std::vector<std::string> dibao{"yes", "marginal", "no"};
  static const std::vector<std::string> hukou{"here", "elsewhere"};
  static const std::vector<std::string> none;
  if (step == "category") return category;
  if (step == "grade") return grade;
  if (step == "age") return age;
  if (step == "dibao") return dibao;
  if (step == "hukou") return hukou;
  return none;
}

std::string join(const std::vector<Text>& items, const std::string& language) {
  std::string out;
  const std::string separator = language == "en" ? ", " : "、";
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item.in(language);
  return out;
}

}  // namespace

GuideService::GuideService(CountyProfile profile)
    : m_profile(std::move(profile)), m_flow("entitlements", kSteps, core::Submits::No) {}

void GuideService::start() {
  m_flow = core::Flow("entitlements", kSteps, core::Submits::No);
  m_intro = true;
}

void GuideService::reset() { start(); }

Answers GuideService::answers() const {
  Answers answers;
  auto get = [&](const char* key) {
    auto value = m_flow.get(key);
    return value && *value != "skip" ? value : std::nullopt;
  };
  if (auto v = get("category")) answers.category = category_from_name(*v);
  if (auto v = get("grade")) answers.grade = std::stoi(*v);
  if (auto v = get("age")) answers.age_band = age_band_from_name(*v);
  if (auto v = get("dibao")) answers.dibao = dibao_from_name(*v);
  if (auto v = get("hukou")) answers.hukou = hukou_from_name(*v);
  return answers;
}

Tree GuideService::build(const core::ServiceContext& context) const {
  if (m_intro) return build_intro(context);
  if (m_flow.current() == "result") return build_result(context);
  return build_question(m_flow.current());
}

Tree GuideService::build_intro(const core::ServiceContext& context) const {
  Tree tree{"entitlements", Message::of("entitlements.title"), Message::of("entitlements.prompt"), {}};
  tree.nodes.push_back(core::make_node("entitlements.intro", Role::Text, Message::of("entitlements.intro")));
  tree.nodes.push_back(core::make_node("entitlements.county", Role::Text,
                            Message::of("entitlements.county").arg("county", m_profile.name.in(context.settings.language))));
  tree.nodes.push_back(core::make_node("entitlements.start", Role::Button, Message::of("entitlements.start"),
                            Message::of("entitlements.start.hint")));
  tree.nodes.push_back(core::make_node("entitlements.home", Role::Button, Message::of("entitlements.home"),
                            Message::of("entitlements.home.hint")));
  return tree;
}

Tree GuideService::build_question(const std::string& step) const {
  const std::string screen = "entitlements_" + step;
  Tree tree{screen, Message::of("entitlements." + step + ".title"), Message::of("entitlements.question_prompt"), {}};
  tree.step = m_flow.step();
  tree.steps = m_flow.steps();
  const auto answer = m_flow.get(step);
  for (const auto& option : options_for(step)) {
    Node node = core::make_node(screen + "." + option, Role::ListItem, Message::of("entitlements." + step + "." + option));
    node.state.selected = answer && *answer == option;
    tree.nodes.push_back(std::move(node));
  }
  Node skip = core::make_node(screen + ".skip", Role::ListItem, Message::of("entitlements.skip"), Message::of("entitlements.skip.hint"));
  skip.state.selected = answer && *answer == "skip";
  tree.nodes.push_back(std::move(skip));
  tree.nodes.push_back(core::make_node(screen + ".back", Role::Button, Message::of("entitlements.back"), Message::of("entitlements.back.hint")));
  return tree;
}

Tree GuideService::build_result(const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  Tree tree{"entitlements_result", Message::of("entitlements.result.title"), Message::of("entitlements.result.prompt"), {}};
  tree.step = m_flow.step();
  tree.steps = m_flow.steps();
  const auto matches = match(m_profile, answers());
  Node summary = core::make_node("entitlements_result.summary", Role::Text,
                      Message::of(matches.empty() ? "entitlements.result.none" : "entitlements.result.count")
                          .arg("county", m_profile.name.in(lang))
                          .arg("n", std::to_string(matches.size())));
  summary.privacy = core::Privacy::Personal;   // derived from category, grade, dibao
  tree.nodes.push_back(std::move(summary));
  for (const auto& m : matches) {
    const Entitlement& e = *m.entitlement;
    const std::string base = "entitlements_result." + e.id;
    std::string name = e.name.in(lang) + (lang == "en" ? ": " : "：") + e.summary.in(lang);
    Node entry = core::make_node(base, Role::Heading, Message::text(name));
    entry.privacy = core::Privacy::Personal;
    tree.nodes.push_back(std::move(entry));
    if (m.certainty == Certainty::MayApply) {
      Node may = core::make_node(base + ".may", Role::Text, Message::of("entitlements.result.may_apply"));
      tree.nodes.push_back(std::move(may));
    }
    tree.nodes.push_back(core::make_node(base + ".where", Role::Text,
                              Message::of("entitlements.result.where").arg("where", e.where_to_claim.in(lang))));
    if (!e.what_to_bring.empty())
      tree.nodes.push_back(core::make_node(base + ".bring", Role::Text,
                                Message::of("entitlements.result.bring").arg("items", join(e.what_to_bring, lang))));
    if (e.note) tree.nodes.push_back(core::make_node(base + ".note", Role::Text, Message::text(e.note->in(lang))));
  }
  tree.nodes.push_back(core::make_node("entitlements_result.hotline", Role::Text,
                            Message::of("entitlements.result.hotline").arg("hotline", m_profile.hotline)));
  tree.nodes.push_back(core::make_node("entitlements_result.restart", Role::Button, Message::of("entitlements.restart"),
                            Message::of("entitlements.restart.hint")));
  tree.nodes.push_back(core::make_node("entitlements_result.home", Role::Button, Message::of("entitlements.home"),
                            Message::of("entitlements.home.hint")));
  return tree;
}

ServiceOutcome GuideService::activate(const std::string& node_id, const core::ServiceContext& context) {
  (void)context;
  using Kind = ServiceOutcome::Kind;
  if (node_id == "entitlements.start") {
    m_intro = false;
    return ServiceOutcome::of(Kind::NewScreen);
  }
  if (node_id == "entitlements.home" || node_id == "entitlements_result.home") return ServiceOutcome::of(Kind::Leave);
  if (node_id == "entitlements_result.restart") {
    m_flow = core::Flow("entitlements", kSteps, core::Submits::No);
    return ServiceOutcome::of(Kind::NewScreen);
  }
  const std::string screen = "entitlements_" + m_flow.current();
  if (node_id == screen + ".back") return back();
  if (node_id.rfind(screen + ".", 0) == 0) {
    const std::string option = node_id.substr(screen.size() + 1);
    m_flow.set(m_flow.current(), option);
    m_flow.next();
    // Focus the answer given earlier when the resident comes forward again.
    std::string focus;
    if (auto previous = m_flow.get(m_flow.current())) focus = "entitlements_" + m_flow.current() + "." + *previous;
    return ServiceOutcome::of(Kind::NewScreen, focus);
  }
  return {};
}

ServiceOutcome GuideService::back() {
  using Kind = ServiceOutcome::Kind;
  if (m_intro) return ServiceOutcome::of(Kind::Leave);
  if (!m_flow.back()) {
    m_intro = true;
    return ServiceOutcome::of(Kind::NewScreen, "entitlements.start");
  }
  std::string focus;
  if (auto answer = m_flow.get(m_flow.current())) focus = "entitlements_" + m_flow.current() + "." + *answer;
  return ServiceOutcome::of(Kind::NewScreen, focus);
}

}  // namespace kiosk::services::entitlements
