#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates assets/pinyin/words.tsv, the kiosk's pronunciation word list, from the
npm package @pinyin-pro/data (ISC). Run at release time, never at build time:

    tools/pinyin_dict/generate.py                       # npm pack @pinyin-pro/data@1.3.1
    tools/pinyin_dict/generate.py --package DIR_OR_TGZ  # an unpacked package or its .tgz
    tools/pinyin_dict/generate.py --check               # exit 1 if the file is stale

What goes in (docs/accessibility.md section 4):
  * every entry of json/modern.json (58,907 modern words and characters);
  * the single characters of json/complete.json it lacks (一, 不, 当, ... and rare ones);
  * the words of json/complete.json with a frequency of at least 1e-10 (一个, 你好, ...).
Readings become tone-numbered pinyin (tone 5 = neutral, ü = v). The data writes the
一/不 tone changes into its words (不要 bú yào); the file keeps the citation tones
(bu4 yao4) because the kiosk applies the changes itself, after segmentation, and braille
writes citation tones. Frequencies become integers per 10^12 words (at least 1).
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@pinyin-pro/data"
VERSION = "1.3.1"
MIN_COMPLETE_FREQ = 1e-10
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "assets", "pinyin", "words.tsv"))

TONED = {}
for base, marks in {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù",
                    "v": "ǖǘǚǜ"}.items():
    for tone, mark in enumerate(marks, start=1):
        TONED[mark] = (base, tone)


def numbered(syllable):
    """'lǜ' -> 'lv4', 'zhang' -> 'zhang5'. Raises ValueError on anything else."""
    tone = 5
    out = []
    for ch in syllable:
        if ch in TONED:
            base, tone = TONED[ch]
            out.append(base)
        elif ch == "ü":
            out.append("v")
        elif "a" <= ch <= "z":
            out.append(ch)
        else:
            raise ValueError(f"unexpected letter {ch!r} in {syllable!r}")
    return "".join(out) + str(tone)


def citation(word, syllables):
    """Undoes the 一/不 tone changes the data writes into words."""
    out = list(syllables)
    for i, ch in enumerate(word):
        if ch == "一" and out[i] in ("yi2", "yi4"):
            out[i] = "yi1"
        elif ch == "不" and out[i] == "bu2":
            out[i] = "bu4"
    return out


def unpack(package, workdir):
    if package is None:
        subprocess.run(["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"], cwd=workdir, check=True,
                       stdout=subprocess.DEVNULL)
        package = os.path.join(workdir, [f for f in os.listdir(workdir) if f.endswith(".tgz")][0])
    if os.path.isfile(package):
        with open(package, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        with tarfile.open(package) as tar:
            tar.extractall(workdir, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(workdir)
        return os.path.join(workdir, "package"), f"sha256 of the .tgz {digest}"
    return package, "from an unpacked directory"


def build(root, origin):
    with open(os.path.join(root, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("license") != "ISC":
        sys.exit(f"{root}: licence is {meta.get('license')!r}, expected ISC: review before use")
    with open(os.path.join(root, "json", "modern.json"), encoding="utf-8") as f:
        modern = json.load(f)
    with open(os.path.join(root, "json", "complete.json"), encoding="utf-8") as f:
        complete = json.load(f)
    chosen = dict(modern)
    for word, value in complete.items():
        if word in chosen:
            continue
        if len(word) == 1 or value[1] >= MIN_COMPLETE_FREQ:
            chosen[word] = value
    rows, skipped = [], 0
    for word, value in chosen.items():
        try:
            syllables = [numbered(s) for s in value[0].split()]
        except ValueError:
            skipped += 1
            continue
        if len(syllables) != len(word):
            skipped += 1
            continue
        freq = max(1, round(float(value[1]) * 1e12))
        rows.append((word, " ".join(citation(word, syllables)), freq))
    rows.sort(key=lambda r: r[0])
    head = [
        "# SPDX-License-Identifier: ISC",
        f"# Generated from the npm package {PACKAGE} {meta['version']} ({origin}),",
        "# ISC licence, https://github.com/chinese-data/pinyin-pro-data (docs/third-party.md).",
        "# Regenerate: tools/pinyin_dict/generate.py   (do not edit by hand)",
        f"# modern.json, plus complete.json's single characters and words with frequency >= {MIN_COMPLETE_FREQ:g};",
        f"# {len(rows)} entries, {skipped} skipped (syllable count differs from the characters).",
        "# word<TAB>tone-numbered pinyin (5 = neutral, v = ü, citation tones)<TAB>frequency per 10^12 words",
    ]
    return "\n".join(head + [f"{w}\t{p}\t{n}" for w, p, n in rows]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--package", help="unpacked package directory or .tgz (default: npm pack)")
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="fail if --out differs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        root, origin = unpack(args.package, workdir)
        text = build(root, origin)
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{args.out} is out of date: run {sys.argv[0]}")
        return
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {args.out}: {text.count(chr(10)) - 7} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
