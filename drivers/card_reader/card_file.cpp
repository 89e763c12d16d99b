// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/card_reader/card_file.h"

#include <nlohmann/json.hpp>

namespace kiosk::drivers::card_reader {

core::Result<core::IdCard> parse_card_file(const std::string& text) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return core::Error{"card_syntax", "the card file is not JSON"};
  if (!doc.is_object()) return core::Error{"card_shape", "the card file must be a JSON object"};
  core::IdCard card;
  const std::pair<const char*, std::string*> fields[] = {
      {"name", &card.name},           {"sex", &card.sex},         {"nation", &card.nation},
      {"birth", &card.birth},         {"address", &card.address}, {"id_number", &card.id_number},
      {"authority", &card.authority}, {"valid_from", &card.valid_from}, {"valid_to", &card.valid_to}};
  for (const auto& [key, field] : fields) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string())
      return core::Error{"card_field", std::string("the card file needs \"") + key + "\" as a string"};
    *field = it->get<std::string>();
  }
  for (const auto& [key, value] : doc.items()) {
    bool known = false;
    for (const auto& field : fields) known = known || key == field.first;
    if (!known) return core::Error{"card_field", "the card file has an unknown field \"" + key + "\""};
  }
  return card;
}

}  // namespace kiosk::drivers::card_reader
