// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The semantic tree of one screen: what every output channel (screen, speech,
// braille, captions, sign video, earcons) is derived from. Nodes are kept flat, in
// reading order; a list is a run of ListItem nodes. Built by the core on the main
// thread; presenters only read it.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/ui/message.h"

namespace kiosk::core {

enum class Role {
  Screen, Heading, Text, Button, List, ListItem, Choice, Checkbox,
  TextField, NumberField, Status, Video, Progress
};
const char* role_name(Role role);          // stable English id, e.g. "button"
bool is_actionable(Role role);             // can be activated with select
bool is_field(Role role);                  // takes typed characters

// Personal content is spoken only through the headset or after consent (docs/domain.md 5);
// secret content (PINs, codes) is never spoken, shown or brailled in the clear.
enum class Privacy { Public, Personal, Secret };

struct NodeState {
  bool selected = false;   // checkbox ticked, list item chosen (a Choice shows a value instead)
  bool disabled = false;
  bool invalid = false;
  bool busy = false;
  bool operator==(const NodeState&) const = default;
};

struct Node {
  std::string id;                 // stable "screen.item", e.g. "home.entitlements"
  Role role = Role::Text;
  Message name;                   // label
  std::string value;              // current value as shown (fields, status), may be empty
  std::optional<std::string> masked_value;  // what the screen shows instead of value
  NodeState state;
  Message hint;                   // what activating it does
  Message easy_read;              // easy-read label; empty = catalogue's easy variant
  Privacy privacy = Privacy::Public;
  std::string sign_clip;          // message id whose clip signs this node; empty = name.id
  bool focusable = true;          // EZ Access: plain text is focusable too
  std::string field_kind;         // a text field's field_kind_name() (ui/field.h); else empty
  int cursor = -1;                // a text field's cursor, 0..length; -1 = not a field
  Message error;                  // C1: what is wrong with this field and how to fix it; empty = none
  bool operator==(const Node&) const = default;
};

// A node as most screens build it: id, role, label, and optionally what activating it does
// and how private it is.
Node make_node(std::string id, Role role, Message name, Message hint = {}, Privacy privacy = Privacy::Public);

struct Tree {
  std::string screen_id;          // stable id: attract, home, settings, help, ...
  Message title;
  Message prompt;                 // one-line instruction under the title (may be empty)
  std::vector<Node> nodes;        // reading order
  int step = 0;                   // multi-step flows: step k of n (1-based); 0 = not a flow
  int steps = 0;

  const Node* find(const std::string& node_id) const;
  Node* find(const std::string& node_id);
  bool operator==(const Tree&) const = default;
};

}  // namespace kiosk::core
