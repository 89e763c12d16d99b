// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/video/sign_manifest_loader.h"

#include <toml++/toml.h>

#include <system_error>

namespace kiosk::drivers::video {
namespace {

std::string where(const std::filesystem::path& file, const toml::source_region& src) {
  return file.string() + ":" + std::to_string(src.begin.line) + ":" +
         std::to_string(src.begin.column) + ": ";
}

// The clip must stay inside the manifest's folder: a manifest is data, not a path to
// anywhere on the terminal.
bool is_safe_relative(const std::filesystem::path& p) {
  if (p.empty() || p.is_absolute() || p.has_root_name()) return false;
  for (const auto& part : p) {
    if (part == "..") return false;
  }
  return true;
}

}  // namespace

ManifestLoad load_sign_manifest(const std::filesystem::path& manifest_file) {
  ManifestLoad out;
  toml::table doc;
  try {
    doc = toml::parse_file(manifest_file.string());
  } catch (const toml::parse_error& err) {
    out.problems.push_back(where(manifest_file, err.source()) + std::string(err.description()));
    return out;
  }
  const std::filesystem::path sign_dir = manifest_file.parent_path();
  const std::string prefix = sign_dir.filename().string();   // "sign"
  const std::string default_language =
      doc["manifest"]["sign_language"].value_or(std::string("国家通用手语"));

  const toml::table* clips = doc["clips"].as_table();
  if (clips == nullptr) {
    out.problems.push_back(manifest_file.string() + ": no [clips] table");
    return out;
  }
  for (const auto& [key, node] : *clips) {
    const std::string id(key.str());
    const toml::table* entry = node.as_table();
    const std::string at = where(manifest_file, node.source()) + "clips.\"" + id + "\": ";
    if (entry == nullptr) {
      out.problems.push_back(at + "not a table");
      continue;
    }
    core::sign::SignClip clip;
    clip.message_id = id;
    const auto file = (*entry)["file"].value<std::string>();
    const auto duration = (*entry)["duration_ms"].value<std::int64_t>();
    if (!file || !is_safe_relative(*file)) {
      out.problems.push_back(at + "file must be a relative path inside " + sign_dir.string());
      continue;
    }
    if (!duration || *duration <= 0 || *duration > 600'000) {
      out.problems.push_back(at + "duration_ms must be 1..600000");
      continue;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(sign_dir / *file, ec)) {
      out.problems.push_back(at + "clip file missing: " + (sign_dir / *file).string());
      continue;
    }
    clip.clip = prefix + "/" + std::filesystem::path(*file).generic_string();
    clip.duration_ms = static_cast<int>(*duration);
    clip.sign_language = (*entry)["sign_language"].value_or(default_language);
    clip.version = (*entry)["version"].value_or(std::string());
    clip.signed_text = (*entry)["signed_text"].value_or(std::string());
    clip.placeholder = (*entry)["placeholder"].value_or(false);
    out.manifest.add(std::move(clip));
  }
  return out;
}

}  // namespace kiosk::drivers::video
