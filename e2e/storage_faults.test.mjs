// End-to-end: storage faults. A full quota refuses the save with a message and keeps both the
// stored data and what was typed; blocked storage still lets the app run for the session.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appReady, start } from "./harness.mjs";

test("when storage is full, the save is refused with a message, the old data is intact and the typing stays", async () => {
  const h = await start();
  try {
    const { page } = h;
    await page.goto(h.base);
    await page.evaluate(() => localStorage.clear());
    await page.goto(h.base + "#/people/new");
    await page.reload();
    await appReady(page);
    await page.locator("#field-name").fill("Kept Person");
    await page.getByRole("button", { name: "Add person" }).click();
    await page.waitForURL(/\/people\/[0-9a-f]{32}$/);
    const before = await page.evaluate(() => localStorage.getItem("follow-up.data"));
    // Fill the rest of the quota, in ever smaller pieces, until not one more character fits.
    await page.evaluate(() => {
      let k = 0;
      for (let n = 256 * 1024; n >= 1; n = Math.floor(n / 2)) {
        const chunk = "x".repeat(n);
        for (;;) {
          try {
            localStorage.setItem("filler." + k++, chunk);
          } catch {
            break;
          }
        }
      }
    });
    await page.goto(h.base + "#/people/new");
    await page.locator("#field-name").fill("Too Much " + "z".repeat(2000));
    await page.locator("#field-notes").fill("Notes I do not want to lose");
    await page.getByRole("button", { name: "Add person" }).click();
    await page.waitForSelector(".form-problem p");
    assert.match(await page.locator(".form-problem").textContent(), /Not saved: this browser's storage for the app is full/);
    assert.equal(await page.locator("#field-notes").inputValue(), "Notes I do not want to lose", "the edit is still on screen");
    assert.equal(await page.evaluate(() => localStorage.getItem("follow-up.data")), before, "what was stored is intact");
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler")).forEach((k) => localStorage.removeItem(k)));
  } finally {
    await h.stop();
  }
});

test("when the browser blocks storage, the app says so and still works for the session", async () => {
  const h = await start();
  try {
    const { page, context } = h;
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    const blocked = await context.newPage();
    await blocked.goto(h.base + "#/today");
    await appReady(blocked);
    assert.match(await blocked.locator("header").textContent(), /Not saving: session only/);
    assert.match(await blocked.locator(".status").textContent(), /does not let the app store data/);
    await blocked.goto(h.base + "#/people/new");
    await blocked.locator("#field-name").fill("Session Person");
    await blocked.getByRole("button", { name: "Add person" }).click();
    await blocked.waitForSelector("h1:text('Session Person')");
    await blocked.goto(h.base + "#/data");
    const [download] = await Promise.all([blocked.waitForEvent("download"), blocked.getByRole("button", { name: "Download a backup" }).click()]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    assert.match(Buffer.concat(chunks).toString("utf8"), /Session Person/, "what was done can still be exported");
    await blocked.close();
    void page;
  } finally {
    await h.stop();
  }
});
