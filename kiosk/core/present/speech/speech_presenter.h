// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The speech presenter: turns one batch of Effects, read against the kiosk's tree,
// focus and settings, into speech actions (stop, speak, pause, caption only). Pure: the
// app's speech channel carries the actions out on a driver and writes the transcript; the
// caption presenter (present/captions) shows each utterance's caption_text, the earcon
// presenter (present/earcons) picks the batch's earcons.
//
// One batch gives at most one utterance, because a driver's speak() replaces whatever
// is playing (docs/accessibility.md principle 3): a screen title and its first focus are
// said together. Captions are always on (docs/design.md section 6): while speech is off the
// same prompt becomes a Caption action, except the timeout warning, which is spoken
// whatever the setting. Brief verbosity leaves out role, position, hint and prompt on
// screens the resident has already been on and left in this session. Privacy (docs/design.md section 6, docs/accessibility.md S6/S7): personal parts
// on the speaker without consent become "内容已隐藏，请使用耳机"; secret values are
// never said. Main thread only (it keeps the last utterance for Repeat).
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/effects.h"
#include "kiosk/core/kiosk/kiosk.h"

namespace kiosk::core::speech {

enum class SpeechRoute { Speaker, Headset };
const char* route_name(SpeechRoute route);   // "speaker" | "headset" (transcript values)

enum class SpeechActionKind {
  Stop,         // silence at once (an Interrupt request)
  Speak,        // say `text`
  PauseToggle,  // pause if speaking, resume if paused
  Caption,      // show `caption_text` only (speech is off); nothing is said
};

struct SpeechAction {
  SpeechActionKind kind = SpeechActionKind::Stop;
  std::string text;        // Speak: as shown (masked/hidden), before normalising
  SpeechRoute route = SpeechRoute::Speaker;
  bool is_private = false; // Speak: personal content said in the clear (headset or consent)
  int rate = 100;          // Speak: percent of the default rate (settings S4 steps)
  int volume = 6;          // Speak: level 0..10
  bool caption = true;     // Speak: false while the privacy curtain is on
  std::string caption_text;  // Speak: what the screen shows (personal in the clear, secret never)
  bool operator==(const SpeechAction&) const = default;
};

class SpeechPresenter {
 public:
  // Actions in the order they must run; a Stop always comes before any Speak it precedes
  // in the batch.
  std::vector<SpeechAction> present(const Effects& effects, const Kiosk& kiosk);

 private:
  struct Part {
    std::string text;
    Privacy privacy = Privacy::Public;
    bool sentence = false;   // ends a sentence (title, prompt, alert) rather than a phrase
    // Said instead of a personal part on the loudspeaker without consent, in place of the
    // "hidden" notice (S7: a typed ID number is "已输入 n 位" there).
    std::string on_speaker;
  };
  std::vector<Part> item_parts(const Kiosk& kiosk, const std::string& node_id, int index,
                               int count, bool first_visit) const;
  std::vector<Part> focused_item(const Kiosk& kiosk, bool first_visit) const;
  SpeechAction compose(const std::vector<Part>& parts, const Kiosk& kiosk, bool announce) const;

  // What one present() call gathers from its effects before it speaks.
  struct Batch {
    std::vector<SpeechAction> out;
    std::vector<Part> parts;
    bool announce = false;
    bool must_speak = false;          // the timeout warning is spoken even with speech off
    bool pause = false;
    bool repeat_only = true;
    bool spoke_before_reset = false;  // speech was on before this batch turned it off
    bool first_visit = false;
    void sentence(const Kiosk& kiosk, const Message& message, Privacy privacy = Privacy::Public);
    void append(std::vector<Part> more);
  };
  void take_request(const SpeechRequest& request, const Kiosk& kiosk, Batch& batch) const;
  void take(const Effect& effect, const Kiosk& kiosk, Batch& batch);
  void say_changed_control(const Kiosk& kiosk, Batch& batch);
  std::vector<SpeechAction> finish(Batch& batch, const Kiosk& kiosk);

  std::vector<Part> m_last;        // the last full prompt, for Repeat
  bool m_last_announce = false;
  std::set<std::string> m_known;   // screens left at least once this session (Brief verbosity)
  std::string m_screen;            // the screen the last batch ended on
  std::string m_focus_id;          // the focus the last batch ended on, and what its
  std::string m_focus_signature;   // name, value and state read (choices and checkboxes)
};

}  // namespace kiosk::core::speech
