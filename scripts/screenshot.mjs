// Makes docs/screenshot*.png for the README: serves the release build (dist/) on 127.0.0.1,
// loads the example data for Today and Insights, then enters a small search through the UI like
// a user would for the people list and the board.
// Usage: trunk build --release && node scripts/screenshot.mjs
import { appReady, start } from "../e2e/harness.mjs";

const h = await start();
const { page, base } = h;
await page.setViewportSize({ width: 1100, height: 760 });
await page.goto(base);
await appReady(page);
await page.getByRole("button", { name: "Try it with example data" }).click();
await page.waitForSelector(".follow-up");
await page.goto(base + "#/people");
await page.goto(base + "#/today");
await page.waitForSelector(".follow-up");
await page.screenshot({ path: "docs/screenshot-today.png" });
await page.goto(base + "#/insights");
await page.waitForSelector(".chart svg");
await page.screenshot({ path: "docs/screenshot-insights.png", fullPage: true });
await page.goto(base + "#/today");
await page.getByRole("button", { name: "Remove example data" }).click();
await page.waitForSelector(".welcome");

async function fill(fields, button) {
  for (const [id, value] of Object.entries(fields)) {
    const el = page.locator(`#field-${id}`);
    if ((await el.evaluate((e) => e.tagName)) === "SELECT") await el.selectOption(value);
    else await el.fill(value);
  }
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL(/\/[0-9a-f]{32}$/);
}

const people = [
  { name: "Priya Raman", company: "Northwind", title: "Senior Technical Recruiter", role: "recruiter", email: "priya.raman@northwind.example", preferred_channel: "email" },
  { name: "Marcus Holt", company: "Northwind", title: "Engineering Manager", role: "hiring_manager" },
  { name: "Celia Stangarone", company: "RiseSmart", title: "Content Lead", role: "referrer", email: "cstangarone@risesmart.example" },
  { name: "Dana Whitfield", company: "Globex", title: "Staff Engineer", role: "interviewer" },
  { name: "Tom Okafor", company: "", title: "Meetup organiser", role: "networking", how_we_met: "Rust meetup, October" },
];
for (const p of people) {
  await page.goto(base + "#/people/new");
  await fill(p, "Add person");
}
for (const [company, role, stage] of [["Northwind", "Backend Engineer", "interviewing"], ["Globex", "Platform Engineer", "applied"], ["RiseSmart", "Developer Advocate", "interested"], ["Initech", "Rust Developer", "offer"]]) {
  await page.goto(base + "#/opportunities/new");
  await fill({ company, role, stage }, "Add opportunity");
}
await page.goto(base + "#/people");
await page.waitForSelector(".person-row");
await page.screenshot({ path: "docs/screenshot.png" });
await page.goto(base + "#/opportunities");
await page.waitForSelector(".card");
await page.screenshot({ path: "docs/screenshot-board.png" });
const problems = await h.assertClean();
await h.stop();
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("wrote docs/screenshot-today.png, docs/screenshot-insights.png, docs/screenshot.png and docs/screenshot-board.png");
