// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The kiosk's own screens beside the services: settings, language and help, on the model
// of core::Service (flow/service.h). Each builds its tree from a context and answers
// activate, adjust and back with an outcome that the Kiosk carries out, so the Kiosk holds
// no branch for any of their node ids. Unlike a service, such a screen works on the
// session's settings; the Kiosk owns them, applies the outcome's and announces each change
// (docs/design.md section 5). Pure; main thread only.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/effects.h"
#include "kiosk/core/screens/setting_steps.h"
#include "kiosk/core/settings.h"
#include "kiosk/core/text/i18n.h"
#include "kiosk/core/ui/ui_tree.h"

namespace kiosk::core {

struct ScreenContext {
  const Settings& settings;                  // the session's
  const Settings& hall_defaults;             // what the session started with
  const std::vector<ThemeChoice>& themes;    // in the contrast key's order
  const Catalog& catalog;
  bool speaker_consent;                      // personal content may be said on the speaker
};

struct ScreenOutcome {
  enum class Kind { Stay, Rebuild, Home };
  Kind kind = Kind::Stay;
  std::optional<Settings> settings;          // the session's settings from now
  std::optional<SettingControl> step;        // one step of this setting (the keys' rules) ...
  int direction = 1;                         // ... this way: +1 / -1 ...
  StepEnd at_end = StepEnd::Stop;            // ... and past its last step
  std::optional<Alert> alert;

  static ScreenOutcome of(Kind kind) {
    ScreenOutcome outcome;
    outcome.kind = kind;
    return outcome;
  }
};

class OwnScreen {
 public:
  virtual ~OwnScreen() = default;
  // The screen id (docs/design.md section 5) and the suffix of its home item "home.<id>".
  virtual std::string id() const = 0;
  virtual Tree build(const ScreenContext& context) const = 0;
  virtual ScreenOutcome activate(const std::string& node_id, const ScreenContext& context) = 0;
  // delta: +1 / -1 from Right/Left on a choice.
  virtual ScreenOutcome adjust(const std::string& node_id, int delta, const ScreenContext& context) {
    (void)node_id; (void)delta; (void)context;
    return {};
  }
  virtual ScreenOutcome back() { return ScreenOutcome::of(ScreenOutcome::Kind::Home); }
};

// A node of the kiosk's own screens: its name is the message `id`, its hint `<id>.hint`
// unless given.
Node own_item(std::string id, Role role, Message hint = {});
// Plain text: the message `id`, no hint.
Node own_text(std::string id);

}  // namespace kiosk::core
