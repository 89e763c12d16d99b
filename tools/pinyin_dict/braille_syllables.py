#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates config/braille/syllables.tsv: for every toned syllable of the word list, one
canonical character that liblouis's zhcn-cbs and zhcn-g1 tables write as that syllable
(docs/accessibility.md section 5, issue 13). The kiosk's braille channel puts the
canonical character of each syllable the reading step chose in place of the printed one,
so liblouis's cells (initials, finals, the scheme's tone omission) follow the kiosk's
readings instead of liblouis's one reading per character and its greedy word rules.

    tools/pinyin_dict/braille_syllables.py [--words assets/pinyin/words.tsv]
        [--tables /usr/share/liblouis/tables] [--out config/braille/syllables.tsv] [--check]

How a character is chosen for a syllable: the characters whose reading in the word list
is that syllable are translated alone through both tables; the cells most of them share
are the syllable's cells (a tie goes to the cells whose tone omission agrees with the
rest of the syllables of the same initial, then to the more frequent characters); the
canonical character is the most frequent one with those cells that appears in no word
rule of zhcn-cbs ("safe"), else the most frequent one. A neutral syllable with no
character of its own borrows the character of the same syllable whose tone the scheme
leaves unwritten (neutral syllables carry no tone mark). Needs lou_translate
(liblouis-bin).
"""
import argparse
import collections
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TONE_MARKS = {"⠁": 1, "⠂": 2, "⠄": 3, "⠆": 4}
INITIALS = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
            "r", "z", "c", "s", "y", "w"]


def initial_of(syllable):
    for i in INITIALS:
        if syllable.startswith(i):
            return i
    return ""


def translate(chars, table, tables_dir):
    env = dict(os.environ, LOUIS_TABLEPATH=tables_dir)
    out = subprocess.run(["lou_translate", "--forward", f"unicode.dis,{table}"], input="\n".join(chars) + "\n",
                         capture_output=True, text=True, env=env, check=True).stdout.split("\n")
    return dict(zip(chars, out))


def word_rule_chars(tables_dir):
    chars = set()
    with open(os.path.join(tables_dir, "zhcn-cbs.ctb"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"always\s+(\S+)\s", line)
            if not m:
                continue
            word = re.sub(r"\\x([0-9a-fA-F]{4})", lambda h: chr(int(h.group(1), 16)), m.group(1))
            if len(word) > 1:
                chars.update(word)
    return chars


def build(words_file, tables_dir):
    readings, freq = {}, {}
    with open(words_file, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, pinyin, n = line.rstrip("\n").split("\t")
            if len(word) == 1:
                readings[word], freq[word] = pinyin, int(n)
    chars = sorted(readings)
    cbs = translate(chars, "zhcn-cbs.ctb", tables_dir)
    g1 = translate(chars, "zhcn-g1.ctb", tables_dir)
    unsafe = word_rule_chars(tables_dir)
    # A character liblouis does not know comes back as an escape ("\x...") in dot 7/8 cells.
    known = [c for c in chars if cbs.get(c) and all("\u2800" <= b <= "\u283f" for b in cbs[c] + g1.get(c, "x"))]
    groups = collections.defaultdict(lambda: collections.defaultdict(list))
    for c in known:
        groups[readings[c]][(cbs[c], g1[c])].append(c)
    # Which tones go unwritten for each initial (the scheme omits one tone per initial).
    omitted = collections.defaultdict(collections.Counter)
    for syllable, by_cells in groups.items():
        (cells, _), members = max(by_cells.items(), key=lambda kv: len(kv[1]))
        if syllable[-1] != "5" and cells and cells[-1] not in TONE_MARKS:
            omitted[initial_of(syllable)][syllable[-1]] += len(members)

    def agrees(syllable, cells):
        unwritten = cells[0][-1:] not in TONE_MARKS
        usual = omitted[initial_of(syllable)].most_common(1)
        return unwritten == (bool(usual) and usual[0][0] == syllable[-1])

    rows = {}
    for syllable, by_cells in groups.items():
        best = max(by_cells.items(), key=lambda kv: (len(kv[1]), agrees(syllable, kv[0]),
                                                      sum(freq[c] for c in kv[1])))
        members = sorted(best[1], key=lambda c: (c in unsafe, -freq[c], c))
        rows[syllable] = (members[0], best[0][0], "safe" if members[0] not in unsafe else "word-rule")
    # Neutral syllables without a character of their own.
    bases = {s[:-1] for s in rows} | {p[:-1] for p in readings.values()}
    for base in sorted(bases):
        if base + "5" in rows:
            continue
        for tone in "1234":
            row = rows.get(base + tone)
            if row and row[1][-1:] not in TONE_MARKS:
                rows[base + "5"] = (row[0], row[1], row[2] + ", borrowed from tone " + tone)
                break
    return rows, len(known), len(chars)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", default=os.path.join(ROOT, "assets", "pinyin", "words.tsv"))
    parser.add_argument("--tables", default="/usr/share/liblouis/tables")
    parser.add_argument("--out", default=os.path.join(ROOT, "config", "braille", "syllables.tsv"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    rows, known, total = build(args.words, args.tables)
    head = [
        "# SPDX-License-Identifier: GPL-3.0-or-later",
        "# Canonical character per toned syllable for the braille channel (docs/accessibility.md 5).",
        "# Generated by tools/pinyin_dict/braille_syllables.py from assets/pinyin/words.tsv and",
        f"# liblouis's zhcn-cbs.ctb / zhcn-g1.ctb ({known} of {total} characters known to liblouis). Do not edit.",
        "# syllable<TAB>character<TAB>zhcn-cbs cells<TAB>note",
    ]
    text = "\n".join(head + [f"{s}\t{c}\t{cells}\t{note}" for s, (c, cells, note) in sorted(rows.items())]) + "\n"
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{args.out} is out of date: run {sys.argv[0]}")
        return
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {args.out}: {len(rows)} syllables", file=sys.stderr)


if __name__ == "__main__":
    main()
