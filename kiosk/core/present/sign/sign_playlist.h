// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sign playlist: which clip the sign pane plays for the current screen and focus
// (docs/accessibility.md D2, docs/design.md section 1 "media by message id").
//
// - A screen shows: the clip of its prompt, else of its title.
// - Focus moves: the clip of the focused node (its sign_clip id, else its name id); a
//   node without a clip falls back to the screen's clip, so the pane never goes blank
//   while the resident moves.
// - An alert (e.g. the timeout warning, timeout.prompt) plays its own clip when it has one.
// Captions come from the text, never from the clip: a cue carries the Message to caption,
// which the app resolves with i18n::Catalog for the transcript `sign` event
// {"type":"sign","clip":cue.clip,"caption":<text of cue.caption>}.
// Pure core: main thread only, no I/O.
#include <optional>
#include <string>

#include "kiosk/core/ui/message.h"
#include "kiosk/core/present/sign/sign_manifest.h"
#include "kiosk/core/ui/ui_tree.h"

namespace kiosk::core::sign {

enum class CueSource { Screen, Focus, Alert };

struct SignCue {
  std::string message_id;   // whose clip plays
  std::string clip;         // asset-relative path, as in the manifest
  int duration_ms = 0;      // at 1x
  Message caption;          // what the caption line shows with this clip
  CueSource source = CueSource::Screen;
  bool placeholder = false;
  bool operator==(const SignCue&) const = default;
};

// Stateless choice. focus_node_id may be empty (no focus yet). nullopt: nothing to sign
// (no clip for the node nor for the screen); the pane then shows captions only.
std::optional<SignCue> screen_cue(const SignManifest& manifest, const Tree& tree);
std::optional<SignCue> focus_cue(const SignManifest& manifest, const Tree& tree,
                                 const std::string& focus_node_id);
std::optional<SignCue> alert_cue(const SignManifest& manifest, const Message& text);

// What the pane should do after an event.
enum class CueChange {
  Keep,   // go on playing what plays (same clip and caption)
  Play,   // start `cue` from its first frame (and write a transcript `sign` event)
  Stop    // nothing to sign here any more: show captions only
};
struct SignUpdate {
  CueChange change = CueChange::Keep;
  std::optional<SignCue> cue;   // set when change == Play
};

// Remembers the cue playing so that presenters send only changes (docs/design.md section 1).
// The manifest is not owned and must outlive this.
class SignPlaylist {
 public:
  explicit SignPlaylist(const SignManifest& manifest) : m_manifest(&manifest) {}

  SignUpdate on_screen(const Tree& tree);
  SignUpdate on_focus(const Tree& tree, const std::string& focus_node_id);
  SignUpdate on_alert(const Message& text);   // Keep when the alert has no clip

  // The cue playing now (for the replay command and for turning deaf mode on mid-screen).
  const std::optional<SignCue>& current() const { return m_current; }
  void clear() { m_current.reset(); }   // session end

 private:
  SignUpdate change_to(std::optional<SignCue> next);

  const SignManifest* m_manifest;
  std::optional<SignCue> m_current;
};

}  // namespace kiosk::core::sign
