// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/sign/sign_playlist.h"

#include <utility>

namespace kiosk::core::sign {
namespace {

std::optional<SignCue> cue_of(const SignManifest& manifest, const std::string& message_id,
                              const Message& caption, CueSource source) {
  const SignClip* clip = manifest.find(message_id);
  if (clip == nullptr) return std::nullopt;
  return SignCue{clip->message_id, clip->clip, clip->duration_ms, caption, source,
                 clip->placeholder};
}

// Tree::find lives in the core's ui_tree.cpp; a linear walk keeps this file self-contained.
const Node* node_by_id(const Tree& tree, const std::string& node_id) {
  for (const Node& node : tree.nodes) {
    if (node.id == node_id) return &node;
  }
  return nullptr;
}

}  // namespace

std::optional<SignCue> screen_cue(const SignManifest& manifest, const Tree& tree) {
  if (auto cue = cue_of(manifest, tree.prompt.id, tree.prompt, CueSource::Screen)) return cue;
  return cue_of(manifest, tree.title.id, tree.title, CueSource::Screen);
}

std::optional<SignCue> focus_cue(const SignManifest& manifest, const Tree& tree,
                                 const std::string& focus_node_id) {
  if (const Node* node = focus_node_id.empty() ? nullptr : node_by_id(tree, focus_node_id)) {
    // The caption shows the node's label as the screen shows it, whichever id signs it.
    const std::string& id = node->sign_clip.empty() ? node->name.id : node->sign_clip;
    if (auto cue = cue_of(manifest, id, node->name, CueSource::Focus)) return cue;
  }
  return screen_cue(manifest, tree);
}

std::optional<SignCue> alert_cue(const SignManifest& manifest, const Message& text) {
  return cue_of(manifest, text.id, text, CueSource::Alert);
}

SignUpdate SignPlaylist::on_screen(const Tree& tree) {
  return change_to(screen_cue(*m_manifest, tree));
}

SignUpdate SignPlaylist::on_focus(const Tree& tree, const std::string& focus_node_id) {
  return change_to(focus_cue(*m_manifest, tree, focus_node_id));
}

SignUpdate SignPlaylist::on_alert(const Message& text) {
  auto cue = alert_cue(*m_manifest, text);
  if (!cue) return {};   // an alert without a clip leaves the pane as it is
  return change_to(std::move(cue));
}

SignUpdate SignPlaylist::change_to(std::optional<SignCue> next) {
  if (!next) {
    if (!m_current) return {};
    m_current.reset();
    return {CueChange::Stop, std::nullopt};
  }
  if (m_current && m_current->clip == next->clip && m_current->caption == next->caption) {
    return {};
  }
  m_current = next;
  return {CueChange::Play, std::move(next)};
}

}  // namespace kiosk::core::sign
