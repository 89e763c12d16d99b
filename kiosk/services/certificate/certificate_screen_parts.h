// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pieces every certificate screen is built from (certificate_screens.cpp and
// certificate_case_screens.cpp): a screen whose title and prompt are its id's messages,
// buttons and text lines named by their id, a gateway date in words, and the names they
// are written with (this header is theirs alone).
#include <algorithm>
#include <string>
#include <utility>

#include "kiosk/core/ui/ui_tree.h"
#include "kiosk/services/subsidies/subsidies.h"

namespace kiosk::services::certificate {

using core::Message;
using core::Node;
using core::Privacy;
using core::Role;
using core::Tree;
using subsidies::date_words;

inline Tree screen(const std::string& id) {
  return Tree{id, Message::of(id + ".title"), Message::of(id + ".prompt"), {}};
}

inline Node button(const std::string& id, Message hint = {}) {
  return core::make_node(id, Role::Button, Message::of(id), std::move(hint));
}

inline Node text(const std::string& id, Message message, Privacy privacy = Privacy::Public) {
  return core::make_node(id, Role::Text, std::move(message), {}, privacy);
}

// The date of an RFC 3339 time (or a bare date) the gateway sent, in words ("" stays "").
inline std::string date_of(const std::string& rfc3339, const std::string& language) {
  return date_words(rfc3339.substr(0, std::min<std::size_t>(10, rfc3339.size())), language);
}

}  // namespace kiosk::services::certificate
