// SPDX-License-Identifier: GPL-3.0-or-later
// Every screen, in both languages, at every text size: no text wider than its box,
// nothing outside the frame, touch targets at least 15 mm and never overlapping, no
// missing message id. Real fonts (SDL_ttf, Noto Sans CJK SC), real config.
#include <gtest/gtest.h>

#include <SDL.h>

#include <algorithm>
#include <optional>
#include <cstdio>
#include <set>

#include "drivers/display/sdl_text_measurer.h"
#include "kiosk/app/config.h"
#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk/core/present/layout.h"
#include "kiosk/core/present/text_wrap.h"
#include "kiosk/services/entitlements/guide_service.h"

using namespace kiosk;

namespace {

struct Visit {
  std::string label;
  std::vector<core::Command> keys;   // after the session started on home
};

const std::vector<Visit>& visits() {
  using C = core::Command;
  static const std::vector<Visit> all{
      {"home", {}},
      {"settings", {C::Down, C::Select}},
      {"language", {C::Down, C::Down, C::Select}},
      {"help", {C::Down, C::Down, C::Down, C::Select}},
      {"entitlements", {C::Select}},
      {"category", {C::Select, C::Down, C::Down, C::Select}},
      {"grade", {C::Select, C::Down, C::Down, C::Select, C::Select}},
      {"age", {C::Select, C::Down, C::Down, C::Select, C::Select, C::Select}},
      {"dibao", {C::Select, C::Down, C::Down, C::Select, C::Select, C::Select, C::Select}},
      {"hukou", {C::Select, C::Down, C::Down, C::Select, C::Select, C::Select, C::Select, C::Select}},
      // All skipped: the longest result, every entry "may apply".
      {"result_all", {C::Select, C::Down, C::Down, C::Select, C::Digit8, C::Select, C::Digit5, C::Select,
                      C::Digit5, C::Select, C::Digit4, C::Select, C::Digit3, C::Select}},
      // Screens with a field, and so the on-screen pad: 我的补贴 (third on the demo hall's
      // menu) opens identity; its typed number, then the certificate's.
      {"identify_keyed", {C::Down, C::Down, C::Select, C::Down, C::Select}},
      {"identify_keyed_certificate", {C::Down, C::Down, C::Select, C::Down, C::Select, C::Down, C::Down, C::Select}},
  };
  return all;
}

enum class Pane { None, Small, Large };   // the sign pane (settings sign, sign_large)

class LayoutFit : public ::testing::TestWithParam<std::tuple<int, std::string, Pane>> {
 protected:
  static void SetUpTestSuite() {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    auto loaded = app::load_config(std::string(KIOSK_TEST_ROOT) + "/config/kiosk.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.describe();
    s_config = new app::Config(std::move(*loaded.config));
    auto measurer = drivers::display::SdlTextMeasurer::open();
    ASSERT_TRUE(measurer.ok()) << measurer.error().message;
    s_measurer = std::move(*measurer).release();
  }
  static inline app::Config* s_config = nullptr;
  static inline drivers::display::SdlTextMeasurer* s_measurer = nullptr;
};

// Items stay between the header and the footer (the page line), and never under the
// sign pane, which itself stays between them too.
void expect_items_in_content(const core::ScreenLayout& layout, bool pane, const std::string& where) {
  const core::Rect& content = layout.content;
  for (const auto& target : layout.targets) {
    if (target.node_id.rfind("bar.", 0) == 0) continue;   // the touch bar is the footer's
    // The pad may rise beside the prompt (it wraps left of it), never over any text.
    if (target.node_id.rfind("pad.", 0) == 0) {
      ASSERT_TRUE(layout.pad.has_value()) << where;
      EXPECT_LE(target.rect.y + target.rect.h, content.y + content.h) << where << " " << target.node_id;
      continue;
    }
    EXPECT_GE(target.rect.y, content.y) << where << " " << target.node_id;
    EXPECT_LE(target.rect.y + target.rect.h, content.y + content.h) << where << " " << target.node_id;
    if (layout.sign_pane) {
      EXPECT_FALSE(target.rect.intersects(*layout.sign_pane)) << where << " " << target.node_id;
    }
  }
  EXPECT_EQ(layout.sign_pane.has_value(), pane) << where;
  if (layout.sign_pane) {
    // It may rise beside the prompt (which then wraps left of it: checked below), never
    // beside the title.
    EXPECT_GE(layout.sign_pane->y, layout.list.texts.front().box.y + layout.list.texts.front().box.h) << where;
    EXPECT_LE(layout.sign_pane->y + layout.sign_pane->h, content.y + content.h) << where;
    EXPECT_LE(layout.sign_pane->x + layout.sign_pane->w, layout.list.width) << where;
    EXPECT_GE(layout.sign_pane->h * 100 / layout.list.height, 15) << where << ": the pane is too small to sign in";
  }
}

bool inside(const core::Rect& a, const core::Rect& b) {
  return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

// A pane with no clip says so, whole: the note, or where the pane is small its short
// form, is not cut short at any size.
void expect_the_pane_note_whole(const core::ScreenLayout& layout, std::string note, std::string brief,
                                const std::string& where) {
  if (!layout.sign_pane) return;
  std::string shown;
  for (const auto& text : layout.list.texts)
    if (inside(text.box, *layout.sign_pane))
      for (const auto& line : text.lines) shown += line;
  for (std::string* text : {&note, &brief, &shown}) text->erase(std::remove(text->begin(), text->end(), ' '), text->end());
  EXPECT_TRUE(shown == note || shown == brief) << where << ": " << shown;
}

// Where the side column rose beside the prompt, the prompt's lines there end one gap left
// of the column as it stands (its keys shrunk to the room), not short of it.
void expect_prompt_reaches_the_column(const core::ScreenLayout& layout, const core::Sizes& sizes,
                                      const std::string& where) {
  std::optional<core::Rect> column = layout.pad ? layout.pad : layout.sign_pane;
  if (!column) return;
  if (layout.pad && layout.sign_pane) {
    const int top = std::min(layout.pad->y, layout.sign_pane->y);
    const int bottom = std::max(layout.pad->y + layout.pad->h, layout.sign_pane->y + layout.sign_pane->h);
    column = core::Rect{layout.pad->x, top, layout.sign_pane->x + layout.sign_pane->w - layout.pad->x, bottom - top};
  }
  if (column->y >= layout.content.y) return;   // it did not rise
  for (const auto& text : layout.list.texts) {
    const bool beside = text.box.y < column->y + column->h && text.box.y + text.box.h > column->y &&
                        text.box.y < layout.content.y && text.box.x + text.box.w <= column->x;
    if (beside) {
      EXPECT_EQ(text.box.x + text.box.w, column->x - sizes.gap) << where << " " << text.lines.front();
    }
  }
}

// Every text inside the frame, its lines inside its box, none under the pane or the pad
// (but the keys' own labels), and large enough to read.
void expect_texts_fit(const core::ScreenLayout& layout, const drivers::display::SdlTextMeasurer& measurer,
                      double pixel_pitch_mm, const std::string& where) {
  for (const auto& text : layout.list.texts) {
    // Where the pane rises beside the prompt, the prompt wraps left of it. Only the
    // pane's own note (no clip for this screen) is inside it.
    if (layout.sign_pane && text.box.intersects(*layout.sign_pane)) {
      EXPECT_TRUE(inside(text.box, *layout.sign_pane)) << where << " text " << text.lines.front();
    }
    if (layout.pad && text.box.intersects(*layout.pad)) {   // only the keys' own labels, each in its key
      const core::Rect centre{text.box.x + text.box.w / 2, text.box.y + text.box.h / 2, 1, 1};
      EXPECT_EQ(std::count_if(layout.targets.begin(), layout.targets.end(), [&](const core::HitTarget& t) {
                  return t.node_id.rfind("pad.", 0) == 0 && t.rect.intersects(centre);
                }), 1) << where << " text under the pad: " << text.lines.front();
    }
    EXPECT_GE(text.box.x, 0) << where;
    EXPECT_LE(text.box.x + text.box.w, layout.list.width) << where;
    EXPECT_LE(text.box.y + text.box.h, layout.list.height) << where << " text " << text.lines.front();
    for (const auto& line : text.lines)
      EXPECT_LE(measurer.width(line, text.px, text.face), text.box.w) << where << " line " << line;
    EXPECT_GE(core::cap_height_px(text.px) * pixel_pitch_mm, 4.8 - 0.25) << where;
  }
}

// Touch targets at least the minimum size, and none over another.
void expect_targets_apart(const core::ScreenLayout& layout, const core::Tree& tree, const core::Sizes& sizes,
                          const std::string& where) {
  for (std::size_t i = 0; i < layout.targets.size(); ++i) {
    const auto& a = layout.targets[i].rect;
    const auto* node = tree.find(layout.targets[i].node_id);
    if (node && core::is_actionable(node->role)) {
      EXPECT_GE(a.h, sizes.target_min) << where;
      EXPECT_GE(a.w, sizes.target_min) << where;
    }
    for (std::size_t j = i + 1; j < layout.targets.size(); ++j)
      EXPECT_FALSE(a.intersects(layout.targets[j].rect)) << where << " " << layout.targets[i].node_id
                                                          << " overlaps " << layout.targets[j].node_id;
  }
}

void expect_no_heading_at_foot(const core::ScreenLayout& layout, const core::Tree& tree, const std::string& where) {
  const core::Rect& content = layout.content;
  const auto& pages = layout.pages;
  // No heading is left at the foot of a page, away from the text it heads, unless it
  // takes most of the page itself or is longer than a page (a long name in easy read at
  // 200 % beside the pane, above the touch bar).
  const auto pages_with = [&](const std::string& id) {
    return std::count_if(pages.begin(), pages.end(), [&](const auto& page) {
      return std::find(page.begin(), page.end(), id) != page.end();
    });
  };
  if (const auto& shown = pages[static_cast<std::size_t>(layout.page)];
      layout.page + 1 < static_cast<int>(pages.size()) && tree.find(shown.back())->role == core::Role::Heading &&
      pages_with(shown.back()) == 1) {
    for (const auto& target : layout.targets) {
      if (target.node_id == shown.back()) {
        EXPECT_GT(target.rect.h * 2, content.h) << where << " page " << layout.page + 1 << " ends with " << shown.back();
      }
    }
  }
}

}  // namespace

TEST_P(LayoutFit, NothingOverflowsOrOverlapsOnAnyScreen) {
  ASSERT_NE(s_config, nullptr);
  const auto [zoom, language, pane] = GetParam();
  const core::Sizes sizes = core::sizes_for(zoom, s_config->metrics);
  // In easy read too: every easy-read variant must fit where its main text does.
  for (const bool easy : {false, true})
  for (const auto& visit : visits()) {
    core::KioskOptions options = s_config->kiosk;
    options.hall_defaults.zoom = zoom;
    options.hall_defaults.language = language;
    options.hall_defaults.sign_large = pane == Pane::Large;
    options.hall_defaults.easy_read = easy;
    core::Kiosk kiosk(options, s_config->catalog);
    for (auto& service : app::make_services(*s_config)) kiosk.add_service(std::move(service));
    kiosk.start(0);
    kiosk.command(core::Command::Select, core::InputSource::Key, 0);
    for (auto key : visit.keys) kiosk.command(key, core::InputSource::Key, 0);
    // Walk the whole focus ring, and every part of an item split over pages, so every
    // page is laid out.
    for (int step = 0, part = 0; step <= kiosk.focus().count();) {
      std::optional<core::Alert> status = core::Alert{"where", core::Message::of("where.flow")
          .arg("screen", "x").arg("step", "1").arg("steps", "6").arg("item", "1").arg("count", "9"), {}};
      core::LayoutInput input{kiosk.tree(), kiosk.focus().current(), kiosk.settings(), s_config->catalog,
                              status, "字幕 caption line", "", pane != Pane::None, part};
      // As on every screen of a visit: the touch bar, and the pad beside a field.
      input.touch_bar = true;
      input.sign_pane_empty = true;   // the pane's note stands where a clip would play
      const auto layout = core::layout_screen(input, *s_measurer, s_config->metrics);
      const std::string where = visit.label + (easy ? " easy" : "") + " zoom " + std::to_string(zoom) + " " +
                                language + " pane " +
                                std::to_string(static_cast<int>(pane)) + " item " + kiosk.focus().current() +
                                " part " + std::to_string(part);
      expect_items_in_content(layout, pane != Pane::None, where);
      expect_texts_fit(layout, *s_measurer, s_config->metrics.pixel_pitch_mm, where);
      expect_targets_apart(layout, kiosk.tree(), sizes, where);
      expect_no_heading_at_foot(layout, kiosk.tree(), where);
      expect_prompt_reaches_the_column(layout, sizes, where);
      expect_the_pane_note_whole(layout, s_config->catalog.text(core::Message::of("sign.no_clip"), language, easy),
                                 s_config->catalog.text(core::Message::of("sign.no_clip.short"), language, easy),
                                 where);
      const auto& pages = layout.pages;
      const bool more_parts = layout.page + 1 < static_cast<int>(pages.size()) &&
                              pages[static_cast<std::size_t>(layout.page + 1)].front() == kiosk.focus().current();
      if (more_parts) {
        ++part;
      } else {
        part = 0;
        ++step;
        kiosk.command(core::Command::Down, core::InputSource::Key, 0);
      }
    }
  }
  EXPECT_TRUE(s_config->catalog.missing().empty())
      << "missing message id: " << *s_config->catalog.missing().begin();
}

INSTANTIATE_TEST_SUITE_P(AllSizesBothLanguages, LayoutFit,
                         ::testing::Combine(::testing::Values(80, 100, 120, 160, 200),
                                            ::testing::Values(std::string("zh-CN"), std::string("en")),
                                            ::testing::Values(Pane::None, Pane::Small, Pane::Large)));

// At 200 % the footer (status, caption, staff braille mirror, page indicator) once took
// so much height that the entitlements result showed one node a page (46 pages; 16 % of
// the height left for content, 3 % with a status line). Now, with the caption and the
// mirror showing (the usual case), content keeps at least 45 % of the height and a page
// 2 nodes on average (an entitlement's heading starts a page rather than end one);
// with a status line as well, at least 33 % and 1.5 nodes
// (English entries wrap to more lines). Both languages.
TEST_F(LayoutFit, ResultAt200PercentKeepsMostOfTheScreenForContent) {
  ASSERT_NE(s_config, nullptr);
  using C = core::Command;
  for (const std::string language : {"zh-CN", "en"}) {
    core::KioskOptions options = s_config->kiosk;
    options.hall_defaults.zoom = 200;
    options.hall_defaults.language = language;
    core::Kiosk kiosk(options, s_config->catalog);
    for (auto& service : app::make_services(*s_config)) kiosk.add_service(std::move(service));
    kiosk.start(0);
    for (auto key : {C::Select, C::Select, C::Down, C::Down, C::Select, C::Digit8, C::Select, C::Digit5, C::Select,
                     C::Digit5, C::Select, C::Digit4, C::Select, C::Digit3, C::Select})
      kiosk.command(key, core::InputSource::Key, 0);
    ASSERT_EQ(kiosk.tree().screen_id, "entitlements_result") << language;
    // A caption longer than the screen is wide, and a full 40-cell mirror line.
    const std::string caption = s_config->catalog.text(kiosk.tree().title, language) + "。" +
                                s_config->catalog.text(kiosk.tree().prompt, language) + "。" +
                                s_config->catalog.text(kiosk.tree().title, language);
    std::string mirror;
    for (int i = 0; i < 40; ++i) mirror += "\u283F";
    for (const bool with_status : {false, true}) {
      std::optional<core::Alert> status;
      if (with_status)
        status = core::Alert{"where", core::Message::of("where.flow").arg("screen", "x").arg("step", "6")
                                          .arg("steps", "6").arg("item", "1").arg("count", "46"), {}};
      core::LayoutInput input{kiosk.tree(), kiosk.focus().current(), kiosk.settings(), s_config->catalog,
                              status, caption, mirror, false};
      const auto layout = core::layout_screen(input, *s_measurer, s_config->metrics);
      const std::string where = language + (with_status ? " with status" : "");
      const double share = static_cast<double>(layout.content.h) / layout.list.height;
      EXPECT_GE(share, with_status ? 0.33 : 0.45) << where << ": content " << layout.content.h << " px of "
                                                  << layout.list.height;
      ASSERT_GT(layout.pages.size(), 1u) << where;
      // Nodes a page on average (entries of two lines make some pages hold fewer).
      const double per_page = static_cast<double>(kiosk.tree().nodes.size()) / static_cast<double>(layout.pages.size());
      EXPECT_GE(per_page, with_status ? 1.5 : 2.0) << where << ": " << layout.pages.size() << " pages";
      std::printf("%s at 200 %%: content %d px (%.0f %%), %zu pages for %zu nodes\n", where.c_str(),
                  layout.content.h, share * 100, layout.pages.size(), kiosk.tree().nodes.size());
    }
  }
}

// The caption keeps its newest words: the last lines, the first of them opened by "…"
// and still within the width; the first lines when asked, closed by "…".
TEST_F(LayoutFit, LimitLinesKeepsTheEndOrTheStartWithinTheWidth) {
  ASSERT_NE(s_measurer, nullptr);
  const std::string text = "请选择服务。用上下键选择，确认键进入，帮助键说明当前项，重复键再听一遍。优待政策查询，按钮，第1项，共7项";
  const int width = 600, px = 40;
  const auto all = core::wrap_text(text, width, px, core::FontFace::Regular, *s_measurer);
  ASSERT_GT(all.size(), 2u);
  auto tail = all;
  core::limit_lines(tail, 1, width, px, core::FontFace::Regular, *s_measurer, true);
  ASSERT_EQ(tail.size(), 1u);
  EXPECT_EQ(tail.front().rfind("…", 0), 0u) << tail.front();
  EXPECT_LE(s_measurer->width(tail.front(), px, core::FontFace::Regular), width);
  EXPECT_NE(tail.front().find("共7项"), std::string::npos) << tail.front();
  auto head = all;
  core::limit_lines(head, 2, width, px, core::FontFace::Regular, *s_measurer);
  ASSERT_EQ(head.size(), 2u);
  EXPECT_EQ(head.front(), all.front());
  EXPECT_LE(s_measurer->width(head.back(), px, core::FontFace::Regular), width);
  EXPECT_EQ(head.back().substr(head.back().size() - std::string("…").size()), "…") << head.back();
  auto fits = std::vector<std::string>{"短"};
  core::limit_lines(fits, 1, width, px, core::FontFace::Regular, *s_measurer, true);
  EXPECT_EQ(fits, std::vector<std::string>{"短"});
}

// A caption cut to its end fills its lines: the cut is where a line may break, not
// wherever wrapping the whole text happened to leave a fragment ("…3 of 22").
TEST_F(LayoutFit, WrapTailKeepsAFullLineOfTheNewestWords) {
  ASSERT_NE(s_measurer, nullptr);
  const int width = 900, px = 40;
  const std::string zh = "请选择服务。用上下键选择，确认键进入，帮助键说明当前项，重复键再听一遍。优待政策查询，按钮，第1项，共7项";
  const std::string en = "Help. Use up and down to hear each key. Select, the green diamond: choose the current item, item 3 of 22";
  for (const std::string& text : {zh, en}) {
    for (const std::size_t most : {std::size_t{1}, std::size_t{2}}) {
      const auto lines = core::wrap_tail(text, most, width, px, core::FontFace::Regular, *s_measurer);
      ASSERT_EQ(lines.size(), most) << text;
      std::string shown;
      for (const auto& line : lines) {
        EXPECT_LE(s_measurer->width(line, px, core::FontFace::Regular), width) << line;
        shown += line;
      }
      // Chinese sets "…" at mid-height; English gets "..." on the baseline.
      const std::string ellipsis = text == zh ? "…" : "...";
      ASSERT_EQ(shown.rfind(ellipsis, 0), 0u) << shown;
      const std::string kept = shown.substr(ellipsis.size());
      // The end of the text (wrapping drops only the spaces at line ends).
      std::string squeezed = text;
      std::erase(squeezed, ' ');
      std::string kept_squeezed = kept;
      std::erase(kept_squeezed, ' ');
      ASSERT_GE(squeezed.size(), kept_squeezed.size());
      EXPECT_EQ(squeezed.substr(squeezed.size() - kept_squeezed.size()), kept_squeezed) << shown;
      // The first line is full: one more word or character would not have fitted.
      EXPECT_GE(s_measurer->width(lines.front(), px, core::FontFace::Regular), width * 3 / 4) << lines.front();
      // English is cut before a word: on one line, the kept text follows a space.
      if (text == en && most == 1) {
        ASSERT_EQ(text.substr(text.size() - kept.size()), kept);
        EXPECT_EQ(text[text.size() - kept.size() - 1], ' ') << kept;
      }
    }
  }
  EXPECT_EQ(core::wrap_tail("短", 1, width, px, core::FontFace::Regular, *s_measurer), std::vector<std::string>{"短"});
}

TEST(Sizes, FollowTheMillimetreRules) {
  core::LayoutMetrics metrics;   // 0.248 mm pitch
  const auto s100 = core::sizes_for(100, metrics);
  EXPECT_GE(core::cap_height_px(s100.body_px) * metrics.pixel_pitch_mm, 6.1 - 0.25);
  EXPECT_GE(s100.target_min * metrics.pixel_pitch_mm, 15.0);
  EXPECT_GE(s100.gap * metrics.pixel_pitch_mm, 3.0);
  EXPECT_GE(s100.focus_thickness, 4);
  const auto s200 = core::sizes_for(200, metrics);
  EXPECT_GE(core::cap_height_px(s200.body_px) * metrics.pixel_pitch_mm, 12.2 - 0.3);
  EXPECT_GT(s200.focus_thickness, s100.focus_thickness);   // the ring scales with the text
}

// An item taller than the whole content area (a long notice at 200 %) is cut between
// lines over pages: each part stays above the page line, part k shows page k, every
// line is shown once, and the next item follows its last part.
TEST_F(LayoutFit, AnItemTallerThanThePageIsSplitOverPages) {
  ASSERT_NE(s_measurer, nullptr);
  std::string notice;
  for (int i = 0; i < 40; ++i) notice += "Bring your certificate and your identity card to window three. ";
  core::Tree tree;
  tree.screen_id = "notice";
  tree.title = core::Message::text("Notice");
  for (const auto& [id, role, name] : {std::tuple{"notice.text", core::Role::Text, notice},
                                       std::tuple{"notice.ok", core::Role::Button, std::string("OK")}}) {
    core::Node node;
    node.id = id;
    node.role = role;
    node.name = core::Message::text(name);
    tree.nodes.push_back(std::move(node));
  }
  core::Settings settings;
  settings.zoom = 200;
  settings.language = "en";
  const std::optional<core::Alert> no_status;
  core::LayoutInput input{tree, "notice.text", settings, s_config->catalog, no_status, "", "", false};
  const auto first = core::layout_screen(input, *s_measurer, s_config->metrics);
  const auto parts = static_cast<std::size_t>(
      std::count_if(first.pages.begin(), first.pages.end(),
                    [](const auto& page) { return page.front() == "notice.text"; }));
  ASSERT_GE(parts, 3u);
  EXPECT_EQ(first.pages.back().back(), "notice.ok");
  std::vector<std::string> shown;
  for (std::size_t part = 0; part < parts; ++part) {
    input.part = static_cast<int>(part);
    const auto layout = core::layout_screen(input, *s_measurer, s_config->metrics);
    EXPECT_EQ(layout.page, static_cast<int>(part));
    for (const auto& target : layout.targets)
      EXPECT_LE(target.rect.y + target.rect.h, layout.content.y + layout.content.h) << part;
    for (const auto& text : layout.list.texts)
      if (text.box.y >= layout.content.y && text.box.y < layout.content.y + layout.content.h)
        for (const auto& line : text.lines) shown.push_back(line.rfind("▶ ", 0) == 0 ? line.substr(4) : line);
  }
  // Past the last part stays on the last part.
  input.part = 99;
  EXPECT_EQ(core::layout_screen(input, *s_measurer, s_config->metrics).page, static_cast<int>(parts - 1));
  // Every line of the notice once, in order.
  std::string joined;
  for (const auto& line : shown) joined += line + " ";
  EXPECT_EQ(std::count(joined.begin(), joined.end(), 'B'), 40) << joined;
}
