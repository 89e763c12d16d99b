// SPDX-License-Identifier: GPL-3.0-or-later
// Video benchmark: prints figures, asserts nothing (issue 6).
//
//   video_bench [--seconds N] [--no-load]
//
// 1. Cost per frame (median and p95, ms) of decode, upload (SDL_UpdateYUVTexture) and
//    render (RenderCopy into a 1920x1080 window + Present), SDL dummy video driver with
//    the software renderer, at 640x360 and 1280x720.
// 2. The kiosk's whole frame while a clip plays: layout of home (deaf mode on) and
//    SdlDisplay drawing it with the sign pane (SignChannel's hook, FrameWait::Never) and
//    presenting it: what the main thread spends per video frame.
// 3. Real time, as in a hall: the window kiosk's loop (SDL_WaitEventTimeout until an event
//    or 250 ms, channel poll, layout, present_if_changed), the clip looping at 25 fps, for
//    N seconds at 640x360 and at 1280x720: frames decoded, shown, dropped (overtaken before
//    shown) and late (shown more than 20 ms after due), loop wake-ups (the sign channel's
//    frame timer ends the loop's wait; without it the loop would wake every 250 ms). First quiet, then
//    (unless --no-load) under load: eSpeak NG in process synthesising continuously (a new
//    utterance as soon as one ends, into a null sink, so synthesis never waits for a
//    device) and liblouis translating a 10-line Chinese screen every 50 ms (20 screens a
//    second, far more than any resident's key presses cause).
// 4. RSS with home drawn without the pane and then with it playing (in 2.), and in 3.
#include <SDL.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "drivers/audio/memory_sinks.h"
#include "drivers/braille/louis_translator.h"
#include "drivers/display/sdl_display.h"
#include "drivers/speech/espeak/espeak_driver.h"
#include "drivers/video/clip_decoder.h"
#include "drivers/video/sdl_video.h"
#include "drivers/video/video_player.h"
#include "kiosk/app/channels/sign_channel.h"
#include "kiosk/app/config.h"
#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk/core/present/layout.h"
#include "kiosk/core/text/normaliser.h"

using namespace kiosk::drivers::video;
namespace fs = std::filesystem;
namespace core = kiosk::core;
namespace app = kiosk::app;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

long status_kb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + std::strlen(key));
  }
  return -1;
}

double process_cpu_s() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

