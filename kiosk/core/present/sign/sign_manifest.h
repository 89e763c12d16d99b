// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which sign-language clip signs which message id: the data of assets/sign/manifest.toml
// as plain values. The video driver's loader (drivers/video/sign_manifest_loader.h) fills
// it from the file; the core only looks clips up. Header-only so drivers can fill it
// without linking the core. Built once at start-up, then read-only; any thread may read.
#include <cstddef>
#include <map>
#include <string>
#include <utility>

namespace kiosk::core::sign {

struct SignClip {
  std::string message_id;      // e.g. "home.title"
  std::string clip;            // asset-relative path, e.g. "sign/placeholder/home.title.mp4";
                               // this is what transcript `sign` events carry
  int duration_ms = 0;         // length at 1x, > 0
  std::string sign_language;   // "国家通用手语"
  std::string version;         // recording version, free text
  std::string signed_text;     // zh-CN text the clip was made for (may be empty)
  bool placeholder = false;    // generated stand-in, not real signing
  bool operator==(const SignClip&) const = default;
};

class SignManifest {
 public:
  // A later entry for the same message id replaces the earlier one.
  void add(SignClip clip) {
    std::string id = clip.message_id;
    m_clips.insert_or_assign(std::move(id), std::move(clip));
  }
  const SignClip* find(const std::string& message_id) const {
    if (message_id.empty()) return nullptr;
    auto it = m_clips.find(message_id);
    return it == m_clips.end() ? nullptr : &it->second;
  }
  const std::map<std::string, SignClip>& clips() const { return m_clips; }
  std::size_t size() const { return m_clips.size(); }
  bool empty() const { return m_clips.empty(); }

 private:
  std::map<std::string, SignClip> m_clips;   // by message id
};

}  // namespace kiosk::core::sign
