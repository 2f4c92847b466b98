// End-to-end: faults the app survives - the WebAssembly failing to load still leaves a plain
// message and the saved data downloadable; "Delete all my data" really empties storage.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { appReady, DIST, start } from "./harness.mjs";

test("when the WebAssembly cannot load, a plain message offers the saved data without it", async () => {
  const broken = mkdtempSync(join(tmpdir(), "follow-up-broken-"));
  cpSync(DIST, broken, { recursive: true });
  const wasm = readdirSync(broken).find((f) => f.endsWith(".wasm"));
  writeFileSync(join(broken, wasm), "this is not WebAssembly");
  const h = await start(broken);
  try {
    const { page } = h;
    await page.goto(h.base);
    await page.evaluate(() => localStorage.setItem("follow-up.data", '{"schema_version":1,"records":{"contacts":[]}}'));
    await page.reload();
    await page.waitForSelector("#fatal");
    assert.equal(await page.locator("#fatal h1").textContent(), "Follow-up could not start");
    assert.equal(await page.locator("#boot").count(), 0, "no endless Loading line");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download your saved data" }).click()]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    assert.equal(Buffer.concat(chunks).toString("utf8"), '{"schema_version":1,"records":{"contacts":[]}}');
  } finally {
    await h.stop();
  }
});

test("delete all my data empties this browser's storage after a confirmation", async () => {
  const h = await start();
  try {
    const { page } = h;
    await page.goto(h.base);
    await page.evaluate(async () => {
      localStorage.clear();
      localStorage.setItem("follow-up.data.unreadable-20260101T000000", "old");
      localStorage.setItem("unrelated", "kept");
      const cache = await caches.open("follow-up-files");
      await cache.put("/probe.txt", new Response("cached"));
    });
    await page.reload();
    await appReady(page);
    await page.getByRole("button", { name: "Try it with example data" }).click();
    await page.waitForSelector(".follow-up");
    await page.goto(h.base + "#/data");
    await page.getByRole("button", { name: "Delete all my data" }).click();
    await page.getByRole("button", { name: "Yes, delete everything" }).click();
    await page.waitForSelector(".welcome");
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(keys, ["unrelated"], "only the app's own keys are removed");
    await page.waitForFunction(async () => (await caches.keys()).length === 0);
    await page.reload();
    await appReady(page);
    assert.equal(await page.locator(".welcome").count(), 1, "still empty after a reload");
    assert.deepEqual(await h.assertClean(), []);
  } finally {
    await h.stop();
  }
});

test("a crash after start-up replaces the page with the same plain message and download", async () => {
  const h = await start();
  try {
    const { page } = h;
    await page.goto(h.base);
    await page.evaluate(() => localStorage.setItem("follow-up.data", '{"schema_version":1,"records":{}}'));
    await page.reload();
    await appReady(page);
    // What a Rust panic becomes in the release build (panic = abort): a wasm trap.
    await page.evaluate(() => dispatchEvent(new ErrorEvent("error", { message: "RuntimeError: unreachable executed" })));
    await page.waitForSelector("#fatal");
    assert.equal(await page.locator("#fatal h1").textContent(), "Follow-up stopped working");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download your saved data" }).click()]);
    assert.match(download.suggestedFilename(), /follow-up-saved-data\.json/);
  } finally {
    await h.stop();
  }
});
