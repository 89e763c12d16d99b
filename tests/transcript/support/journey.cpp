// SPDX-License-Identifier: GPL-3.0-or-later
#include "journey.h"

namespace kiosk::testing {

std::string card_json(const std::string& name, const std::string& id_number, const std::string& valid_to,
                      const std::string& address, const std::string& authority, const std::string& valid_from) {
  const bool male = id_number.size() < 17 || (id_number[16] - '0') % 2 == 1;
  return R"({"name": ")" + name + R"(", "sex": ")" + (male ? "男" : "女") + R"(", "nation": "汉", "birth": ")" +
         id_number.substr(6, 8) +
         R"(", "address": ")" + address + R"(", "id_number": ")" + id_number + R"(", "authority": ")" + authority +
         R"(", "valid_from": ")" + valid_from + R"(", "valid_to": ")" + valid_to + R"("})";
}

std::string repeat(const std::string& step, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += step;
  return out;
}

std::string key_digits(const std::string& digits) {
  std::string keys;
  for (char c : digits) keys += std::string("key ") + c + "\n";
  return keys;
}

std::string braille_digits(const std::string& digits) {
  static const char* const kDots[] = {"2-4-5", "1", "1-2", "1-4", "1-4-5", "1-5", "1-2-4", "1-2-4-5", "1-2-5", "2-4"};
  std::string keys;
  for (char c : digits) keys += std::string("braille-dots ") + kDots[c - '0'] + "\n";
  return keys;
}

std::string by_card(int home_item, const std::string& card_file, bool headset) {
  return std::string(headset ? "headphones in\n" : "key select\n") + "key " + std::to_string(home_item) +
         "\nkey select\ncard " + card_file + "\nkey select\n" + key_digits(kDemoSmsCode) + "key select\n";
}

std::string as_agent(int home_item, const std::string& agent_id, const std::string& resident_id, bool headset) {
  return std::string(headset ? "headphones in\n" : "key select\n") + "key " + std::to_string(home_item) +
         "\nkey select\nkey down\nkey down\nkey select\nkey select\n" + key_digits(agent_id) + "key select\nkey select\n" +
         key_digits(kDemoSmsCode) + "key select\n" + key_digits(resident_id) + "key select\nkey select\nkey select\n";
}

std::string joined(const KioskRun& run, const std::string& type, const std::string& field, const std::string& separator) {
  std::string all;
  for (const auto& e : of_type(run, type)) all += e.value(field, "") + separator;
  return all;
}

std::vector<std::string> values_of(const KioskRun& run, const std::string& type, const std::string& field) {
  std::vector<std::string> values;
  for (const auto& e : of_type(run, type)) values.push_back(e.value(field, ""));
  return values;
}

std::string all_of_type(const KioskRun& run, const std::string& type) {
  std::string all;
  for (const auto& e : of_type(run, type)) all += e.dump() + "\n";
  return all;
}

std::string after_screen(const KioskRun& run, const std::string& screen) {
  std::string out;
  bool on = false;
  for (const auto& e : run.events) {
    if (e.value("type", "") == "screen") on = on || e.value("id", "") == screen;
    if (on) out += e.dump() + "\n";
  }
  return out;
}

}  // namespace kiosk::testing
