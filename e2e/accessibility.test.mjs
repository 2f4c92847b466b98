// End-to-end: accessibility and comfort. axe-core (a real accessibility engine) on every screen
// in light and dark mode; the whole app at 360 px wide; a complete flow by keyboard alone.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";
import { appReady, emptyApp, start } from "./harness.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Every screen, with example data loaded so lists, cards and charts have content. */
async function screens(page, base) {
  await emptyApp(page, base);
  await page.getByRole("button", { name: "Try it with example data" }).click();
  await page.waitForSelector(".agenda");
  const first = async (selector) => page.locator(selector).first().getAttribute("href");
  await page.goto(base + "#/people");
  await page.waitForSelector(".person-row a");
  const person = await first(".person-row a");
  await page.goto(base + "#/opportunities");
  await page.waitForSelector(".card a");
  const opportunity = await first(".card a");
  await page.goto(base + "#/companies");
  await page.waitForSelector(".company-list a");
  const company = await first(".company-list a");
  return [
    "#/today", "#/capture", "#/capture/interview", "#/capture/networking", "#/people", "#/people/new", person,
    `${person}/edit`, "#/opportunities", "#/opportunities/new", opportunity, `${opportunity}/edit`, "#/companies",
    company, "#/find?company=Acme&role=Engineer", "#/insights", "#/settings", "#/data", "#/no-such-screen",
  ];
}

async function open(page, base, hash) {
  await page.goto(base + hash);
  await page.waitForSelector("main h1");
}

describe("accessibility", () => {
  let h;
  let list;
  before(async () => {
    h = await start();
    await h.context.addInitScript({ content: AXE });
    list = await screens(h.page, h.base);
  });
  after(async () => h?.stop());

  for (const scheme of ["light", "dark"]) {
    test(`axe-core finds no violations on any screen in ${scheme} mode`, async () => {
      const { page } = h;
      await page.emulateMedia({ colorScheme: scheme });
      const found = [];
      for (const hash of list) {
        await open(page, h.base, hash);
        // Open every disclosure so what is inside is checked too.
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        const result = await page.evaluate(() =>
          window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }),
        );
        for (const v of result.violations) {
          found.push(`${hash}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        }
      }
      assert.deepEqual(found, []);
    });
  }

  test("an overdue follow-up says so in words, not only in colour", async () => {
    const { page } = h;
    // Met someone five days ago and never followed up (due within 24 hours).
    await open(page, h.base, "#/capture/met");
    await page.locator("#person-name").fill("Late Larry");
    const then = new Date(Date.now() - 5 * 86400e3);
    const local = new Date(then.getTime() - then.getTimezoneOffset() * 60e3).toISOString().slice(0, 16);
    await page.locator("#field-at").fill(local);
    await page.getByRole("button", { name: "Save and show follow-ups" }).click();
    await page.waitForSelector(".capture-result");
    await open(page, h.base, "#/today");
    const cards = page.locator(".follow-up.is-overdue");
    assert.ok((await cards.count()) > 0, "Larry's follow-up is overdue");
    for (const text of await cards.allTextContents()) assert.match(text, /Overdue/);
    assert.match(await page.locator(".agenda-section.overdue h2").textContent(), /^Overdue \(\d+\)$/);
  });

  test("at 360 px wide no screen scrolls sideways and every control is at least 44 px tall", async () => {
    const { page } = h;
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 360, height: 740 });
    const found = [];
    for (const hash of list) {
      await open(page, h.base, hash);
      const report = await page.evaluate(() => {
        const wide = document.documentElement.scrollWidth;
        const small = [...document.querySelectorAll("button, input:not([type=checkbox]):not([type=radio]), select, textarea, .button, nav a, summary")]
          .filter((el) => el.getClientRects().length > 0 && !el.closest(".visually-hidden, .skip-link"))
          .map((el) => [el, el.getBoundingClientRect()])
          .filter(([, r]) => r.height < 44 || r.width < 24)
          .map(([el, r]) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || el.id).trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
        return { wide, small };
      });
      if (report.wide > 360) found.push(`${hash}: page is ${report.wide} px wide`);
      for (const s of report.small) found.push(`${hash}: ${s}`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    assert.deepEqual(found, []);
  });
});

describe("keyboard alone", () => {
  let h;
  before(async () => {
    h = await start();
  });
  after(async () => h?.stop());

  async function tabTo(page, matches, limit = 60) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const here = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { text: (el.textContent || "").trim(), id: el.id, outline: style.outlineStyle, width: style.outlineWidth };
      });
      if (matches(here)) return here;
    }
    throw new Error("never reached by Tab");
  }

  test("the skip link comes first, focus is always visible, and a networking contact is captured without a mouse", async () => {
    const { page } = h;
    await emptyApp(page, h.base);

    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
    const capture = await tabTo(page, (el) => el.text.startsWith("+ Capture"));
    assert.notEqual(capture.outline, "none", "focus is visible");
    await page.keyboard.press("Enter");
    await page.waitForSelector("h1:text('What just happened?')");
    const networking = await tabTo(page, (el) => el.text.startsWith("I just met someone"));
    assert.notEqual(networking.outline, "none");
    await page.keyboard.press("Enter");
    await page.waitForSelector("form");
    await tabTo(page, (el) => el.id === "person-name");
    await page.keyboard.type("Keyboard Kim");
    await tabTo(page, (el) => el.id === "person-company");
    await page.keyboard.type("Acme");
    await tabTo(page, (el) => el.text === "Save and show follow-ups");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".capture-result");
    assert.match(await page.locator("main").textContent(), /Keyboard Kim/);
    // The result is announced to screen readers.
    assert.ok((await page.locator("[aria-live]").allTextContents()).some((t) => t.trim().length > 0));
    assert.deepEqual(await h.assertClean(), []);
  });
});
