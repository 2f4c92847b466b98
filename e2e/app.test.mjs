// End-to-end: the release build served on 127.0.0.1, driven in headless Chromium like a user.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { appReady, start } from "./harness.mjs";

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h?.stop();
});

async function fresh(hash = "#/people") {
  await h.page.goto(h.base);
  await h.page.evaluate(() => localStorage.clear());
  await h.page.goto(h.base + hash);
  await h.page.reload();
  await appReady(h.page);
}

async function addPerson(page, fields) {
  await page.goto(h.base + "#/people/new");
  await page.waitForSelector("#field-name");
  for (const [id, value] of Object.entries(fields)) {
    const el = page.locator(`#field-${id}`);
    if ((await el.evaluate((e) => e.tagName)) === "SELECT") await el.selectOption(value);
    else await el.fill(value);
  }
  await page.getByRole("button", { name: "Add person" }).click();
}

describe("a full session", () => {
  test("a contact, a conversation and an opportunity moved a stage are all still there after a reload", async () => {
    const { page } = h;
    await fresh();
    assert.equal(await page.locator("h1").textContent(), "People");

    await addPerson(page, { name: "Ann Lee", company: "Acme Inc.", title: "Technical Recruiter", role: "recruiter", email: "ann@acme.example", linkedin_url: "https://www.linkedin.com/in/ann-lee", preferred_channel: "linkedin" });
    await page.waitForSelector("h1:text('Ann Lee')");

    await page.getByRole("button", { name: "Log a conversation" }).click();
    await page.locator("#field-channel").selectOption("phone");
    await page.locator("#field-direction").selectOption("inbound");
    await page.locator("#field-key_points").fill("Team of 12, hiring two Rust engineers");
    await page.locator("#field-open_questions").fill("Is the role remote?");
    await page.locator("#field-next_step").fill("Send portfolio by Friday");
    await page.getByLabel("Yes").check();
    await page.getByRole("button", { name: "Log conversation" }).click();
    await page.waitForSelector(".conversation");

    await page.goto(h.base + "#/opportunities/new");
    await page.locator("#field-company").fill("Acme");
    await page.locator("#field-role").fill("Rust Engineer");
    await page.locator("#field-posting_url").fill("https://jobs.acme.example/rust?ref=a&b=c");
    await page.locator("#field-stage").selectOption("applied");
    await page.getByRole("button", { name: "Add opportunity" }).click();
    await page.waitForSelector("h1:text('Rust Engineer')");
    await page.locator("#field-move_stage").selectOption("interviewing");
    await page.getByRole("button", { name: "Move", exact: true }).click();
    await page.waitForSelector(".history li:nth-child(2)");
    await page.locator("#field-contact_id").selectOption({ label: "Ann Lee" });
    await page.locator("#field-part").selectOption("recruiter");
    await page.getByRole("button", { name: "Link person" }).click();
    await page.waitForSelector(".linked li");

    await page.reload();
    await appReady(page);
    assert.equal(await page.locator("h1").textContent(), "Rust Engineer");
    const history = await page.locator(".history li").allTextContents();
    assert.equal(history.length, 2);
    assert.match(history[0], /Interviewing$/);
    assert.match(history[1], /Applied$/);
    assert.match(await page.locator(".linked").textContent(), /Ann Lee \(Recruiter\)/);

    await page.goto(h.base + "#/opportunities");
    assert.match(await page.locator("#stage-interviewing").textContent(), /Interviewing \(1\)/);
    assert.match(await page.locator(".column:has(#stage-interviewing) .card").textContent(), /Rust Engineer/);

    await page.goto(h.base + "#/people");
    await page.getByRole("link", { name: "Ann Lee" }).click();
    await page.waitForSelector(".conversation");
    const log = await page.locator(".conversation").textContent();
    assert.match(log, /Phone · They reached out/);
    assert.match(log, /Team of 12, hiring two Rust engineers/);
    assert.match(log, /Is the role remote\?/);
    assert.match(log, /Send portfolio by Friday/);
    assert.match(log, /Happy for me to check back/);
    const profile = page.getByRole("link", { name: /Profile/ });
    assert.equal(await profile.getAttribute("href"), "https://www.linkedin.com/in/ann-lee");
    assert.equal(await profile.getAttribute("rel"), "noopener noreferrer");

    await page.goto(h.base + "#/companies");
    // "Acme Inc." (the person) and "Acme" (the opportunity) are one company.
    await page.getByRole("link", { name: "Acme", exact: true }).click();
    await page.waitForSelector("#company-people");
    assert.match(await page.locator("main").textContent(), /Ann Lee[\s\S]*Rust Engineer · Interviewing/);

    assert.deepEqual(await h.assertClean(), []);
  });
});

describe("bad input", () => {
  test("hostile text is shown as text and a javascript: link is refused with a message", async () => {
    const { page } = h;
    await fresh();
    const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    await addPerson(page, { name: hostile, linkedin_url: "javascript:window.__pwned=3", email: "not-an-address" });
    const errors = await page.locator(".field-error").allTextContents();
    assert.equal(errors.length, 2);
    assert.match(errors[0], /@/);
    assert.match(errors[1], /http:\/\/ or https:\/\//);
    assert.equal(await page.evaluate(() => localStorage.getItem("follow-up.data")), null, "nothing saved half-way");

    await page.locator("#field-linkedin_url").fill("https://example.com/in/x");
    await page.locator("#field-email").fill("x@example.com");
    await page.getByRole("button", { name: "Add person" }).click();
    await page.waitForSelector(".details");
    assert.equal(await page.locator("h1").textContent(), hostile);
    assert.equal(await page.locator("main img, main script").count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(await h.assertClean(), []);
  });

  test("unreadable stored data is offered for download and kept aside before starting afresh", async () => {
    const { page } = h;
    await fresh();
    const damaged = '{"schema_version":1,"records":{"contacts":[{"name":';
    await page.evaluate((text) => localStorage.setItem("follow-up.data", text), damaged);
    await page.reload();
    await page.waitForSelector("h1:text('Your saved data could not be opened')");
    assert.match(await page.locator("[role=alert]").first().textContent(), /not valid JSON/);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the saved data" }).click()]);
    assert.match(download.suggestedFilename(), /^follow-up-unreadable-\d{4}-\d{2}-\d{2}\.json$/);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    assert.equal(Buffer.concat(chunks).toString("utf8"), damaged);
    assert.equal(await page.evaluate(() => localStorage.getItem("follow-up.data")), damaged, "not overwritten");

    await page.getByRole("button", { name: "Start with an empty list" }).click();
    await page.waitForSelector("h1:text('People')");
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("follow-up.data.unreadable-")).map((k) => localStorage.getItem(k)));
    assert.deepEqual(kept, [damaged]);
  });
});
