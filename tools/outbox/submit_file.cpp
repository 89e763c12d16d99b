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

namespace {

// What is wrong with one entry, or "".
std::string entry_problem(const nlohmann::json& entry) {
  if (!entry.is_object()) return "is not an object";
  const auto kind = entry.find("kind");
  if (kind == entry.end() || !kind->is_string()) return "has no \"kind\" string";
  const auto endpoint = kb::endpoint_from_name(kind->get<std::string>());
  if (!endpoint || kb::endpoint_info(*endpoint).kind != kb::CallKind::Application)
    return "has kind \"" + kind->get<std::string>() + "\", which is not an application";
  const auto body = entry.find("body");
  if (body == entry.end() || !body->is_object()) return "has no \"body\" object";
  const auto key = entry.find("idempotency_key");
  if (key != entry.end() && (!key->is_string() || key->get<std::string>().empty()))
    return "has an \"idempotency_key\" that is not a non-empty string";
  return {};
}

}  // namespace

SubmitFile parse_submit_file(const std::string& text) {
  SubmitFile file;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    file.error = "not JSON (syntax error at byte " + std::to_string(e.byte) + ")";
    return file;
  } catch (const nlohmann::json::exception&) {   // e.g. a number too large for a double
    file.error = "not JSON (a value out of range)";
    return file;
  }
  if (doc.is_object()) {
    const auto it = doc.find("applications");
    doc = it != doc.end() ? *it : nlohmann::json();
  }
  if (!doc.is_array()) {
    file.error = "expected an array of applications, or an object with an \"applications\" array";
    return file;
  }
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const nlohmann::json& entry = doc[i];
    if (const std::string problem = entry_problem(entry); !problem.empty()) {
      file.entries.clear();
      file.error = "entry " + std::to_string(i + 1) + " " + problem + "; nothing was stored";
      return file;
    }
    const std::string kind = entry.at("kind").get<std::string>();
    std::string key = string_member(entry, "idempotency_key");
    if (key.empty()) key = derived_key(kind, entry.at("body"));
    file.entries.push_back({kind, entry.at("body"), std::move(key)});
  }
  return file;
}

}  // namespace kiosk::tools::outbox