struct Summary { double median = 0, p95 = 0, max = 0; };
Summary summarise(std::vector<double> v) {
  if (v.empty()) return {};
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

void cost_per_frame(SDL_Renderer* renderer, const std::string& path, const char* label) {
  ClipDecoder decoder;
  const VideoError opened = decoder.open(path);
  if (!opened.ok()) {
    std::printf("%s: %s\n", label, opened.message.c_str());
    return;
  }
  std::vector<double> decode, upload, render, total;
  SDL_Texture* texture = nullptr;
  VideoFrame frame;
  VideoError error;
  const SDL_Rect pane{1920 - 660, 1080 - 380, 640, 360};
  for (int round = 0; round < 2; ++round) {
    decoder.rewind();
    for (;;) {
      const auto t0 = Clock::now();
      if (decoder.next(frame, error) != DecodeStatus::Frame) break;
      const double d = ms_since(t0);
      const auto t1 = Clock::now();
      upload_to_texture(renderer, frame, texture);
      const double u = ms_since(t1);
      const auto t2 = Clock::now();
      SDL_SetRenderDrawColor(renderer, 20, 20, 20, 255);
      SDL_RenderClear(renderer);
      SDL_RenderCopy(renderer, texture, nullptr, &pane);
      SDL_RenderPresent(renderer);
      const double r = ms_since(t2);
      decode.push_back(d);
      upload.push_back(u);
      render.push_back(r);
      total.push_back(d + u + r);
    }
  }
  if (texture != nullptr) SDL_DestroyTexture(texture);
  const Summary sd = summarise(decode), su = summarise(upload), sr = summarise(render),
                st = summarise(total);
  std::printf("%-9s %4dx%-4d %3zu frames | decode %.2f/%.2f | upload %.2f/%.2f | "
              "render+present %.2f/%.2f | total %.2f/%.2f (max %.2f) ms median/p95\n",
              label, frame.width, frame.height, decode.size(), sd.median, sd.p95, su.median,
              su.p95, sr.median, sr.p95, st.median, st.p95, st.max);
}

// A hall root whose manifest signs home (its title, the fallback of every item) with `clip`.
fs::path bench_root(const fs::path& dir, const std::string& name, const fs::path& clip) {
  const fs::path root = dir / ("root_" + name);
  fs::create_directories(root / "assets" / "sign" / "bench");
  fs::copy_file(clip, root / "assets" / "sign" / "bench" / clip.filename(),
                fs::copy_options::overwrite_existing);
  std::ofstream(root / "assets" / "sign" / "manifest.toml")
      << "[manifest]\nformat = 1\nsign_language = \"国家通用手语\"\n\n"
      << "[clips.\"home.title\"]\nfile = \"bench/" << clip.filename().string() << "\"\n"
      << "duration_ms = 4000\nsign_language = \"国家通用手语\"\nversion = \"bench\"\nplaceholder = true\n";
  return root;
}

// Real speech and braille work beside the kiosk, each on its own thread as in the app
// (the speech driver's worker; braille stands in for the main thread's translations).
class Load {
 public:
  bool start(const fs::path& source_root) {
    auto opened = kiosk::drivers::speech::EspeakDriver::open(m_sink);
    if (!opened) {
      std::fprintf(stderr, "eSpeak NG: %s\n", opened.error().message.c_str());
      return false;
    }
    m_speech = std::move(opened.value());
    auto louis = kiosk::drivers::braille::LouisTranslator::open({(source_root / "config" / "braille").string()});
    if (!louis.translator) {
      std::fprintf(stderr, "liblouis: %s\n", louis.error.c_str());
      return false;
    }
    m_louis = std::move(louis.translator);
    m_speaker = std::thread([this] { speak_on(); });
    m_brailler = std::thread([this] { braille_on(); });
    return true;
  }
  void stop() {
    m_stop = true;
    if (m_speaker.joinable()) m_speaker.join();
    if (m_brailler.joinable()) m_brailler.join();
    if (m_speech) m_speech->stop();
  }
  ~Load() { stop(); }
  std::uint64_t utterances() const { return m_utterances; }
  std::uint64_t screens() const { return m_screens; }
  std::uint64_t samples() const { return m_sink.speech_frames_written(); }

 private:
  // The driver's methods are for one thread (the app's main thread); here this one.
  void speak_on() {
    static const char* texts[] = {
        "残疾人两项补贴查询，按钮，第1项，共6项。查看您可以享受的补贴和办理地点。",
        "重度残疾人护理补贴，每月按标准发放，请携带身份证和残疾人证到县残联办理。",
        "请于2024年3月5日携带身份证办理，联系电话0357-1234567。",
        "Welcome. Please choose a service with the arrow keys and press Enter."};
    std::uint64_t id = 0;
    while (!m_stop) {
      if (!m_speech->is_speaking()) {
        kiosk::drivers::speech::Utterance u;
        u.id = ++id;
        u.runs = core::speech::normalise(texts[id % 4]).runs;
        m_speech->speak(std::move(u));
        ++m_utterances;
      }
      m_speech->drain_events();
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  void braille_on() {
    static const char* screen[] = {"残疾人两项补贴查询", "请插入身份证或残疾人证", "困难残疾人生活补贴",
                                   "重度残疾人护理补贴", "银行卡号 6222 0212 3456 7890",
                                   "联系电话 13812345678", "办理进度查询", "呼叫工作人员",
                                   "返回首页", "第2步，共5步"};
    auto next = Clock::now();
    while (!m_stop) {
      for (const char* line : screen) (void)m_louis->translate(line, {});
      ++m_screens;
      next += std::chrono::milliseconds(50);
      std::this_thread::sleep_until(next);
    }
  }

  kiosk::drivers::audio::NullSink m_sink;
  std::unique_ptr<kiosk::drivers::speech::EspeakDriver> m_speech;
  std::unique_ptr<kiosk::drivers::braille::LouisTranslator> m_louis;
  std::thread m_speaker, m_brailler;
  std::atomic<bool> m_stop{false};
  std::atomic<std::uint64_t> m_utterances{0}, m_screens{0};
};

// The kiosk on home with deaf mode on, its sign channel attached to a real display,
// driven by a copy of the window loop (kiosk/app/app.cpp run_window).
struct Hall {
  app::Config config;
  core::Kiosk kiosk;
  kiosk::drivers::display::SdlDisplay screen;
  app::Transcript transcript;
  std::unique_ptr<app::SignChannel> channel;
  std::unique_ptr<app::ChannelContext> context;
  Clock::time_point origin = Clock::now();

  std::int64_t now() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - origin).count();
  }
  explicit Hall(app::Config c) : config(std::move(c)), kiosk(config.kiosk, config.catalog) {
    kiosk::drivers::display::Options options;
    options.mode = kiosk::drivers::display::DisplayMode::Window;   // SDL_VIDEODRIVER=dummy
    options.width = config.metrics.width;
    options.height = config.metrics.height;
    if (auto status = screen.open(options); !status)
      std::fprintf(stderr, "display: %s\n", status.error().message.c_str());
    if (!config.themes.empty()) screen.set_theme(config.themes.front());
    channel = std::make_unique<app::SignChannel>(config);
    channel->attach(screen, [this] { return now(); }, false);
    context = std::make_unique<app::ChannelContext>(app::ChannelContext{
        kiosk, config, transcript, [](core::Command, core::InputSource) {}, [](const std::string&) {},
        [](const std::string&, core::Message) {}, [](const core::FieldInput&) {}});
    feed(kiosk.start(now()));
    feed(kiosk.command(core::Command::Select, core::InputSource::Key, now()));
    feed(kiosk.command(core::Command::Sign, core::InputSource::Key, now()));
  }
  ~Hall() { channel.reset(); }
  void feed(const core::Effects& effects) {
    channel->present(effects, *context);
    channel->poll(*context);
  }
  core::ScreenLayout layout(bool pane = true) {
    core::LayoutInput input{kiosk.tree(), kiosk.focus().current(), kiosk.settings(), config.catalog,
                            kiosk.status(), "残疾人两项补贴查询", "", pane};
    return core::layout_screen(input, screen.measurer(), config.metrics);
  }
};

void kiosk_frame_cost(app::Config config, const char* label) {
  Hall hall(std::move(config));
  hall.screen.present_if_changed(hall.layout(false).list);   // the screen without the pane
  const long rss_before = status_kb("VmRSS:");
  std::vector<double> cost;
  hall.screen.present_if_changed(hall.layout().list);   // opens the clip
  hall.channel->pane()->player().set_loop(LoopMode::Loop);
  for (int i = 0; i < 100; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(40));   // a new frame is due
    const auto t0 = Clock::now();
    hall.channel->poll(*hall.context);
    hall.screen.present_if_changed(hall.layout().list);
    cost.push_back(ms_since(t0));
  }
  const Summary s = summarise(cost);
  std::printf("%-9s whole kiosk frame (poll + layout + draw home with pane + present): "
              "%.2f/%.2f ms median/p95, max %.2f; RSS %ld kB without the pane, %ld kB with it playing\n",
              label, s.median, s.p95, s.max, rss_before, status_kb("VmRSS:"));
}

