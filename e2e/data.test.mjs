// End-to-end: owning your data - download a backup, clear everything, restore it, undo; and
// import LinkedIn's Connections.csv through the file picker.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { appReady, emptyApp, start } from "./harness.mjs";

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
  await emptyApp(page, h.base);
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
  await emptyApp(page, h.base);
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

test("two tabs stay in step and edits to different people in each are both kept", async () => {
  const { page, context } = h;
  await page.goto(h.base);
  await page.evaluate(() => localStorage.clear());
  await page.goto(h.base + "#/people");
  await page.reload();
  await appReady(page);
  const other = await context.newPage();
  await other.goto(h.base + "#/people");
  await appReady(other);

  // Tab one adds Ann; tab two shows her without a reload.
  await page.goto(h.base + "#/people/new");
  await page.locator("#field-name").fill("Ann Lee");
  await page.getByRole("button", { name: "Add person" }).click();
  await page.waitForURL(/\/people\/[0-9a-f]{32}$/);
  await other.getByRole("link", { name: "Ann Lee" }).waitFor();

  // Tab two adds Bob; then each tab edits a different person, alternating.
  await other.goto(h.base + "#/people/new");
  await other.locator("#field-name").fill("Bob Stone");
  await other.getByRole("button", { name: "Add person" }).click();
  await other.waitForURL(/\/people\/[0-9a-f]{32}$/);
  const bobUrl = other.url();
  await page.getByRole("link", { name: "Edit" }).click();
  await other.getByRole("link", { name: "Edit" }).click();
  await page.locator("#field-title").fill("Recruiter");
  await other.locator("#field-title").fill("Engineer");
  await page.getByRole("button", { name: "Save changes" }).click();
  await other.getByRole("button", { name: "Save changes" }).click();
  await other.waitForURL(bobUrl);

  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("follow-up.data")).records.contacts.map((c) => [c.name, c.title]).sort());
  assert.deepEqual(stored, [["Ann Lee", "Recruiter"], ["Bob Stone", "Engineer"]]);
  await page.goto(h.base + "#/people");
  assert.match(await page.locator(".people-list").textContent(), /Bob Stone\s*Engineer/);
  await other.close();
});

test("the follow-ups calendar, contact cards and spreadsheets download", async () => {
  const { page } = h;
  await emptyApp(page, h.base);
  await page.getByRole("button", { name: "Try it with example data" }).click();
  await page.waitForSelector(".follow-up");
  await page.goto(h.base + "#/data");
  const read = async (download) => {
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return Buffer.concat(chunks).toString("utf8");
  };
  const [ics] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /calendar/ }).click()]);
  const calendar = await read(ics);
  assert.ok(calendar.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), calendar.slice(0, 80));
  assert.ok((calendar.match(/BEGIN:VEVENT/g) || []).length >= 4);
  const [vcf] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /contact cards/ }).click()]);
  assert.equal(((await read(vcf)).match(/BEGIN:VCARD/g) || []).length, 5);
});
