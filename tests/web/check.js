#!/usr/bin/env node
// Web quality checks of generated pages in Debian's headless Chromium:
// axe-core (WCAG 2.1 A and AA) at 390 and 1280 px, no horizontal scrolling
// at 390 px or on an A4 print page, no external requests, no scripts,
// every internal link resolves, and an A4 PDF print of each page.
//
// usage: node check.js [--print DIR] [--shots DIR] PAGE.html...
// Prints one line per check: "PASS name" or "FAIL name: detail".
// Exit status: 0 when every check passed, 1 otherwise, 2 on a setup error.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');
const { chromium } = require('playwright-core');

const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const MOBILE = 390;
const DESKTOP = 1280;
// A4 minus the 18 mm side margins of the print style, in CSS pixels
const A4_CONTENT = Math.floor(((210 - 2 * 18) / 25.4) * 96);

let failed = 0;
function result(ok, name, detail) {
  if (ok) {
    console.log(`PASS ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}: ${String(detail).replace(/\s+/g, ' ').slice(0, 1500)}`);
  }
}

function parseArgs(argv) {
  const o = { print: null, shots: null, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--print') o.print = argv[++i];
    else if (argv[i] === '--shots') o.shots = argv[++i];
    else o.pages.push(path.resolve(argv[i]));
  }
  return o;
}

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const r = await page.evaluate((tags) =>
    window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return r.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function overflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > doc.clientWidth + 1) wide.push(el.tagName.toLowerCase() +
        (el.className ? '.' + String(el.className).split(' ')[0] : ''));
    }
    return { scroll: doc.scrollWidth, client: doc.clientWidth, wide: wide.slice(0, 5) };
  });
}

function label(file) {
  return path.relative(process.cwd(), file);
}

async function checkPage(ctx, file, o, ids, links) {
  const name = label(file);
  const page = await ctx.newPage();
  const external = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  await page.setViewportSize({ width: DESKTOP, height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

  const facts = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    handlers: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
    links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    lang: document.documentElement.lang,
    title: document.title,
  }));
  ids.set(file, new Set(facts.ids));
  for (const href of facts.links) links.push({ from: file, href });
  result(facts.scripts === 0 && facts.handlers === 0, `${name}: no scripts`,
    `${facts.scripts} script elements, ${facts.handlers} event handler attributes`);

  let v = await axeViolations(page);
  result(v.length === 0, `${name}: axe WCAG 2.1 AA at ${DESKTOP} px`, v.join('; '));
  if (o.shots) await page.screenshot({ path: path.join(o.shots, shotName(name, DESKTOP)), fullPage: true });

  await page.setViewportSize({ width: MOBILE, height: 844 });
  const m = await overflow(page);
  result(m.scroll <= m.client, `${name}: no horizontal scrolling at ${MOBILE} px`,
    `scrollWidth ${m.scroll} > ${m.client}; too wide: ${m.wide.join(', ')}`);
  await page.reload({ waitUntil: 'load' });
  v = await axeViolations(page);
  result(v.length === 0, `${name}: axe WCAG 2.1 AA at ${MOBILE} px`, v.join('; '));
  if (o.shots) await page.screenshot({ path: path.join(o.shots, shotName(name, MOBILE)), fullPage: true });

  await page.reload({ waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_CONTENT, height: 1000 });
  const p = await overflow(page);
  result(p.scroll <= p.client, `${name}: fits the width of an A4 page in print`,
    `scrollWidth ${p.scroll} > ${p.client}; too wide: ${p.wide.join(', ')}`);
  if (o.print) {
    await page.pdf({ path: path.join(o.print, shotName(name, 'print').replace(/\.png$/, '.pdf')),
      format: 'A4', preferCSSPageSize: true, printBackground: true });
  }
  result(external.length === 0, `${name}: no external resources`, external.join(', '));
  await page.close();
}

function shotName(name, what) {
  return name.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/\.html$/, '') + `-${what}.png`;
}

// Every link that stays on the site must reach a file, and its #fragment an id.
function checkLinks(ids, links) {
  const bad = new Map();
  for (const { from, href } of links) {
    if (/^(https?|mailto|tel):/i.test(href)) continue;
    let target;
    try {
      target = new URL(href, pathToFileURL(from));
    } catch (e) {
      bad.set(from, (bad.get(from) || []).concat(`${href} (${e.message})`));
      continue;
    }
    if (target.protocol !== 'file:') {
      bad.set(from, (bad.get(from) || []).concat(`${href} (scheme ${target.protocol})`));
      continue;
    }
    const file = fileURLToPath(target);
    const frag = decodeURIComponent(target.hash.slice(1));
    let why = null;
    if (!fs.existsSync(file)) why = 'no such file';
    else if (frag && !ids.has(file)) why = 'fragment into a page not checked';
    else if (frag && !ids.get(file).has(frag)) why = `no id "${frag}"`;
    if (why) bad.set(from, (bad.get(from) || []).concat(`${href} (${why})`));
  }
  for (const from of ids.keys()) {
    const b = bad.get(from) || [];
    result(b.length === 0, `${label(from)}: every internal link resolves`, b.join('; '));
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.pages.length === 0) {
    console.error('usage: node check.js [--print DIR] [--shots DIR] PAGE.html...');
    process.exit(2);
  }
  for (const dir of [o.print, o.shots]) if (dir) fs.mkdirSync(dir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'protocolgen-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    offline: true,
  });
  const ids = new Map();
  const links = [];
  try {
    for (const file of o.pages) await checkPage(ctx, file, o, ids, links);
    checkLinks(ids, links);
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`check.js: ${e.stack || e}`);
  process.exit(2);
});
