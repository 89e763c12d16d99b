// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A piece of text as the core knows it: a message id from the catalogue plus
// named arguments, or a literal (dynamic text from the backend, a typed value).
// The core never holds display strings of its own; i18n::Catalog turns these into
// text for the current language at presentation time.
#include <string>
#include <utility>
#include <vector>

namespace kiosk::core {

struct Message {
  std::string id;                                            // e.g. "home.title"; empty = literal
  std::vector<std::pair<std::string, std::string>> args;     // {name} placeholders
  std::string literal;                                       // used when id is empty

  static Message of(std::string message_id) { return Message{std::move(message_id), {}, {}}; }
  static Message text(std::string literal_text) { return Message{{}, {}, std::move(literal_text)}; }
  Message& arg(std::string name, std::string value) {
    args.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  bool empty() const { return id.empty() && literal.empty(); }
  bool operator==(const Message&) const = default;
};

}  // namespace kiosk::core
