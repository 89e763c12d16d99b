// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What `kiosk --version` prints: the kiosk's version, its licence, and the version of
// each library as the library reports it at run time (not the headers it was built
// with), so a hall technician sees what is actually loaded on the terminal. No I/O, no
// library initialisation; any thread.
#include <string>
#include <vector>

namespace kiosk::app {

struct LibraryVersion {
  std::string name;      // as docs/third-party.md names it, e.g. "eSpeak NG"
  std::string version;   // as the library reports it, e.g. "1.51"
  std::string detail;    // optional, e.g. FFmpeg's component library versions; may be empty
};

// The libraries the kiosk binary loads, in the order --version prints them.
std::vector<LibraryVersion> loaded_library_versions();

// The whole --version text, one item a line, ending in '\n'.
std::string version_text();

}  // namespace kiosk::app
