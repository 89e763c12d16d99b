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
rule of zhcn-cbs ("safe"), else the most frequent one. A syllable no character has as
its own reading (neutral syllables, 切 qiē) gets the cells the scheme writes for it (the
same initial and final, the tone mark unless the scheme leaves that tone unwritten for
the initial) and any character liblouis writes so ("derived"). Needs lou_translate
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
PRIVATE_USE = 0xF200   # first code point of the generated rules' characters
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

    def valid(syllable, cells):
        """The scheme's tone rule: a mark equal to the tone, or none for the neutral tone and
        for the one tone the initial leaves unwritten (syllables without an initial vary)."""
        tone, last = syllable[-1], cells[-1:]
        if tone == "5":
            return last not in TONE_MARKS
        if last in TONE_MARKS:
            return str(TONE_MARKS[last]) == tone
        initial = initial_of(syllable)
        usual = omitted[initial].most_common(1)
        return initial == "" or (bool(usual) and usual[0][0] == tone)

    rows = {}
    for syllable, by_cells in groups.items():
        # Cells that break the tone rule are liblouis reading those characters another way.
        candidates = [kv for kv in by_cells.items() if kv[0][0] and valid(syllable, kv[0][0])]
        if not candidates:
            continue
        best = max(candidates, key=lambda kv: (len(kv[1]), agrees(syllable, kv[0]),
                                               sum(freq[c] for c in kv[1])))
        members = sorted(best[1], key=lambda c: (c in unsafe, -freq[c], c))
        rows[syllable] = (members[0], best[0][0], "safe" if members[0] not in unsafe else "word-rule")
    derive_missing(rows, omitted, {c: cbs[c] for c in known}, unsafe, freq, word_syllables(words_file))
    return rows, len(known), len(chars)


def derive_missing(rows, omitted, cells_of, unsafe, freq, needed):
    # Syllables of the word list that no character has as its own reading (切 is qiè
    # alone, qiē in 切换; 子 is neutral in 孩子): their cells follow from the same syllable
    # in another tone (the initial and final cells) and the scheme's tone rule for the
    # initial (its one unwritten tone; no mark for the neutral tone). Any character
    # liblouis writes that way will do.
    by_cells = collections.defaultdict(list)
    for c, cells in cells_of.items():
        by_cells[cells].append(c)
    usual = {i: cnt.most_common(1)[0][0] for i, cnt in omitted.items() if cnt}
    rules = []
    for syllable in sorted(needed - set(rows)):
        base, tone = syllable[:-1], syllable[-1]
        other = next((rows[base + t] for t in "12345" if base + t in rows), None)
        if other is None:
            continue
        stem = other[1][:-1] if other[1][-1:] in TONE_MARKS else other[1]
        marks = {"1": "⠁", "2": "⠂", "3": "⠄", "4": "⠆"}
        want = stem if tone == "5" or usual.get(initial_of(syllable)) == tone else stem + marks[tone]
        found = sorted(by_cells.get(want, []), key=lambda c: (c in unsafe, -freq[c], c))
        if found:
            rows[syllable] = (found[0], want, ("safe" if found[0] not in unsafe else "word-rule") + ", derived")
        else:
            # No character is written so (子 as neutral zi): a private-use character with a
            # generated rule in the project tables (current braille writes every tone).
            g1_cells = stem if tone == "5" else stem + marks[tone]
            rules.append((syllable, want, g1_cells))
    for k, (syllable, want, g1_cells) in enumerate(rules):
        rows[syllable] = (chr(PRIVATE_USE + k), want, "generated rule", g1_cells)


def word_syllables(words_file):
    out = set()
    with open(words_file, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                out.update(line.split("\t")[1].split())
    return out


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
    text = "\n".join(head + [f"{s}\t{r[0]}\t{r[1]}\t{r[2]}" for s, r in sorted(rows.items())]) + "\n"
    outputs = {args.out: text}
    generated = sorted((r[0], s, r[1], r[3]) for s, r in rows.items() if len(r) == 4)
    for name, column, what in (("kiosk-zh-syllables.cti", 2, "zhcn-cbs"),):
        lines = ["# SPDX-License-Identifier: GPL-3.0-or-later",
                 f"# Syllables no character is written as in {what}: one private-use character each (issue 13).",
                 "# GENERATED by tools/pinyin_dict/braille_syllables.py with config/braille/syllables.tsv. Do not edit."]
        lines += [f"always \\x{ord(g[0]):04X} {dots(g[column])}    # {g[1]}" for g in generated]
        outputs[os.path.join(os.path.dirname(args.out), name)] = "\n".join(lines) + "\n"
    for path, content in outputs.items():
        if args.check:
            with open(path, encoding="utf-8") as f:
                if f.read() != content:
                    sys.exit(f"{path} is out of date: run {sys.argv[0]}")
            continue
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        print(f"wrote {path}", file=sys.stderr)


def dots(cells):
    """'⠵⠄' -> '1356-3' (liblouis dot notation)."""
    out = []
    for cell in cells:
        bits = ord(cell) - 0x2800
        out.append("".join(str(d + 1) for d in range(8) if bits & (1 << d)) or "0")
    return "-".join(out)


if __name__ == "__main__":
    main()
