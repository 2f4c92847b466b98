// End-to-end: the follow-up engine as a user meets it, through quick capture and the Today view.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { appReady, start } from "./harness.mjs";

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h?.stop();
});

async function fresh(hash) {
  const { page } = h;
  await page.goto(h.base);
  await page.evaluate(() => localStorage.clear());
  await page.goto(h.base + hash);
  await page.reload();
  await appReady(page);
}

/** The cards of one Today section, as text. */
async function section(page, heading) {
  const s = page.locator("section.agenda-section", { has: page.getByRole("heading", { name: new RegExp(`^${heading}`) }) });
  if ((await s.count()) === 0) return [];
  return s.locator(".follow-up").allTextContents();
}

test("an interview logged yesterday: three thank-yous today, a check-in a week on, then the filled thank-you and the quarterly check-in", async () => {
  const { page } = h;
  await fresh("#/capture/interview");
  await page.locator("#opportunity-company").fill("Northwind");
  await page.locator("#opportunity-role").fill("Backend Engineer");
  await page.locator("#interviewer-0-name").fill("Mia Chen");
  await page.getByRole("button", { name: "Add another interviewer" }).click();
  await page.locator("#interviewer-1-name").fill("Raj Patel");
  await page.locator("#organiser-name").fill("Rita Recruiter");
  // Yesterday, late: the thank-yous fall due later today, whatever time the test runs.
  const yesterday = await page.evaluate(() => {
    const d = new Date(Date.now() - 864e5);
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T23:58`;
  });
  await page.locator("#field-at").fill(yesterday);
  await page.locator("#field-key_points").fill("Payments API design; they liked event sourcing");
  await page.getByRole("button", { name: "Save and show follow-ups" }).click();
  await page.waitForSelector(".capture-result");
  assert.match(await page.locator(".capture-result h2").textContent(), /Saved\. 3 follow-ups to make:/);

  await page.getByRole("link", { name: "Go to Today" }).click();
  await page.waitForSelector(".follow-up");
  const dueToday = await section(page, "Due today");
  assert.equal(dueToday.length, 3, dueToday.join("\n"));
  for (const [name, part] of [["Mia Chen", "interviewing you"], ["Raj Patel", "interviewing you"], ["Rita Recruiter", "setting up the interview"]]) {
    const card = dueToday.find((t) => t.startsWith(name));
    assert.ok(card, `a thank-you for ${name}`);
    assert.match(card, new RegExp(`Interview for Backend Engineer at Northwind on .*: thank ${name} for ${part} within 24 hours\\.`));
    assert.match(card, /due today by 23:58/);
  }
  assert.equal(await page.title(), "(3) Follow-up");

  const rita = page.locator(".follow-up", { hasText: "thank Rita Recruiter" });
  await rita.getByRole("button", { name: "Done" }).click();
  await page.waitForFunction(() => document.title === "(2) Follow-up");
  const week = await section(page, "Coming up this week");
  assert.equal(week.length, 1, week.join("\n"));
  assert.match(week[0], /A week after your interview for Backend Engineer at Northwind on .*: check in with Rita Recruiter\./);
  assert.match(week[0], /due in 6 days/);

  // They fill the position.
  await page.getByRole("link", { name: "Backend Engineer at Northwind" }).first().click();
  await page.waitForSelector("#field-move_stage");
  await page.locator("#field-move_stage").selectOption("filled");
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await page.waitForSelector(".history li:nth-child(2)");
  await page.goto(h.base + "#/today");
  await page.waitForSelector(".follow-up");
  const filled = page.locator(".follow-up", { hasText: "was filled" });
  assert.match(await filled.textContent(), /Backend Engineer at Northwind was filled \(.*\): thank Rita Recruiter for letting you know and say you remain interested in Northwind\./);
  await filled.getByRole("button", { name: "Done" }).click();
  await page.waitForSelector(".follow-up:has-text('check in every quarter')");
  const waiting = await section(page, "Waiting");
  assert.ok(waiting.some((t) => /Rita Recruiter.*Last in touch with Rita Recruiter on .*: check in every quarter \(3-4 months\)\./s.test(t)), waiting.join("\n"));
  assert.deepEqual(await h.assertClean(), []);
});

test("a first visit explains the app, loads example data in one click and removes it in one click", async () => {
  const { page } = h;
  await fresh("#/today");
  assert.match(await page.locator(".welcome").textContent(), /Everything stays in this browser/);
  await page.getByRole("button", { name: "Try it with example data" }).click();
  await page.waitForSelector(".follow-up");
  assert.ok((await page.locator(".follow-up").count()) >= 4);
  assert.match(await page.locator(".banner").textContent(), /Example data is loaded/);
  await page.getByRole("button", { name: "Remove example data" }).click();
  await page.waitForSelector(".welcome");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("follow-up.data")).records);
  assert.deepEqual([stored.contacts.length, stored.opportunities.length, stored.conversations.length], [0, 0, 0]);
});

test("a draft opens in the mail app with the key points, and pressing c opens quick capture", async () => {
  const { page } = h;
  await fresh("#/capture/met");
  await page.locator("#person-name").fill("Ann Lee");
  await page.locator("#person-company").fill("Acme & Sons");
  await page.locator("#field-key_points").fill("Rust at Acme; hiring in Q1");
  await page.getByRole("button", { name: "Save and show follow-ups" }).click();
  await page.waitForSelector(".capture-result");
  assert.match(await page.locator(".capture-result").textContent(), /You met Ann Lee on .*: follow up within 24 hours\./);

  // Give Ann an address, then draft.
  await page.goto(h.base + "#/people");
  await page.getByRole("link", { name: "Ann Lee" }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.locator("#field-email").fill("ann@acme.example");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForSelector(".details");
  await page.goto(h.base + "#/today");
  const card = page.locator(".follow-up", { hasText: "You met Ann Lee" });
  await card.getByRole("button", { name: "Draft message" }).click();
  const mail = card.getByRole("link", { name: "Open in mail app" });
  const href = await mail.getAttribute("href");
  assert.ok(href.startsWith("mailto:ann@acme.example?subject=Thank%20you%2C%20Ann&body=Hi%20Ann%2C%0D%0A%0D%0AThank%20you"), href);
  assert.ok(href.includes(encodeURIComponent("Rust at Acme; hiring in Q1")), href);

  await page.locator("body").click();
  await page.keyboard.press("c");
  await page.waitForSelector("h1:text('What just happened?')");
  assert.deepEqual(await h.assertClean(), []);
});

test("a changed timing in Settings changes when follow-ups fall due", async () => {
  const { page } = h;
  await fresh("#/settings");
  await page.locator("#field-new_contact_hours").fill("72");
  await page.locator("#field-my_name").fill("Sam Seeker");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.waitForSelector(".status-done");
  await page.locator("#field-new_contact_hours").fill("99999");
  await page.getByRole("button", { name: "Save settings" }).click();
  assert.match(await page.locator(".field-error").first().textContent(), /whole number/);

  await page.goto(h.base + "#/capture/met");
  await page.locator("#person-name").fill("Ann Lee");
  await page.getByRole("button", { name: "Save and show follow-ups" }).click();
  await page.waitForSelector(".capture-result");
  assert.match(await page.locator(".capture-result .due").first().textContent(), /due in 3 days/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("follow-up.data")).records.settings);
  assert.equal(stored.new_contact_hours, 72, "the invalid second save changed nothing");
  assert.equal(stored.my_name, "Sam Seeker");
});
