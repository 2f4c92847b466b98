// Trunk post-build hook: moves Trunk's inline start-up <script type="module"> into a hashed
// file, so the Content-Security-Policy can forbid inline scripts, then checks that no inline
// script or style is left in index.html.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("finish-build: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

// Trunk minifies release HTML, so attribute quotes may be gone.
const inline = /<script\s+type=(?:"module"|module)(?:\s+nonce=\S+)?\s*>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  console.error(`finish-build: expected exactly one inline module script from Trunk, found ${found.length}`);
  process.exit(1);
}
const [tag, body] = found[0];
const code = body.trim() + "\n";
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const file = `boot-${hash}.js`;
writeFileSync(join(dir, file), code);
html = html.replace(tag, `<script type="module" src="${publicUrl}${file}"></script>`);

const leftovers = [/<script(?![^>]*\ssrc=)[^>]*>/i, /<style[\s>]/i, /<[^>]+\sstyle=/i, /<[^>]+\son[a-z]+=/i];
for (const pattern of leftovers) {
  if (pattern.test(html)) {
    console.error(`finish-build: index.html still has inline code matching ${pattern}; the CSP would block it`);
    process.exit(1);
  }
}
writeFileSync(indexPath, html);
console.log(`finish-build: start-up script moved to ${file}`);
