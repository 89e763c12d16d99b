// SPDX-License-Identifier: GPL-3.0-or-later
#include "submit_file.h"

#include <sodium.h>

#include "kiosk/backend/api/endpoints.h"

namespace kiosk::tools::outbox {

namespace kb = kiosk::backend;

namespace {

// Same kind and body, same key (BLAKE2b, 16 bytes).
std::string derived_key(const std::string& kind, const nlohmann::json& body) {
  const std::string text = kind + "\n" + body.dump();
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return std::string("file-") + hex;
}

// A member as a string, or "" when it is missing or not a string.
std::string string_member(const nlohmann::json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

SubmitFile parse_submit_file(const std::string& text) {
  SubmitFile file;
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_object()) {
    const auto it = doc.find("applications");
    doc = it != doc.end() ? *it : nlohmann::json();
  }
  if (!doc.is_array()) {
    file.error = "expected an array of applications";
    return file;
  }
  for (const nlohmann::json& entry : doc) {
    // Entries that are not objects, or whose kind is not a string, are refused like a
    // wrong kind: nlohmann's value() would throw on them.
    const std::string kind = entry.is_object() ? string_member(entry, "kind") : std::string();
    const auto endpoint = kb::endpoint_from_name(kind);
    if (!entry.is_object() || !endpoint || kb::endpoint_info(*endpoint).kind != kb::CallKind::Application ||
        !entry.contains("body")) {
      file.entries.clear();
      file.error = "entry without a valid kind and body: " + kind;
      return file;
    }
    std::string key = string_member(entry, "idempotency_key");
    if (key.empty()) key = derived_key(kind, entry.at("body"));
    file.entries.push_back({kind, entry.at("body"), std::move(key)});
  }
  return file;
}

}  // namespace kiosk::tools::outbox
