// SPDX-License-Identifier: GPL-3.0-or-later
// pronunciation_audit (issue 13): reads every Chinese string of the catalogues
// (config/locales, main and easy read), the county profiles (config/deployments) and the
// sign captions (assets/sign/manifest.toml) with the kiosk's reading step and compares it
// with a reference reading. tests/integration/pronunciation/audit_test.sh runs it in CI.
//
//   pronunciation_audit --root DIR --texts                 JSON array of the texts, to stdout
//   pronunciation_audit --root DIR --reference REF.json [--exceptions FILE]
//
// REF.json maps each text to one syllable per code point ("" for non-Han): reference.mjs
// writes it with pinyin-pro. Exit 0: every disagreement is reviewed in the exceptions
// file (default tools/pronunciation_audit/exceptions.tsv); 1: some are not (listed);
// 2: bad arguments or input (file: problem).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "audit.h"
#include "drivers/speech/reading/reading_loader.h"
#include "kiosk/core/text/utf8.h"

namespace fs = std::filesystem;

namespace {

void collect(const toml::node& node, std::set<std::string>& out) {
  if (const auto* t = node.as_table()) {
    for (const auto& [key, value] : *t) collect(value, out);
  } else if (const auto* a = node.as_array()) {
    for (const auto& value : *a) collect(value, out);
  } else if (const auto* s = node.as_string()) {
    for (char32_t c : kiosk::core::speech::utf8_to_u32(s->get())) {
      if (kiosk::core::speech::is_han(c)) {
        out.insert(s->get());
        break;
      }
    }
  }
}

bool collect_texts(const fs::path& root, std::set<std::string>& out) {
  std::vector<fs::path> files;
  for (const char* dir : {"config/locales", "config/deployments"}) {
    for (const auto& e : fs::recursive_directory_iterator(root / dir))
      if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
  }
  files.push_back(root / "assets" / "sign" / "manifest.toml");
  for (const fs::path& f : files) {
    try {
      const toml::table table = toml::parse_file(f.string());
      collect(table, out);
    } catch (const toml::parse_error& e) {
      std::fprintf(stderr, "%s:%u: %s\n", f.string().c_str(), e.source().begin.line, std::string(e.description()).c_str());
      return false;
    }
  }
  return true;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int usage() {
  std::fprintf(stderr, "usage: pronunciation_audit --root DIR (--texts | --reference REF.json [--exceptions FILE])\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = KIOSK_SOURCE_ROOT;
  fs::path reference_file, exceptions_file;
  bool texts_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--texts") texts_only = true;
    else if (a == "--root" && i + 1 < argc) root = argv[++i];
    else if (a == "--reference" && i + 1 < argc) reference_file = argv[++i];
    else if (a == "--exceptions" && i + 1 < argc) exceptions_file = argv[++i];
    else return usage();
  }
  if (exceptions_file.empty()) exceptions_file = root / "tools" / "pronunciation_audit" / "exceptions.tsv";
  std::set<std::string> texts;
  if (!collect_texts(root, texts)) return 2;
  if (texts_only) {
    std::cout << nlohmann::json(std::vector<std::string>(texts.begin(), texts.end())).dump() << "\n";
    return 0;
  }
  if (reference_file.empty()) return usage();
  std::map<std::string, std::vector<std::string>> reference;
  try {
    reference = nlohmann::json::parse(read_file(reference_file)).get<std::map<std::string, std::vector<std::string>>>();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: not a reference reading: %s\n", reference_file.string().c_str(), e.what());
    return 2;
  }
  std::vector<pronunciation_audit::Exception> exceptions;
  std::string error;
  if (!pronunciation_audit::load_exceptions(exceptions_file.string(), exceptions, error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 2;
  }
  const auto loaded = kiosk::drivers::speech::load_reading((root / "assets" / "pinyin" / "words.tsv").string(),
                                                           (root / "config" / "speech" / "lexicon.toml").string());
  auto syllables = kiosk::core::braille::SyllableCharacters::parse(read_file(root / "config" / "braille" / "syllables.tsv"));
  auto louis = kiosk::drivers::braille::LouisTranslator::open({(root / "config" / "braille").string()});
  if (!loaded.errors.empty() || !syllables || !louis.translator) {
    std::fprintf(stderr, "%s%s\n", loaded.errors.c_str(), louis.error.c_str());
    return 2;
  }
  const auto report = pronunciation_audit::audit(std::vector<std::string>(texts.begin(), texts.end()), reference,
                                                 *loaded.reader, syllables.value(), *louis.translator, exceptions);
  pronunciation_audit::print_report(report, exceptions);
  const bool clean = report.speech_syllable_errors + report.speech_tone_errors + report.braille_syllable_errors +
                         report.braille_tone_errors == 0 && report.texts == texts.size();
  return clean ? 0 : 1;
}
