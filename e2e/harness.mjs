// Shared set-up for the end-to-end tests: serves the release build on 127.0.0.1, drives the
// system Chromium through Playwright, and records anything that breaks the privacy promise
// (a request leaving 127.0.0.1, a CSP violation) or crashes the page.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";

export const DIST = new URL("../dist/", import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Serves `root` (the release build by default) under the URL path `path` and opens a fresh
 * browser context on it. `contextOptions` go to Playwright (viewport, colour scheme...);
 * `persistent` uses a real (not incognito) profile, which installability needs.
 */
export async function start(root = DIST, { path = "/", contextOptions = {}, persistent = false } = {}) {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root}/index.html is missing: run \`trunk build --release\` first`);
  let server = await serve(root, 0, path);
  const port = server.address().port;
  const base = `http://127.0.0.1:${port}${path}`;
  const launch = {
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  };
  const profile = persistent ? mkdtempSync(join(tmpdir(), "follow-up-profile-")) : null;
  const browser = persistent ? null : await chromium.launch(launch);
  const context = persistent
    ? await chromium.launchPersistentContext(profile, { ...launch, acceptDownloads: true, ...contextOptions })
    : await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const problems = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    const local = url.protocol === "http:" && url.hostname === "127.0.0.1";
    if (!local && url.protocol !== "data:" && url.protocol !== "blob:") problems.push(`request left 127.0.0.1: ${request.url()}`);
  });
  // Belt and braces: nothing may actually go out even if a test forgets to look.
  await context.route((url) => !url.href.startsWith(base) && !url.href.startsWith("blob:") && !url.href.startsWith("data:"), (route) => route.abort());
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window.__cspViolations ||= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" || /Content Security Policy/i.test(msg.text())) problems.push(`console ${msg.type()}: ${msg.text()}`);
  });

  return {
    base,
    page,
    context,
    problems,
    /** Fails with every privacy or crash problem seen so far, CSP violations included. */
    async assertClean() {
      const csp = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
      return [...problems, ...csp.map((v) => `CSP violation: ${v}`)];
    },
    /** Stops the web server (the browser stays open), as when the user goes offline. */
    async stopServer() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
      server = null;
    },
    /** Starts the web server again on the same port. */
    async restartServer() {
      server = await serve(root, port, path);
    },
    async stop() {
      await (browser ?? context).close();
      if (profile) rmSync(profile, { recursive: true, force: true });
      if (server) {
        server.closeAllConnections();
        await new Promise((ok) => server.close(ok));
      }
    },
  };
}

/** Opens the app at `base` with nothing stored, as on a first visit, and waits for it. */
export async function emptyApp(page, base) {
  await page.goto(base);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
}

/** Waits until the app has mounted (the Loading line is gone and a heading is shown). */
export async function appReady(page) {
  await page.waitForSelector("#boot", { state: "detached" });
  await page.waitForSelector("h1");
}
