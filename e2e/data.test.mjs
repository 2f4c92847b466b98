// End-to-end: owning your data - download a backup, clear everything, restore it, undo; and
// import LinkedIn's Connections.csv through the file picker.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { appReady, start } from "./harness.mjs";

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h?.stop();
});

const CONNECTIONS = fileURLToPath(new URL("../tests/fixtures/Connections.csv", import.meta.url));

test("a backup downloaded, everything cleared, the backup restored: all is back, and the restore can be undone", async () => {
  const { page } = h;
  await page.goto(h.base);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  await page.getByRole("button", { name: "Try it with example data" }).click();
  await page.waitForSelector(".follow-up");
  const original = await page.evaluate(() => JSON.parse(localStorage.getItem("follow-up.data")).records);

  await page.goto(h.base + "#/data");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download a backup" }).click()]);
  assert.match(download.suggestedFilename(), /^follow-up-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(mkdtempSync(join(tmpdir(), "follow-up-")), download.suggestedFilename());
  await download.saveAs(file);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  await page.goto(h.base + "#/data");
  await page.locator("#restore-file").setInputFiles(file);
  await page.waitForSelector(".restore-preview");
  assert.match(await page.locator(".restore-preview").textContent(), /format 1, made .*; 5 people, 6 conversations, 3 opportunities\./);
  await page.getByRole("button", { name: "Replace everything" }).click();
  await page.getByRole("button", { name: "Undo the restore" }).waitFor();
  const restored = await page.evaluate(() => JSON.parse(localStorage.getItem("follow-up.data")).records);
  assert.deepEqual(restored, original);

  await page.getByRole("button", { name: "Undo the restore" }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("follow-up.data")).records.contacts.length === 0);

  // A file that is not a backup changes nothing and says why.
  await page.locator("#restore-file").setInputFiles(CONNECTIONS);
  assert.match(await page.locator("[role=alert]").first().textContent(), /Nothing was changed\. This is not a Follow-up backup/);
  assert.deepEqual(await h.assertClean(), []);
});

test("importing Connections.csv through the file picker shows the summary and adds the people", async () => {
  const { page } = h;
  await page.goto(h.base);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  await page.goto(h.base + "#/data");
  await page.locator("#import-file").setInputFiles(CONNECTIONS);
  await page.waitForSelector(".import-summary");
  const summary = await page.locator(".import-summary").textContent();
  assert.match(summary, /5 added, 0 updated, 0 unchanged, 1 skipped\./);
  assert.match(summary, /Line 7: No name: the member may have left LinkedIn\./);
  await page.locator("#import-file").setInputFiles(CONNECTIONS);
  await page.waitForFunction(() => document.querySelector(".import-summary").textContent.includes("0 added, 0 updated, 5 unchanged"));
  await page.goto(h.base + "#/people");
  assert.equal(await page.locator(".person-row").count(), 5);
  assert.ok(await page.getByRole("link", { name: "Анна Иванова" }).isVisible());
});
