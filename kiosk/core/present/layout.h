// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns the semantic tree into what one frame shows (a DisplayList) and where each
// node can be touched. Pure; measures text through TextMeasurer. Sizes follow
// docs/accessibility.md V1 (cap height 6.1 mm at 100 %), V4 (focus ring >= 1 mm) and V5
// (targets >= 15 x 15 mm, gaps >= 3 mm), converted with the screen's pixel pitch.
// Content that does not fit is split into pages (Left/Right), never clipped.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/present/display_list.h"
#include "kiosk/core/effects.h"
#include "kiosk/core/text/i18n.h"
#include "kiosk/core/settings.h"
#include "kiosk/core/ui/field.h"
#include "kiosk/core/ui/ui_tree.h"

namespace kiosk::core {

// Put before the label of a selected item (a chosen answer, a checked box, the
// current language): a check mark, so the state is not shown by colour alone.
inline constexpr const char* kSelectedMark = "✓ ";

struct LayoutMetrics {
  int width = 1920;                  // pixels
  int height = 1080;
  double pixel_pitch_mm = 0.248;     // 21.5-inch 1920x1080 panel
  // Height of the screen's lower edge above the floor, as mounted; -1 = not given (the
  // whole screen counts as within reach).
  int screen_bottom_mm = -1;
};

// The reach zone (docs/accessibility.md H1): controls 380-1220 mm above the floor, for a
// resident in a wheelchair as for one standing.
inline constexpr int kReachLowMm = 380;
inline constexpr int kReachHighMm = 1220;
// The rows of the screen [top, bottom) that are within the reach zone, in pixels.
struct ReachBand {
  int top = 0;
  int bottom = 0;
};
ReachBand reach_band(const LayoutMetrics& metrics);

struct LayoutInput {
  const Tree& tree;
  const std::string& focused;        // node id, "" = none
  const Settings& settings;
  const Catalog& catalog;
  const std::optional<Alert>& status;
  std::string caption;               // the caption line (what was last spoken/shown)
  std::string braille_cells;         // mirror line for staff; "" hides it
  bool sign_pane = false;
  int part = 0;                      // which page of the focused item, when it needs several
  bool touch_bar = false;            // reserve the touch bar (every screen of a visit)
  bool sign_pane_empty = false;      // nothing to sign for what is shown: the pane says so
};

// The touch bar's targets (issue 12: a touch-only resident is never trapped), left to
// right at the foot of the screen, the lowest and so the most reachable place from a
// wheelchair. The page buttons are there only when the screen has pages.
inline constexpr const char* kTouchBar[] = {"bar.back", "bar.home", "bar.prev_page", "bar.next_page", "bar.call_staff"};

// The on-screen 12-key pad (issue 11: touch users type too), shown beside the content of
// a screen with a text field. Same layout as the tactile pad: 1 at the top left; the
// bottom row is X (the star key: an ID number's check character), 0 and delete. Each key
// is at least 15 x 15 mm; its label is the catalogue's text for its id. The keys are not
// in the focus ring (keys and braille have their own digits); a touch types into the
// focused field, or into the screen's first field.
struct PadKey {
  const char* id;
  FieldInput input;
};
inline constexpr PadKey kPad[] = {
    {"pad.1", {FieldKey::Char, '1', 0}}, {"pad.2", {FieldKey::Char, '2', 0}}, {"pad.3", {FieldKey::Char, '3', 0}},
    {"pad.4", {FieldKey::Char, '4', 0}}, {"pad.5", {FieldKey::Char, '5', 0}}, {"pad.6", {FieldKey::Char, '6', 0}},
    {"pad.7", {FieldKey::Char, '7', 0}}, {"pad.8", {FieldKey::Char, '8', 0}}, {"pad.9", {FieldKey::Char, '9', 0}},
    {"pad.star", {FieldKey::Char, 'X', 0}}, {"pad.0", {FieldKey::Char, '0', 0}}, {"pad.delete", {FieldKey::Backspace, 0, 0}},
};
// The input a pad key types; nullopt for any other id.
std::optional<FieldInput> pad_input(const std::string& id);

struct HitTarget {
  std::string node_id;
  Rect rect;
};

struct ScreenLayout {
  DisplayList list;
  std::vector<HitTarget> targets;                 // touchable areas on the shown page
  // Node ids per page. An item taller than the content area is split over pages of
  // its own, so its id is on each of them (turning the page shows its next part).
  std::vector<std::vector<std::string>> pages;
  int page = 0;                                   // the page shown (the focus's)
  Rect content;                                   // area the nodes are laid out in
  std::optional<Rect> sign_pane;
  std::optional<Rect> pad;                        // the on-screen pad, on a screen with a field
  int pad_gap = 0;                                // between its keys (px)
  int body_px = 0;                                // font size of body text
  int focus_thickness = 0;
};

struct Sizes {
  int body_px, title_px, small_px, margin, gap, target_min, focus_thickness;
  int staff_px;   // the braille mirror for sighted staff: fixed, not the resident's zoom
};
Sizes sizes_for(int zoom_percent, const LayoutMetrics& metrics);

// The text a node shows: its name, then state and value ("文字大小：100%").
std::string node_label(const Node& node, const Catalog& catalog, const Settings& settings);

// The first page that shows the node, or -1.
int first_page_of(const ScreenLayout& layout, const std::string& node_id);

ScreenLayout layout_screen(const LayoutInput& input, const TextMeasurer& measurer,
                           const LayoutMetrics& metrics);

}  // namespace kiosk::core
