// SPDX-License-Identifier: GPL-3.0-or-later
// The audit's reference reading (issue 13): pinyin-pro (MIT) with its complete dictionary
// (@pinyin-pro/data, ISC), an independent segmenter and reader. Reads a JSON array of
// texts on stdin; writes {text: [syllable or "" per code point]} with tone-numbered
// citation syllables (5 = neutral, v = ü; toneSandhi off, as the kiosk's citation).
// PINYIN_REFERENCE_DIR names the folder where npm installed the two packages.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire((process.env.PINYIN_REFERENCE_DIR || '.') + '/');
const { pinyin, addDict } = require('pinyin-pro');
addDict(require('@pinyin-pro/data/complete.json'));

const texts = JSON.parse(readFileSync(0, 'utf8'));
const out = {};
for (const text of texts) {
  const items = pinyin(text, { type: 'all', toneType: 'num', toneSandhi: false, v: true });
  const syllables = [];
  for (const item of items) {
    const n = [...item.origin].length;
    if (item.isZh && n === 1) syllables.push(item.pinyin.replace(/0$/, '5').replace(/^([a-z]+)$/, '$15'));
    else for (let i = 0; i < n; i++) syllables.push('');
  }
  out[text] = syllables;
}
process.stdout.write(JSON.stringify(out));
