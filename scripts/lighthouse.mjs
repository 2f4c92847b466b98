// Runs Lighthouse (the npm package) against the release build in dist/, served on 127.0.0.1
// with the system Chromium, and prints the category scores: the median of several runs, for
// Lighthouse's default mobile profile (simulated slow 4G, 4x CPU slowdown) and for desktop.
// Usage: node scripts/lighthouse.mjs [runs=3]   (scripts/lighthouse builds first)
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";
import { serve } from "./static-server.mjs";

const runs = Number(process.argv[2] || 3);
const server = await serve("dist", 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
const categories = ["performance", "accessibility", "best-practices", "seo"];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let failed = false;
try {
  for (const [profile, config] of [["mobile", undefined], ["desktop", desktop]]) {
    const scores = Object.fromEntries(categories.map((c) => [c, []]));
    const metrics = { fcp: [], lcp: [], tbt: [], cls: [], tti: [] };
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories }, config);
      const lhr = result.lhr;
      for (const c of categories) scores[c].push(Math.round(lhr.categories[c].score * 100));
      metrics.fcp.push(lhr.audits["first-contentful-paint"].numericValue);
      metrics.lcp.push(lhr.audits["largest-contentful-paint"].numericValue);
      metrics.tbt.push(lhr.audits["total-blocking-time"].numericValue);
      metrics.cls.push(lhr.audits["cumulative-layout-shift"].numericValue);
      metrics.tti.push(lhr.audits.interactive.numericValue);
      if (i === 0) {
        const misses = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable");
        for (const a of misses) console.log(`  (${profile}) below 90: ${a.id} ${a.displayValue || ""} score ${a.score}`);
      }
    }
    console.log(`\nLighthouse ${lighthouse.version || ""} ${profile}, median of ${runs} runs:`);
    console.log("| category | score | runs |");
    console.log("|---|---|---|");
    for (const c of categories) console.log(`| ${c} | ${median(scores[c])} | ${scores[c].join(", ")} |`);
    console.log(
      `FCP ${Math.round(median(metrics.fcp))} ms, LCP ${Math.round(median(metrics.lcp))} ms, TBT ${Math.round(median(metrics.tbt))} ms, CLS ${median(metrics.cls).toFixed(3)}, time to interactive ${Math.round(median(metrics.tti))} ms`,
    );
    if (median(scores.accessibility) < 100 || median(scores["best-practices"]) < 100) failed = true;
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exit(failed ? 1 : 0);