void realtime(app::Config config, const char* label, double seconds, Load* load) {
  const long rss_before = status_kb("VmRSS:");
  Hall hall(std::move(config));
  hall.screen.present_if_changed(hall.layout().list);
  PlayerState state = hall.channel->pane()->player().state();
  if (state != PlayerState::Playing) {
    std::printf("%-9s clip did not start (%s)\n", label, hall.channel->pane()->clip().c_str());
    return;
  }
  hall.channel->pane()->player().set_loop(LoopMode::Loop);
  const double cpu0 = process_cpu_s();
  const std::uint64_t utterances0 = load ? load->utterances() : 0, screens0 = load ? load->screens() : 0;
  std::uint64_t wakeups = 0, late = 0, last_index = UINT64_MAX;
  long rss_open = 0;
  const auto start = Clock::now();
  while (ms_since(start) < seconds * 1000.0) {
    SDL_Event event;
    if (SDL_WaitEventTimeout(&event, 250)) {
      while (SDL_PollEvent(&event)) {}
    }
    ++wakeups;
    hall.channel->poll(*hall.context);
    hall.screen.present_if_changed(hall.layout().list);
    auto& player = hall.channel->pane()->player();
    const std::int64_t t = hall.now();
    if (const VideoFrame* f = player.frame_for(t); f != nullptr && f->index != last_index) {
      last_index = f->index;
      if (player.media_time(t) - f->pts_ms > 20) ++late;
    }
    if (wakeups == 100) rss_open = status_kb("VmRSS:");
  }
  const double cpu = process_cpu_s() - cpu0;
  const PlayerStats stats = hall.channel->pane()->player().stats();
  const double expected = seconds * 25.0;
  std::printf("%-9s %.0f s%s: %llu decoded, %llu shown (%.0f due), %llu dropped, %llu late; "
              "%llu wake-ups; process CPU %.0f %%",
              label, seconds, load ? " under load" : "", static_cast<unsigned long long>(stats.decoded),
              static_cast<unsigned long long>(stats.shown), expected,
              static_cast<unsigned long long>(stats.dropped), static_cast<unsigned long long>(late),
              static_cast<unsigned long long>(wakeups), 100.0 * cpu / seconds);
  if (load)
    std::printf("; load: %llu utterances, %llu braille screens",
                static_cast<unsigned long long>(load->utterances() - utterances0),
                static_cast<unsigned long long>(load->screens() - screens0));
  std::printf("\n%-9s RSS %ld kB before the pane, %ld kB with it playing, peak %ld kB\n", "", rss_before,
              rss_open, status_kb("VmHWM:"));
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 10;
  bool with_load = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) seconds = std::atof(argv[++i]);
    else if (std::strcmp(argv[i], "--no-load") == 0) with_load = false;
  }
  const fs::path dir = VIDEO_BENCH_DIR;
  const std::string cmd = std::string("bash '") + VIDEO_FIXTURE_SCRIPT + "' '" + dir.string() + "'";
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "could not make the clips with ffmpeg\n");
    return 1;
  }
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  setenv("SDL_RENDER_DRIVER", "software", 1);
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
    return 1;
  }
  const fs::path source_root = KIOSK_SOURCE_ROOT;
  auto loaded = app::load_config(source_root / "config" / "kiosk.toml");
  if (!loaded.ok()) {
    std::fprintf(stderr, "config: %s\n", loaded.describe().c_str());
    return 1;
  }
  {
    SDL_Window* window = SDL_CreateWindow("video_bench", 0, 0, 1920, 1080, 0);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE) : nullptr;
    if (renderer == nullptr) {
      std::fprintf(stderr, "renderer: %s\n", SDL_GetError());
      return 1;
    }
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer, &info);
    std::printf("renderer %s, window 1920x1080; %u CPUs\n", info.name, std::thread::hardware_concurrency());
    cost_per_frame(renderer, (source_root / "assets/sign/placeholder/timeout.prompt.mp4").string(),
                   "sign clip");
    cost_per_frame(renderer, (dir / "h264_360p_4s.mp4").string(), "h264");
    cost_per_frame(renderer, (dir / "vp9.webm").string(), "vp9");
    cost_per_frame(renderer, (dir / "h264_720p.mp4").string(), "h264");
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
  }
  struct Case { const char* label; fs::path clip; };
  const Case cases[] = {{"360p", dir / "h264_360p_4s.mp4"}, {"720p", dir / "h264_720p.mp4"}};
  auto config_for = [&](const Case& c) {
    app::Config config = *loaded.config;
    config.root = bench_root(dir, c.label, c.clip);
    return config;
  };
  for (const Case& c : cases) kiosk_frame_cost(config_for(c), c.label);
  for (const Case& c : cases) realtime(config_for(c), c.label, seconds, nullptr);
  if (with_load) {
    Load load;
    if (!load.start(source_root)) return 1;
    for (const Case& c : cases) realtime(config_for(c), c.label, seconds, &load);
    load.stop();
    std::printf("speech: %llu samples synthesised in all (%.0f s of audio)\n",
                static_cast<unsigned long long>(load.samples()), static_cast<double>(load.samples()) / 22050.0);
  }
  SDL_Quit();
  return 0;
}
