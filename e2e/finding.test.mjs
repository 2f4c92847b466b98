// End-to-end: finding who to contact - the LinkedIn searches and the email guess that learns
// from the contacts the user already has.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { appReady, emptyApp, start } from "./harness.mjs";

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h?.stop();
});

async function addPerson(page, fields) {
  await page.goto(h.base + "#/people/new");
  await page.waitForSelector("#field-name");
  for (const [id, value] of Object.entries(fields)) await page.locator(`#field-${id}`).fill(value);
  await page.getByRole("button", { name: "Add person" }).click();
  await page.waitForURL(/\/people\/[0-9a-f]{32}$/);
}

test("two known addresses at a company teach its format; a third person's guess is stored as guessed", async () => {
  const { page } = h;
  await emptyApp(page, h.base);
  await addPerson(page, { name: "Celia Stangarone", company: "RiseSmart", email: "cstangarone@risesmart.com" });
  await addPerson(page, { name: "Ann Lee", company: "RiseSmart", email: "alee@risesmart.com" });
  await addPerson(page, { name: "John Doe", company: "RiseSmart" });

  await page.goto(h.base + "#/companies");
  await page.getByRole("link", { name: "RiseSmart" }).click();
  await page.waitForSelector("#company-email");
  assert.match(await page.locator("#company-email + ul").textContent(), /risesmart\.com: first initial \+ last name \{f\}\{last\} \(2 of 2 known addresses\)/);

  await page.getByRole("button", { name: "Guess email for John Doe" }).click();
  const list = page.locator(".guess-list");
  assert.match(await list.textContent(), /first initial \+ last name, so John Doe is jdoe@risesmart\.com\./);
  // Regression: the row once had the people screen's fixed 64 px height and clipped the guesses.
  // What is drawn at each button's centre must be that button, and the person's name is shown.
  // (The window is scrolled, not the element: scrollIntoView would scroll a clipping row too.)
  const drawn = (elements) =>
    elements.map((e) => {
      window.scrollTo(0, window.scrollY + e.getBoundingClientRect().top - innerHeight / 2);
      const r = e.getBoundingClientRect();
      return e.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
  assert.deepEqual(await list.getByRole("button", { name: "Use this" }).evaluateAll(drawn), [true, true, true]);
  assert.deepEqual(await page.getByRole("link", { name: "John Doe" }).evaluateAll(drawn), [true]);
  await list.getByRole("button", { name: "Use this" }).first().click();
  await page.waitForFunction(() => !document.querySelector(".guess-list"));

  await page.getByRole("link", { name: "John Doe" }).click();
  await page.waitForSelector(".details");
  assert.match(await page.locator(".details").textContent(), /jdoe@risesmart\.com Guessed/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("follow-up.data")).records.contacts.find((c) => c.name === "John Doe").email);
  assert.deepEqual(stored, { address: "jdoe@risesmart.com", status: "guessed", pattern: "{f}{last}" });

  await page.getByRole("button", { name: "It works" }).click();
  await page.waitForFunction(() => document.querySelector(".details").textContent.includes("Known"));
  assert.deepEqual(await h.assertClean(), []);
});

test("the LinkedIn searches are safe new-tab links that keep awkward company names intact", async () => {
  const { page } = h;
  await page.goto(h.base + "#/find?company=" + encodeURIComponent("AT&T #1 \"Labs\"") + "&role=Data%20Engineering");
  await page.waitForSelector(".search");
  const links = page.getByRole("link", { name: /Open on LinkedIn/ });
  assert.equal(await links.count(), 7, "recruiter, talent acquisition, HR, all three, manager, director, the role");
  for (let i = 0; i < (await links.count()); i++) {
    const a = links.nth(i);
    assert.equal(await a.getAttribute("target"), "_blank");
    assert.equal(await a.getAttribute("rel"), "noopener noreferrer");
    const url = new URL(await a.getAttribute("href"));
    assert.equal(url.origin + url.pathname, "https://www.linkedin.com/search/results/people/");
    assert.equal(url.searchParams.get("company"), 'AT&T #1 "Labs"');
  }
  const manager = new URL(await links.nth(4).getAttribute("href"));
  assert.equal(manager.searchParams.get("titleFreeText"), "Data Engineering Manager");
  assert.match(await page.locator(".search code").first().textContent(), /^site:linkedin\.com\/in "AT&T #1 Labs" "Recruiter"$/);
  // Nothing was fetched from LinkedIn or anywhere else by showing the links.
  assert.deepEqual(await h.assertClean(), []);
});
