// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads assets/sign/manifest.toml (format: assets/sign/README.md) into the core's
// SignManifest. A federation's recorded clips drop in by editing the file, never code.
// Called once at start-up on the main thread; blocking file I/O.
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/present/sign/sign_manifest.h"

namespace kiosk::drivers::video {

struct ManifestLoad {
  core::sign::SignManifest manifest;   // every entry that is valid and whose file exists
  // One line per problem, "FILE:LINE:COLUMN: what" (a bad entry is left out, the rest
  // load). A missing manifest is one problem and an empty manifest: the kiosk then runs
  // with captions only.
  std::vector<std::string> problems;
  bool ok() const { return problems.empty(); }
};

// manifest_file: e.g. <assets>/sign/manifest.toml. Clip paths in the result are relative
// to the manifest's parent folder's parent (the assets root), e.g.
// "sign/placeholder/home.title.mp4", which is what SignPane and the transcript use.
ManifestLoad load_sign_manifest(const std::filesystem::path& manifest_file);

}  // namespace kiosk::drivers::video
