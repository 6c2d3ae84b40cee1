// FAQ search benchmark (part of `npm run bench`; `node bench/faq.mjs` runs it alone): Candor's
// createFaqIndex against MiniSearch with its default options and Fuse.js with its default
// options, on the SAME 1,000 entries (English and Arabic, five variants of each fixture entry)
// and the SAME keystrokes (every prefix of every fixture query), in the same process. Reports
// time per keystroke (ABBA rounds as bench/run.mjs: median of each side, median of per-round
// ratios), recall at 3 on the Arabic and English query sets, and index build time. Always exits 0.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import Fuse from 'fuse.js';
import { createFaqIndex } from '@candor/core/faq';
import { faqSearchEntries, faqSearchQueries } from '../examples/fixtures/faq-search.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 150);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1000);
const TARGETS = { keystroke: 1.0 };

/** Who the question is for: each fixture entry five times, told apart by the customers it addresses. */
const AUDIENCES = [
  ['', ''],
  [' (business customers)', ' (لعملاء الأعمال)'],
  [' (students)', ' (للطلاب)'],
  [' (private banking)', ' (للخدمات الخاصة)'],
  [' (new customers)', ' (للعملاء الجدد)'],
];
/** 1,000 entries, ids `<fixture id>.v<variant>`. */
export const benchEntries = AUDIENCES.flatMap(([en, ar], v) =>
  faqSearchEntries.map((e) => ({ ...e, id: `${e.id}.v${v}`, question: `${e.question}${e.locale === 'ar' ? ar : en}` })),
);
const fixtureId = (id) => id.split('.')[0];

/** Every prefix of every query: what the index sees as the customer types. */
const keystrokes = faqSearchQueries.flatMap(({ query }) => [...query].map((_, i) => [...query].slice(0, i + 1).join('')));

/** The three engines, each as `build(entries)` → `search(query)` → ids, best first. */
export const ENGINES = {
  Candor: (entries) => {
    const index = createFaqIndex(entries);
    return (q) => index.search(q).map((r) => r.entry.id);
  },
  MiniSearch: (entries) => {
    // Default options: only the fields and how to read the nested ones are given.
    const ms = new MiniSearch({
      fields: ['question', 'answer', 'keywords'],
      extractField: (doc, field) => (field === 'answer' ? [...doc.answer.paragraphs, ...(doc.answer.steps ?? [])].join(' ') : field === 'keywords' ? (doc.keywords ?? []).join(' ') : doc[field]),
    });
    ms.addAll(entries);
    return (q) => ms.search(q).slice(0, 10).map((r) => r.id);
  },
  'Fuse.js': (entries) => {
    const fuse = new Fuse(entries, { keys: ['question', 'answer.paragraphs', 'answer.steps', 'keywords'] });
    return (q) => fuse.search(q).slice(0, 10).map((r) => r.item.id);
  },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Fuse.js scans every entry on every keystroke (tens of milliseconds each here): it is timed on
 * every 8th keystroke of the same list, and Candor on the same sample for that ratio.
 */
const sampled = keystrokes.filter((_, i) => i % 8 === 0);

/** Runs whole passes over the keystrokes for about `ms`; returns microseconds per keystroke. */
function perKeystroke(search, ms, keys = keystrokes) {
  let n = 0;
  const start = performance.now();
  let now = start;
  do {
    for (const k of keys) search(k);
    n += keys.length;
    now = performance.now();
  } while (now - start < ms);
  return ((now - start) * 1000) / n;
}

/** ABBA rounds, as bench/run.mjs: median µs per keystroke of each side and the median per-round ratio (candidate time / baseline time). */
function compare(baseline, candidate, { rounds = ROUNDS, roundMs = ROUND_MS, keys = keystrokes, warmupMs = WARMUP_MS } = {}) {
  perKeystroke(baseline, warmupMs / 2, keys);
  perKeystroke(candidate, warmupMs / 2, keys);
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) a.push(perKeystroke(baseline, roundMs, keys)), b.push(perKeystroke(candidate, roundMs, keys));
    else b.push(perKeystroke(candidate, roundMs, keys)), a.push(perKeystroke(baseline, roundMs, keys));
  }
  const ratios = a.map((x, i) => b[i] / x);
  return { baseline: median(a), candidate: median(b), ratio: median(ratios), ratioRange: [Math.min(...ratios), Math.max(...ratios)] };
}

