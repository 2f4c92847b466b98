// Trunk post-build hook: moves Trunk's inline start-up <script type="module"> into a hashed
// file, so the Content-Security-Policy can forbid inline scripts, then checks that no inline
// script or style is left in index.html. In release builds it also writes the service worker,
// whose precache list is exactly this build's files.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

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
// Fetch the app once the loading shell is on screen: on a slow connection the shell is what
// people read for seconds, so its first paint must not compete with (or wait for) the 500 KB
// download. A hidden tab paints nothing and starts at once.
const trunkImport = /^\s*import init, \* as bindings from (['"][^'"]+['"]);/m;
if (!trunkImport.test(body)) {
  console.error("finish-build: Trunk's start-up script no longer starts with the expected import");
  process.exit(1);
}
const code =
  body
    .replace(
      trunkImport,
      `await new Promise((go) => (document.visibilityState === "hidden" ? go() : requestAnimationFrame(() => setTimeout(go))));
const bindings = await import($1);
const init = bindings.default;`,
    )
    .trim() + "\n";
// The app's files are fetched after the first paint (above), not preloaded during parsing.
html = html.replace(/<link[^>]*\srel=(?:"modulepreload"|modulepreload|"preload"|preload)[^>]*>/g, (link) =>
  /\.(?:js|wasm)\b/.test(link) ? "" : link,
);
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
// Only release builds get a service worker: development must always see fresh files.
if (process.env.TRUNK_PROFILE === "release") {
  html = html.replace(/<html([^>]*)>/, '<html$1 data-sw="sw.js">');
  writeFileSync(indexPath, html);
  writeServiceWorker(dir);
} else {
  writeFileSync(indexPath, html);
}
console.log(`finish-build: start-up script moved to ${file}`);

function writeServiceWorker(root) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name !== "sw.js") files.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(root);
  files.sort();
  const version = createHash("sha256");
  for (const f of files) version.update(f).update("\0").update(readFileSync(join(root, f)));
  const template = readFileSync(new URL("../static/sw-template.js", import.meta.url), "utf8");
  const worker = template
    .replace(/^const FILES = \[\];.*$/m, `const FILES = ${JSON.stringify(["./", ...files])};`)
    .replace(/^const VERSION = "dev";.*$/m, `const VERSION = "${version.digest("hex").slice(0, 16)}";`);
  if (worker.includes('"dev"') || !worker.includes('"./"')) {
    console.error("finish-build: the service worker template no longer has the lines to replace");
    process.exit(1);
  }
  writeFileSync(join(root, "sw.js"), worker);
  console.log(`finish-build: service worker precaches ${files.length + 1} files`);
}
