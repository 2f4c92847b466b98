// End-to-end: a network too big for one localStorage value of plain JSON. It is stored in
// blocks, reads back after a reload, an edit rewrites one block, the people and companies lists
// stay a few dozen rows in the DOM, and the fallback's raw download restores everything.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appReady, DIST, emptyApp, start } from "./harness.mjs";

const ROWS = 3000;
let h;
let dir;
before(async () => {
  h = await start();
  dir = mkdtempSync(join(tmpdir(), "follow-up-scale-"));
  const lines = ["Notes:", '"An export note."', "", "First Name,Last Name,URL,Email Address,Company,Position,Connected On"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`Person${i},Family${i % 97},https://www.linkedin.com/in/person-${i},,Company ${i % 211},"Engineer, Platform",0${1 + (i % 9)} Mar 2024`);
  }
  writeFileSync(join(dir, "Connections.csv"), lines.join("\n"));
});
after(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const stored = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("follow-up.data")).map((k) => [k, localStorage.getItem(k)])));

test("3,000 imported connections are stored in blocks, survive a reload, and an edit rewrites one block", async () => {
  const { page } = h;
  await emptyApp(page, h.base);
  await page.goto(h.base + "#/data");
  await page.locator("#import-file").setInputFiles(join(dir, "Connections.csv"));
  await page.waitForSelector(".import-summary");
  assert.match(await page.locator(".import-summary").textContent(), /3000 added/);

  const first = await stored(page);
  assert.ok(first["follow-up.data"].startsWith("FUB1:"), "a manifest under the main key");
  assert.equal(Object.keys(first).filter((k) => k.startsWith("follow-up.data.contacts.")).length, 3);

  await page.reload();
  await page.goto(h.base + "#/people");
  await appReady(page);
  assert.match(await page.locator(".count").textContent(), /^3000 people$/);
  // Only what is on screen is in the DOM.
  const rows = await page.locator(".person-row").count();
  assert.ok(rows > 5 && rows < 60, `${rows} rows rendered`);
  // Scrolling to the end renders the last people.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => [...document.querySelectorAll(".person-row")].some((r) => r.getAttribute("aria-posinset") === "3000"));

  // The companies list too: 211 companies, a few dozen rows in the DOM.
  await page.goto(h.base + "#/companies");
  await page.waitForSelector(".company-row");
  assert.equal(await page.locator("main .count").textContent(), "211 companies");
  const companyRows = await page.locator(".company-row").count();
  assert.ok(companyRows > 5 && companyRows < 60, `${companyRows} company rows rendered`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => [...document.querySelectorAll(".company-row")].some((r) => r.getAttribute("aria-posinset") === "211"));

  await page.goto(h.base + "#/people/new");
  await page.locator("#field-name").fill("Zed Newcomer");
  await page.getByRole("button", { name: "Add person" }).click();
  await page.waitForSelector("h1:text('Zed Newcomer')");
  const second = await stored(page);
  const changed = Object.keys(second).filter((k) => first[k] !== second[k]);
  assert.deepEqual(changed.sort(), ["follow-up.data", "follow-up.data.contacts.3.2"]);
  assert.equal(Object.keys(second).length, Object.keys(first).length + 1);
  assert.deepEqual(await h.assertClean(), []);
});

test("the raw data offered when the app cannot start restores the whole network", async () => {
  const { page } = h;
  await page.goto(h.base + "#/data");
  await appReady(page);
  const everything = await stored(page);
  // The same storage in a copy of the app whose WebAssembly is broken: fallback.js takes over.
  const broken = mkdtempSync(join(tmpdir(), "follow-up-broken-"));
  cpSync(DIST, broken, { recursive: true });
  writeFileSync(join(broken, readdirSync(broken).find((f) => f.endsWith(".wasm"))), "not WebAssembly");
  const b = await start(broken);
  let file;
  try {
    await b.page.goto(b.base);
    await b.page.evaluate((values) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
    }, everything);
    await b.page.reload();
    await b.page.waitForSelector("#fatal");
    const [download] = await Promise.all([b.page.waitForEvent("download"), b.page.getByRole("button", { name: "Download your saved data" }).click()]);
    file = join(dir, "saved.json");
    await download.saveAs(file);
  } finally {
    await b.stop();
    rmSync(broken, { recursive: true, force: true });
  }
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  await page.locator("#restore-file").setInputFiles(file);
  await page.getByRole("button", { name: "Replace everything" }).click();
  await page.goto(h.base + "#/people");
  await page.waitForFunction(() => /^3001 people$/.test(document.querySelector(".count")?.textContent || ""));
});
