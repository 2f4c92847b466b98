// End-to-end: the installable app. Manifest and installability as Chromium judges them, offline
// start with the server stopped, the "new version" prompt, and the build served under a sub-path.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { appReady, DIST, emptyApp, start } from "./harness.mjs";

const copies = [];
/** A private copy of the build, so a test can change it as a new release would. */
function copyOfBuild() {
  const dir = mkdtempSync(join(tmpdir(), "follow-up-pwa-"));
  cpSync(DIST, dir, { recursive: true });
  copies.push(dir);
  return dir;
}
after(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Waits until a service worker controls the page and has finished precaching. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
}

describe("installable app", () => {
  test("the manifest is valid and Chromium reports no installability errors", async () => {
    const h = await start(DIST, { persistent: true });
    try {
      await h.page.goto(h.base);
      await appReady(h.page);
      await controlled(h.page);
      const cdp = await h.context.newCDPSession(h.page);
      const manifest = await cdp.send("Page.getAppManifest");
      assert.deepEqual(manifest.errors, [], JSON.stringify(manifest.errors));
      const parsed = JSON.parse(manifest.data);
      assert.equal(parsed.name, "Follow-up");
      assert.equal(parsed.start_url, "./");
      assert.ok(parsed.icons.some((i) => i.sizes === "512x512" && i.purpose === "maskable"));
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      assert.deepEqual(installabilityErrors, [], JSON.stringify(installabilityErrors));
      // Every icon the manifest names is served.
      for (const icon of parsed.icons) {
        const res = await h.page.request.get(new URL(icon.src, h.base).href);
        assert.equal(res.status(), 200, icon.src);
      }
      assert.deepEqual(await h.assertClean(), []);
    } finally {
      await h.stop();
    }
  });

  test("after the first visit the app opens and saves with the server stopped", async () => {
    const h = await start(copyOfBuild());
    try {
      const { page } = h;
      await page.goto(h.base + "#/people");
      await appReady(page);
      await controlled(page);
      const precached = await page.evaluate(async () => {
        const keys = await caches.keys();
        const cache = await caches.open(keys.find((k) => k.startsWith("follow-up-")));
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      assert.ok(precached.some((p) => p.endsWith(".wasm")), `wasm precached: ${precached}`);
      assert.ok(precached.includes("/index.html"));

      await h.stopServer();
      const refused = await page.evaluate(() => fetch("/no-such-file").then(() => "answered", () => "refused"));
      assert.equal(refused, "refused", "the server really is down");
      await page.reload();
      await appReady(page);
      assert.equal(await page.locator("h1").textContent(), "People");
      await page.goto(h.base + "#/people/new");
      await page.locator("#field-name").fill("Offline Olga");
      await page.getByRole("button", { name: "Add person" }).click();
      await page.waitForSelector("h1:text('Offline Olga')");
      await page.reload();
      await appReady(page);
      await page.waitForSelector("h1:text('Offline Olga')");
    } finally {
      await h.stop();
    }
  });

  test("a new build is announced, reloads only when the user asks, and the old cache goes", async () => {
    const dir = copyOfBuild();
    const h = await start(dir);
    try {
      const { page } = h;
      await page.goto(h.base);
      await appReady(page);
      await controlled(page);
      const before = await page.evaluate(() => caches.keys());
      assert.equal(before.length, 1);
      assert.equal(await page.locator(".update-prompt button").count(), 0, "no prompt without an update");

      // A new release: different files, so a different service worker.
      const sw = readFileSync(join(dir, "sw.js"), "utf8");
      writeFileSync(join(dir, "sw.js"), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
      writeFileSync(join(dir, "index.html"), readFileSync(join(dir, "index.html"), "utf8").replace("</body>", "<!-- next --></body>"));
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const prompt = page.getByText("A new version of Follow-up is ready.");
      await prompt.waitFor();
      // Nothing reloads until asked.
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => performance.getEntriesByType("navigation").length), 1);
      await page.locator("#main").focus();
      const reloaded = page.waitForEvent("load");
      await page.getByRole("button", { name: "Reload now" }).click();
      await reloaded;
      await appReady(page);
      const after = await page.evaluate(() => caches.keys());
      assert.equal(after.length, 1, `one cache left: ${after}`);
      assert.notEqual(after[0], before[0]);
      assert.match(await page.content(), /<!-- next -->/);
      assert.equal(await page.locator(".update-prompt button").count(), 0);
    } finally {
      await h.stop();
    }
  });

  test("served under /follow-up/, every file, the service worker and navigation work", async () => {
    const h = await start(DIST, { path: "/follow-up/" });
    try {
      const { page } = h;
      const failures = [];
      page.on("response", (r) => {
        if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(h.base);
      await appReady(page);
      await controlled(page);
      const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => new URL(r.scope).pathname));
      assert.equal(scope, "/follow-up/");
      await page.getByRole("link", { name: "People" }).click();
      await page.waitForSelector("h1:text('People')");
      assert.equal(new URL(page.url()).pathname, "/follow-up/");
      await page.getByRole("link", { name: "Insights" }).click();
      await page.waitForSelector("h1:text('Insights')");
      await page.reload();
      await page.waitForSelector("h1:text('Insights')");
      assert.deepEqual(failures, []);
      assert.deepEqual(await h.assertClean(), []);
    } finally {
      await h.stop();
    }
  });

  test("the Install button appears when the browser offers installation and opens its prompt", async () => {
    const h = await start();
    try {
      const { page } = h;
      await page.goto(h.base);
      await appReady(page);
      assert.equal(await page.getByRole("button", { name: "Install app" }).count(), 0, "hidden until offered");
      await page.evaluate(() => {
        const offer = new Event("beforeinstallprompt", { cancelable: true });
        offer.prompt = () => (window.__prompted = true);
        offer.userChoice = Promise.resolve({ outcome: "accepted" });
        dispatchEvent(offer);
      });
      await page.getByRole("button", { name: "Install app" }).click();
      assert.equal(await page.evaluate(() => window.__prompted), true);
      await page.getByRole("button", { name: "Install app" }).waitFor({ state: "detached" });
    } finally {
      await h.stop();
    }
  });

  test("the app icon's badge shows how many follow-ups are due", async () => {
    const h = await start();
    try {
      const { page } = h;
      await page.addInitScript(() => {
        window.__badges = [];
        navigator.setAppBadge = (n) => (window.__badges.push(n), Promise.resolve());
        navigator.clearAppBadge = () => (window.__badges.push(0), Promise.resolve());
      });
      await emptyApp(page, h.base);
      assert.equal(await page.evaluate(() => window.__badges.at(-1)), 0, "nothing due: no badge");
      await page.getByRole("button", { name: "Try it with example data" }).click();
      await page.waitForSelector(".agenda");
      const title = await page.title();
      const due = Number(title.match(/^\((\d+)\)/)[1]);
      assert.ok(due > 0);
      assert.equal(await page.evaluate(() => window.__badges.at(-1)), due);
    } finally {
      await h.stop();
    }
  });
});

describe("insights", () => {
  test("the weekly chart, the pipeline and the response rate are drawn, with the figures as a table", async () => {
    const h = await start();
    try {
      const { page } = h;
      await emptyApp(page, h.base);
      await page.getByRole("button", { name: "Try it with example data" }).click();
      await page.waitForSelector(".agenda");
      await page.getByRole("link", { name: "Insights" }).click();
      await page.waitForSelector("h1:text('Insights')");
      const charts = page.getByRole("img");
      assert.equal(await charts.count(), 2);
      assert.match(await charts.first().getAttribute("aria-labelledby"), /weekly-heading weekly-summary/);
      assert.match(await page.locator("#weekly-summary").textContent(), /Over the last 12 weeks: \d+ follow-ups? done, \d+ due/);
      await page.getByText("Show the figures as a table").click();
      assert.equal(await page.locator("table.figures tbody tr").count(), 12);
      assert.match(await page.locator("#pipeline-summary").textContent(), /\d+ opportunit(y|ies)\./);
      assert.match(await page.locator(".big-figure").textContent(), /\d+% response rate: \d+ of your \d+ outreach(es)? got an answer/);
      assert.equal(await page.locator(".chart svg rect.bar-done").count() >= 12, true);
      assert.deepEqual(await h.assertClean(), []);
    } finally {
      await h.stop();
    }
  });
});
