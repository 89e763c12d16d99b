// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the real kiosk binary headless on a script and reads back what it wrote: the
// transcript events, the exit code and stderr. Shared by the transcript suites.
#include <sys/types.h>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiosk::testing {

struct KioskRun {
  int exit_code = -1;
  std::vector<nlohmann::json> events;
  std::string stderr_text;
  std::filesystem::path dir;          // holds s.script, t.jsonl, err.txt, shots/
};

// A new empty folder under the temp dir, unique to this process and `name`.
std::filesystem::path fresh_dir(const std::string& name);

// The services of the hall the foundation's tests walk by position (home item 1, 2, 3, then
// settings, language, help, ...): the demo hall's first ones. A run without its own
// --config, and every hall_config_with / hall_config_in without a "services = " line of its
// own, gets the demo hall with this list, so a service added to the demo hall does not
// move every walk.
inline constexpr const char* kFoundationServices =
    R"(services = ["entitlements", "help_desk", "subsidies", "identity"])";
std::string foundation_hall(const std::filesystem::path& dir);

// kiosk --headless --script DIR/s.script --transcript DIR/t.jsonl --screenshots DIR/shots EXTRA
// with SDL's dummy audio and the null braille driver.
KioskRun run_kiosk_in(const std::filesystem::path& dir, const std::string& script, const std::string& extra = {});
// The same in fresh_dir(name).
KioskRun run_kiosk(const std::string& name, const std::string& script, const std::string& extra = {});

// A copy of the hall's config in DIR/config (with the shipped assets beside it) whose
// kiosk.toml lines starting with the given text are replaced, e.g. {"sign = ", "sign = true"};
// returns the --config argument.
std::string hall_config_with(const std::filesystem::path& dir, std::vector<std::pair<std::string, std::string>> lines);

// hall_config_with(DIR, lines) with the outbox and its key in DIR too, so runs that reach
// the embedded backend never share one.
std::string hall_config_in(const std::filesystem::path& dir,
                           std::vector<std::pair<std::string, std::string>> lines = {});

// The 1-based number of the first line of FILE starting with `start`; 0 when none does.
int line_starting_with(const std::filesystem::path& file, const std::string& start);

// ROOT/assets/sign with a manifest of one clip, home.title, whose file is garbage bytes.
void write_garbage_sign_assets(const std::filesystem::path& root);

std::vector<nlohmann::json> of_type(const KioskRun& run, const std::string& type);

// For suites that run the kiosk (or a server it needs) alongside the test, in real time:
// this process's environment without the variables starting with any of `drop`, then
// `add`; and a process started with it (args[0] looked up in PATH), its stdout to
// /dev/null, its stderr to `err`. Returns the pid, or -1.
std::vector<std::string> environment_with(std::initializer_list<const char*> drop, const std::vector<std::string>& add);
pid_t spawn_process(const std::vector<std::string>& args, const std::vector<std::string>& env,
                    const std::filesystem::path& err);

// Whether `tool` is found in PATH (a suite that needs it skips without it).
bool have_tool(const char* tool);
// An Xvfb server on `display` (":N", 1920x1080x24, no TCP), its stderr to DIR/xvfb.txt;
// when another server holds that display, on the next free one, written to `display`.
// Returns its pid once it listens; -1 (the server stopped) when it did not in 10 s.
pid_t start_xvfb(std::string& display, const std::filesystem::path& dir);
// The events of a transcript another process is still writing: each line that parses.
std::vector<nlohmann::json> read_events(const std::filesystem::path& transcript);

}  // namespace kiosk::testing
