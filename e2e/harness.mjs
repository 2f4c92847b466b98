// Shared set-up for the end-to-end tests: serves the release build on 127.0.0.1, drives the
// system Chromium through Playwright, and records anything that breaks the privacy promise
// (a request leaving 127.0.0.1, a CSP violation) or crashes the page.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";

export const DIST = new URL("../dist/", import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Serves `root` (the release build by default) and opens a fresh browser context on it. */
export async function start(root = DIST) {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root}/index.html is missing: run \`trunk build --release\` first`);
  const server = await serve(root, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  const context = await browser.newContext({ acceptDownloads: true });
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
  const page = await context.newPage();
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
    async stop() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Waits until the app has mounted (the Loading line is gone and a heading is shown). */
export async function appReady(page) {
  await page.waitForSelector("#boot", { state: "detached" });
  await page.waitForSelector("h1");
}
