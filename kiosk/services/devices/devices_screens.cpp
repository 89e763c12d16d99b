// SPDX-License-Identifier: GPL-3.0-or-later
// The assistive-device screens: status, catalogue, the "not before" answer, summary, receipt.
#include "kiosk/services/devices/devices.h"
#include "kiosk/services/subsidies/subsidies.h"

namespace kiosk::services::devices {

using core::Message;
using core::Node;
using core::Privacy;
using core::Role;
using subsidies::date_words;
using subsidies::money;

std::string DevicesService::device_name(const std::string& code, const std::string& language) const {
  if (const Device* d = m_catalogue.find(code)) return d->name.in(language);
  return code;   // a device of another county's catalogue: the gateway's code
}

core::Tree DevicesService::build(const core::ServiceContext& context) const {
  switch (m_step) {
    case Step::Status: return build_status(context);
    case Step::Choose: return build_choose(context);
    case Step::Refused: return build_refused(context);
    case Step::Summary: return build_summary(context);
    case Step::Receipt: return build_receipt(context);
  }
  return build_status(context);
}

core::Tree DevicesService::build_status(const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  core::Tree tree{"devices", Message::of("devices.title"), Message::of("devices.prompt"), {}};
  auto add = [&tree](std::string id, Role role, Message name, Privacy privacy = Privacy::Public) {
    tree.nodes.push_back(core::make_node(std::move(id), role, std::move(name), {}, privacy));
  };
  if (m_state == State::Loading) {
    Node loading = core::make_node("devices.loading", Role::Status, Message::of("devices.loading"));
    loading.state.busy = true;
    tree.nodes.push_back(std::move(loading));
  } else if (m_state == State::Failed) {
    add("devices.failed", Role::Text, m_failure);
    add("devices.retry", Role::Button, Message::of("devices.retry"));
    // Applications queue while the gateway is away: the catalogue is the county's own.
    add("devices.offline", Role::Text, Message::of("devices.offline"));
    tree.nodes.push_back(core::make_node("devices.apply", Role::Button, Message::of("devices.apply"), Message::of("devices.apply.hint")));
    tree.nodes.push_back(core::make_node("devices.repair", Role::Button, Message::of("devices.repair"), Message::of("devices.repair.hint")));
    tree.nodes.push_back(core::make_node("devices.rental", Role::Button, Message::of("devices.rental"), Message::of("devices.rental.hint")));
  } else {
    add("devices.data_as_of", Role::Text, Message::of("devices.data_as_of").arg("date", date_words(m_data_as_of.substr(0, 10), lang)));
    add("devices.held_heading", Role::Heading, Message::of("devices.held_heading"));
    if (m_record.held.empty()) add("devices.none_held", Role::Text, Message::of("devices.none_held"));
    for (const Held& h : m_record.held) {
      // Due for replacement: the gateway says a new one may be applied for now.
      const Verdict* verdict = m_record.verdict(h.code);
      const bool due = !h.replace_from.empty() && verdict && verdict->may_apply;
      Message line = Message::of(h.replace_from.empty() ? "devices.held" : due ? "devices.held_due" : "devices.held_life");
      line.arg("device", device_name(h.code, lang))
          .arg("since", date_words(h.since, lang))
          .arg("date", date_words(h.replace_from, lang));
      add("devices.held." + h.code, Role::Text, std::move(line), Privacy::Personal);
    }
    add("devices.applications_heading", Role::Heading, Message::of("devices.applications_heading"));
    if (m_record.applications.empty()) add("devices.no_applications", Role::Text, Message::of("devices.no_applications"));
    for (const Application& a : m_record.applications) {
      Message line = Message::of("devices.application." + a.request_type);
      line.arg("device", device_name(a.code, lang))
          .arg("state", context.catalog.text("device.state." + a.status, lang, context.settings.easy_read))
          .arg("date", date_words(a.updated_on, lang));
      add("devices.app." + a.id, Role::Text, std::move(line), Privacy::Personal);
    }
    if (!context.headset && !context.speaker_consent) add("devices.speaker", Role::Button, Message::of("devices.speaker"));
    tree.nodes.push_back(core::make_node("devices.apply", Role::Button, Message::of("devices.apply"), Message::of("devices.apply.hint")));
    if (!m_record.held.empty())
      tree.nodes.push_back(core::make_node("devices.repair", Role::Button, Message::of("devices.repair"), Message::of("devices.repair.hint")));
    tree.nodes.push_back(core::make_node("devices.rental", Role::Button, Message::of("devices.rental"), Message::of("devices.rental.hint")));
  }
  add("devices.home", Role::Button, Message::of("devices.home"));
  return tree;
}

// The county's catalogue, for the request chosen: every device with its subsidy standard
// and service life. A long list pages like any long content.
core::Tree DevicesService::build_choose(const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  const std::string request = request_name(m_request);
  core::Tree tree{"device_apply_choose", Message::of("device_apply_choose.title." + request),
                  Message::of("device_apply_choose.prompt." + request), {}};
  tree.step = 1;
  tree.steps = 3;
  const auto list = choices();
  if (list.empty()) tree.nodes.push_back(core::make_node("device_apply_choose.none", Role::Text, Message::of("device_apply_choose.none")));
  for (const Device* d : list) {
    Message name = Message::of("device_apply_choose.item");
    name.arg("device", d->name.in(lang)).arg("amount", money(d->subsidy_fen)).arg("years", std::to_string(d->life_years));
    tree.nodes.push_back(core::make_node("device_apply_choose." + d->code, Role::Button, std::move(name),
                                         Message::of("device_apply_choose.item.hint." + request)));
  }
  tree.nodes.push_back(core::make_node("device_apply_choose.back", Role::Button, Message::of("device_apply_choose.back")));
  return tree;
}

// The gateway said no: within the device's life, with the date a new one becomes possible.
core::Tree DevicesService::build_refused(const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  core::Tree tree{"device_apply_refused", Message::of("device_apply_refused.title"), Message::of("device_apply_refused.prompt"), {}};
  const Verdict* verdict = m_record.verdict(m_code);
  Message reason = Message::of("device_apply_refused.reason");
  reason.arg("device", device_name(m_code, lang)).arg("date", date_words(verdict ? verdict->not_before : "", lang));
  tree.nodes.push_back(core::make_node("device_apply_refused.reason", Role::Text, std::move(reason), {}, Privacy::Personal));
  const Device* device = m_catalogue.find(m_code);
  if (device && device->repair && m_record.holds(m_code))
    tree.nodes.push_back(core::make_node("device_apply_refused.repair", Role::Button, Message::of("device_apply_refused.repair")));
  tree.nodes.push_back(core::make_node("device_apply_refused.back", Role::Button, Message::of("device_apply_refused.back")));
  return tree;
}

core::Tree DevicesService::build_summary(const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  const std::string request = request_name(m_request);
  core::Tree tree{"device_apply_summary", Message::of("device_apply_summary.title"), Message::of("device_apply_summary.prompt"), {}};
  tree.step = 2;
  tree.steps = 3;
  auto add = [&tree](std::string id, Role role, Message name, Privacy privacy = Privacy::Public) {
    tree.nodes.push_back(core::make_node(std::move(id), role, std::move(name), {}, privacy));
  };
  add("device_apply_summary.what", Role::Text,
      Message::of("device_apply_summary.what." + request).arg("device", device_name(m_code, lang)), Privacy::Personal);
  if (const Device* d = m_catalogue.find(m_code); d && m_request == Request::New)
    add("device_apply_summary.subsidy", Role::Text,
        Message::of("device_apply_summary.subsidy").arg("amount", money(d->subsidy_fen)).arg("years", std::to_string(d->life_years)));
  else
    add("device_apply_summary.note", Role::Text, Message::of("device_apply_summary.note." + request));
  add("device_apply_summary.for", Role::Text, Message::of("device_apply_summary.for").arg("name", context.visit.masked_name),
      Privacy::Personal);
  Node confirm = core::make_node("device_apply_summary.confirm", Role::Button, Message::of("device_apply_summary.confirm"),
                                 Message::of("device_apply_summary.confirm.hint"));
  confirm.state.busy = m_sending;
  tree.nodes.push_back(std::move(confirm));
  add("device_apply_summary.change", Role::Button, Message::of("device_apply_summary.change"));
  return tree;
}

core::Tree DevicesService::build_receipt(const core::ServiceContext& context) const {
  (void)context;
  core::Tree tree{"device_apply_receipt", Message::of("device_apply_receipt.title"), Message::of("device_apply_receipt.prompt"), {}};
  tree.step = 3;
  tree.steps = 3;
  tree.nodes.push_back(core::make_node("device_apply_receipt.reference", Role::Text,
                                       Message::of("device_apply_receipt.reference").arg("reference", m_reference)));
  tree.nodes.push_back(core::make_node("device_apply_receipt.next", Role::Text, Message::of("device_apply_receipt.next")));
  tree.nodes.push_back(core::make_node("device_apply_receipt.status", Role::Button, Message::of("device_apply_receipt.status")));
  tree.nodes.push_back(core::make_node("device_apply_receipt.home", Role::Button, Message::of("device_apply_receipt.home")));
  return tree;
}

}  // namespace kiosk::services::devices
