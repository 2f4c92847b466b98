// Renders static/icons/icon.svg into the PNG icons the web app manifest lists, with the
// system Chromium. Run by hand after changing the SVG: `node scripts/make-icons.mjs`; the PNGs
// are committed, so builds need no image tools.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const svg = readFileSync("static/icons/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROME || "/usr/bin/chromium" });
const page = await browser.newPage();
async function render(size, file, padding) {
  await page.setViewportSize({ width: size, height: size });
  // The maskable icon keeps its drawing inside the central 80% safe zone, on a full bleed.
  const inner = Math.round(size * (1 - 2 * padding));
  await page.setContent(
    `<body style="margin:0;background:${padding ? "#0a58ca" : "transparent"}">` +
      `<div style="width:${size}px;height:${size}px;display:grid;place-items:center">` +
      `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" width=${inner} height=${inner}></div></body>`,
  );
  await page.screenshot({ path: `static/icons/${file}`, omitBackground: !padding });
}
await render(192, "icon-192.png", 0);
await render(512, "icon-512.png", 0);
await render(512, "maskable-512.png", 0.1);
await render(180, "apple-touch-icon.png", 0);
await browser.close();
