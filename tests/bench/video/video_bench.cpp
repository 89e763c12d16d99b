// Video benchmark: prints figures, asserts nothing.
//
//   video_bench [--seconds N] [--load]
//
// 1. Cost per frame (median and p95, ms) of decode, upload (SDL_UpdateYUVTexture) and
//    render (RenderCopy into a 1920x1080 window + Present), SDL dummy video driver with
//    the software renderer, at 640x360 and 1280x720.
// 2. Real-time playback at 25 fps with a 60 Hz draw loop (FrameWait::Never, as in a
//    hall): frames dropped and frames shown more than one draw late. --load adds a
//    thread that keeps half a core busy, standing in for speech synthesis and braille.
// 3. RSS before and with the pane playing.
#include <SDL.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "drivers/video/clip_decoder.h"
#include "drivers/video/sdl_video.h"
#include "drivers/video/video_player.h"

using namespace kiosk::drivers::video;
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
  const SDL_Rect pane{1920 - 660, 1080 - 380, 640, 360};   // the pane as laid out at 100 %
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

void realtime(SDL_Renderer* renderer, const std::string& path, const char* label, double seconds,
              bool load) {
  std::atomic<bool> stop{false};
  std::thread burner;
  if (load) {
    burner = std::thread([&] {   // ~50 % of one core: 5 ms busy, 5 ms asleep
      volatile double x = 0;
      while (!stop) {
        const auto t0 = Clock::now();
        while (ms_since(t0) < 5.0) x = x + 1.0;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    });
  }
  const auto origin = Clock::now();
  auto now_ms = [origin] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - origin).count();
  };
  const long rss_before = status_kb("VmRSS:");
  const std::filesystem::path clip(path);
  SignPane pane(clip.parent_path(), now_ms);
  kiosk::core::DrawVideo video{{1920 - 660, 1080 - 380, 640, 360}, clip.filename().string()};
  // Open once, then loop the clip for the whole run.
  pane.draw(renderer, video, now_ms(), SDL_Color{20, 20, 20, 255});
  pane.player().set_loop(LoopMode::Loop);
  std::uint64_t late = 0, draws = 0, last_index = UINT64_MAX;
  long rss_open = 0;
  std::vector<double> draw_ms;
  const auto interval = std::chrono::microseconds(16'667);
  auto next = Clock::now();
  while (ms_since(origin) < seconds * 1000.0) {
    const std::int64_t t = now_ms();
    const auto t0 = Clock::now();
    SDL_SetRenderDrawColor(renderer, 20, 20, 20, 255);
    SDL_RenderClear(renderer);
    pane.draw(renderer, video, t, SDL_Color{20, 20, 20, 255});
    SDL_RenderPresent(renderer);
    draw_ms.push_back(ms_since(t0));
    ++draws;
    const std::int64_t media = pane.player().media_time(t);
    const VideoFrame* f = pane.player().frame_for(t);
    if (f != nullptr && f->index != last_index) {
      last_index = f->index;
      if (media - f->pts_ms > 17) ++late;   // shown more than one draw after it was due
    }
    if (draws == 60) rss_open = status_kb("VmRSS:");
    next += interval;
    std::this_thread::sleep_until(next);
  }
  stop = true;
  if (burner.joinable()) burner.join();
  const PlayerStats stats = pane.player().stats();
  const Summary sd = summarise(draw_ms);
  std::printf("%-9s real time %.0f s%s: %llu decoded, %llu shown, %llu dropped, %llu late; "
              "draw %.2f/%.2f ms median/p95; RSS %ld kB before, %ld kB pane open, peak %ld kB\n",
              label, seconds, load ? " +load" : "", static_cast<unsigned long long>(stats.decoded),
              static_cast<unsigned long long>(stats.shown),
              static_cast<unsigned long long>(stats.dropped), static_cast<unsigned long long>(late),
              sd.median, sd.p95, rss_before, rss_open, status_kb("VmHWM:"));
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 8;
  bool load = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) seconds = std::atof(argv[++i]);
    else if (std::strcmp(argv[i], "--load") == 0) load = true;
  }
  const std::string dir = VIDEO_BENCH_DIR;
  const std::string cmd = std::string("bash '") + VIDEO_FIXTURE_SCRIPT + "' '" + dir + "'";
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "could not make the clips with ffmpeg\n");
    return 1;
  }
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  setenv("SDL_RENDER_DRIVER", "software", 1);
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
    return 1;
  }
  SDL_Window* window = SDL_CreateWindow("video_bench", 0, 0, 1920, 1080, 0);
  SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE) : nullptr;
  if (renderer == nullptr) {
    std::fprintf(stderr, "renderer: %s\n", SDL_GetError());
    return 1;
  }
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer, &info);
  std::printf("renderer %s, window 1920x1080, pane 640x360; %u CPUs\n", info.name,
              std::thread::hardware_concurrency());
  const std::string placeholder =
      std::string(KIOSK_SOURCE_ROOT) + "/assets/sign/placeholder/session.timeout_warning.mp4";
  cost_per_frame(renderer, placeholder, "sign clip");
  cost_per_frame(renderer, dir + "/h264_360p_4s.mp4", "h264");
  cost_per_frame(renderer, dir + "/vp9.webm", "vp9");
  cost_per_frame(renderer, dir + "/h264_720p.mp4", "h264");
  realtime(renderer, dir + "/h264_360p_4s.mp4", "360p", seconds, load);
  realtime(renderer, dir + "/h264_720p.mp4", "720p", seconds, load);
  SDL_DestroyRenderer(renderer);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
