// Browser tests for a built dossier: every page loaded from disk (file://) in
// headless Chromium; fails on console errors, page errors, failed requests
// and serious/critical axe-core violations. Usage: node browser-test.mjs PUBLIC_DIR
import { chromium } from "playwright-core";
import { readdirSync, statSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const root = resolve(process.argv[2] || "public");

function pages(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...pages(p));
    else if (name.endsWith(".html")) out.push(p);
  }
  return out;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});
let failures = 0;
let passed = 0;
const list = pages(root);
for (const file of list) {
  const rel = file.slice(root.length + 1);
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
  await page.goto("file://" + file, { waitUntil: "load" });
  if (rel === "search/index.html") {
    await page.fill("#q", "a");
    const n = await page.locator("#search-results li").count();
    if (n === 0) problems.push("search from disk returned no results for 'a'");
  }
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  for (const v of result.violations) {
    if (v.impact === "serious" || v.impact === "critical") {
      problems.push(`axe ${v.impact}: ${v.id} — ${v.help} (${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target})`);
    }
  }
  for (const scheme of ["dark", "light"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const dark = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ["color-contrast"] })).violations);
    for (const v of dark) problems.push(`axe (${scheme} scheme) ${v.impact}: ${v.id} (${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target})`);
  }
  await page.close();
  if (problems.length) {
    failures++;
    console.log(`FAIL ${rel}`);
    for (const p of problems) console.log(`  ${p}`);
  } else {
    passed++;
  }
}
await browser.close();
console.log(`browser: ${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
