// A small static file server for the built app, bound to 127.0.0.1 only.
// Used by `scripts/serve` and by the end-to-end tests; no dependencies. Text files are sent
// gzip-compressed when the browser accepts it, as any production static host would.
// Usage: node scripts/static-server.mjs [root=dist] [port=8080] [base path=/]
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".json", ".webmanifest", ".svg", ".txt"]);

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 picks a free port) under the URL path `base`
 * (like "/follow-up/"; anything outside it is 404); resolves to the server.
 */
export function serve(root, port = 0, base = "/") {
  const dir = resolve(root);
  const prefix = base.endsWith("/") ? base : base + "/";
  const gzipped = new Map(); // file -> [mtimeMs, compressed bytes]
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    if (path + "/" === prefix) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length - 1)));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    let stat;
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      stat = statSync(file);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const type = extname(file);
    const headers = {
      "content-type": TYPES[type] || "application/octet-stream",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      vary: "accept-encoding",
    };
    let body;
    if (COMPRESSIBLE.has(type) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
      const hit = gzipped.get(file);
      body = hit && hit[0] === stat.mtimeMs ? hit[1] : gzipSync(readFileSync(file), { level: 9 });
      gzipped.set(file, [stat.mtimeMs, body]);
      headers["content-encoding"] = "gzip";
    } else {
      body = readFileSync(file);
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = "dist", port = "8080", base = "/"] = process.argv.slice(2);
  const server = await serve(root, Number(port), base);
  const prefix = base.endsWith("/") ? base : base + "/";
  console.log(`Follow-up is being served at http://127.0.0.1:${server.address().port}${prefix} (Ctrl+C to stop)`);
}