/** Recall at 3: the share of queries with one of their expected entries (any variant) in the top 3. */
export function recallAt3(search, queries) {
  let found = 0;
  for (const q of queries) if (search(q.query).slice(0, 3).some((id) => q.expected.includes(fixtureId(id)))) found++;
  return found / queries.length;
}

function buildMs(build) {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    build(benchEntries);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Runs the FAQ benchmark and prints it. */
export function runFaqBench() {
  const arabic = faqSearchQueries.filter((q) => q.expected[0].startsWith('ar-'));
  const english = faqSearchQueries.filter((q) => q.expected[0].startsWith('en-'));
  const engines = Object.entries(ENGINES).map(([name, build]) => {
    const search = build(benchEntries);
    return { name, search, build: buildMs(build), recallAr: recallAt3(search, arabic), recallEn: recallAt3(search, english) };
  });
  const [candor, mini, fuse] = engines;
  console.log(`FAQ search: ${benchEntries.length} entries (en + ar), ${keystrokes.length} keystrokes (every prefix of ${faqSearchQueries.length} queries), top 10 per keystroke`);
  const vsMini = compare(mini.search, candor.search);
  // One pass per side and round over the sample, the first pass being the warm-up: two rounds (ABBA) keep the run short.
  const vsFuse = compare(fuse.search, candor.search, { rounds: 2, roundMs: 0, keys: sampled, warmupMs: 0 });
  const perKey = { Candor: vsMini.candidate, MiniSearch: vsMini.baseline, 'Fuse.js': vsFuse.baseline };
  console.log(`  ${'engine'.padEnd(12)} ${'µs/keystroke'.padStart(12)} ${'recall@3 ar'.padStart(12)} ${'recall@3 en'.padStart(12)} ${'build ms'.padStart(9)}`);
  for (const e of engines) {
    console.log(`  ${e.name.padEnd(12)} ${perKey[e.name].toFixed(1).padStart(12)} ${e.recallAr.toFixed(3).padStart(12)} ${e.recallEn.toFixed(3).padStart(12)} ${e.build.toFixed(1).padStart(9)}`);
  }
  const range = (c) => `${c.ratioRange[0].toFixed(2)}-${c.ratioRange[1].toFixed(2)}`;
  console.log(`  (Fuse.js timed on every 8th keystroke, ${sampled.length} of them; Candor on the same: ${vsFuse.candidate.toFixed(1)} µs)`);
  console.log(`  Candor time per keystroke / MiniSearch: ${vsMini.ratio.toFixed(2)}x (round min-max ${range(vsMini)}); / Fuse.js: ${vsFuse.ratio.toFixed(4)}x`);
  console.log(`targets (load average now ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores)`);
  console.log(`  time per keystroke <= ${TARGETS.keystroke}x MiniSearch (defaults): ${vsMini.ratio.toFixed(2)}x ${vsMini.ratio <= TARGETS.keystroke ? 'met' : 'NOT MET'}`);
  const recallMet = candor.recallAr >= mini.recallAr && candor.recallAr >= fuse.recallAr;
  console.log(`  recall@3 on the Arabic queries >= MiniSearch and Fuse.js: ${candor.recallAr.toFixed(3)} vs ${mini.recallAr.toFixed(3)} and ${fuse.recallAr.toFixed(3)} ${recallMet ? 'met' : 'NOT MET'}`);
  return { entries: benchEntries.length, keystrokes: keystrokes.length, engines: engines.map(({ search: _s, ...e }) => ({ ...e, usPerKeystroke: perKey[e.name] })), vsMini, vsFuse };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runFaqBench();
