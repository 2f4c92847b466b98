// The post-build hook on a fake Trunk output: only release builds get a service worker, and its
// precache list is exactly the build's files.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const HOOK = new URL("../scripts/finish-build.mjs", import.meta.url).pathname;

function fakeBuild(profile) {
  const dir = mkdtempSync(join(tmpdir(), "follow-up-hook-"));
  mkdirSync(join(dir, "icons"));
  writeFileSync(join(dir, "icons", "icon-192.png"), "png");
  writeFileSync(join(dir, "app-1234.css"), "body{}");
  writeFileSync(join(dir, "follow-up-abcd_bg.wasm"), "wasm");
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html lang=en><head><script type=module>import init, * as bindings from './follow-up-abcd.js';const wasm = await init({ module_or_path: './follow-up-abcd_bg.wasm' });</script><link rel=modulepreload href=./follow-up-abcd.js><link rel=preload as=fetch href=./follow-up-abcd_bg.wasm type=application/wasm></head><body></body></html>`,
  );
  execFileSync("node", [HOOK], { env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PUBLIC_URL: "./", TRUNK_PROFILE: profile } });
  return dir;
}

test("a release build gets a service worker that precaches exactly its files", () => {
  const dir = fakeBuild("release");
  try {
    const sw = readFileSync(join(dir, "sw.js"), "utf8");
    const files = JSON.parse(sw.match(/^const FILES = (.*);$/m)[1]);
    const boot = files.find((f) => f.startsWith("boot-"));
    assert.deepEqual(files, ["./", "app-1234.css", boot, "follow-up-abcd_bg.wasm", "icons/icon-192.png", "index.html"]);
    assert.match(sw, /^const VERSION = "[0-9a-f]{16}";$/m);
    const html = readFileSync(join(dir, "index.html"), "utf8");
    assert.match(html, /<html lang=en data-sw="sw.js">/);
    // The app is fetched after the first paint, not preloaded while the shell is parsed.
    assert.doesNotMatch(html, /preload/);
    const bootCode = readFileSync(join(dir, boot), "utf8");
    assert.match(bootCode, /requestAnimationFrame[\s\S]*await import\('\.\/follow-up-abcd\.js'\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a development build registers no service worker", () => {
  const dir = fakeBuild("debug");
  try {
    assert.equal(existsSync(join(dir, "sw.js")), false);
    assert.doesNotMatch(readFileSync(join(dir, "index.html"), "utf8"), /data-sw/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a changed file changes the service worker, so browsers see a new version", () => {
  const a = fakeBuild("release");
  const b = fakeBuild("release");
  try {
    const version = (d) => readFileSync(join(d, "sw.js"), "utf8").match(/VERSION = "(\w+)"/)[1];
    assert.equal(version(a), version(b), "same files, same version");
    writeFileSync(join(b, "app-1234.css"), "body{color:red}");
    rmSync(join(b, "sw.js"));
    writeFileSync(join(b, "index.html"), readFileSync(join(a, "index.html"), "utf8").replace(/<script type="module" src="[^"]+"><\/script>/, "<script type=module>import init, * as bindings from './follow-up-abcd.js';const wasm = await init({ module_or_path: './follow-up-abcd_bg.wasm' });</script><link rel=modulepreload href=./follow-up-abcd.js><link rel=preload as=fetch href=./follow-up-abcd_bg.wasm type=application/wasm>").replace(' data-sw="sw.js"', ""));
    execFileSync("node", [HOOK], { env: { ...process.env, TRUNK_STAGING_DIR: b, TRUNK_PUBLIC_URL: "./", TRUNK_PROFILE: "release" } });
    assert.notEqual(version(a), version(b));
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});
