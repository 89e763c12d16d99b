// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/text/i18n.h"

namespace kiosk::core {

namespace {
const std::map<std::string, CatalogEntry> kEmpty;

std::string substitute(std::string text, const Message& message) {
  for (const auto& [name, value] : message.args) {
    const std::string placeholder = "{" + name + "}";
    for (auto pos = text.find(placeholder); pos != std::string::npos;
         pos = text.find(placeholder, pos + value.size()))
      text.replace(pos, placeholder.size(), value);
  }
  return text;
}
}  // namespace

void Catalog::add(const std::string& language, const std::string& id, CatalogEntry entry) {
  m_by_language[language][id] = std::move(entry);
}

bool Catalog::has(const std::string& language, const std::string& id) const {
  auto lang = m_by_language.find(language);
  return lang != m_by_language.end() && lang->second.count(id) > 0;
}

std::string Catalog::text(const Message& message, const std::string& language, bool easy) const {
  if (message.id.empty()) return message.literal;
  auto lang = m_by_language.find(language);
  if (lang != m_by_language.end()) {
    auto it = lang->second.find(message.id);
    if (it != lang->second.end()) {
      const auto& entry = it->second;
      return substitute(easy && !entry.easy.empty() ? entry.easy : entry.text, message);
    }
  }
  m_missing.insert(language + ":" + message.id);
  return "[" + message.id + "]";
}

std::string Catalog::text(const std::string& id, const std::string& language, bool easy) const {
  return text(Message::of(id), language, easy);
}

const std::map<std::string, CatalogEntry>& Catalog::entries(const std::string& language) const {
  auto lang = m_by_language.find(language);
  return lang == m_by_language.end() ? kEmpty : lang->second;
}

}  // namespace kiosk::core
