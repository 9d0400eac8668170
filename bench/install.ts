import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { figure, heading, ratio, remember } from "./report.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The target for a clean install. */
const INSTALL_TARGET_MS = 30_000;

/** `npm ci` of this package.json and lock in an empty directory; milliseconds. */
function timedInstall(extra: string[]): { ms: number; compiled: boolean } {
  const dir = mkdtempSync(join(tmpdir(), "cp-install-"));
  try {
    copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
    copyFileSync(join(ROOT, "package-lock.json"), join(dir, "package-lock.json"));
    const started = performance.now();
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", ...extra], { cwd: dir, stdio: "ignore" });
    const ms = performance.now() - started;
    // A binary built here leaves its object files; a downloaded prebuilt one does not.
    const compiled = existsSync(join(dir, "node_modules/better-sqlite3/build/Release/obj.target"));
    return { ms, compiled };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Install from clean, as a newcomer's `npm install` on a fresh clone does it (`npm ci` from the
 * lock; npm's cache warm, as it is after the first try), beside the same with no install
 * scripts: the difference is native builds. better-sqlite3 13 (Node ≥ 22) ships its binary in
 * the package; 12, Node 20's driver, downloads a prebuilt one from github.com or else compiles
 * SQLite — on every Node, since both are dependencies.
 */
export function installBench() {
  heading(
    `5. Install from clean (npm ci, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2)})`,
  );
  const full = timedInstall([]);
  const bare = timedInstall(["--ignore-scripts"]);
  figure("npm ci", full.ms / 1000, "s");
  figure("npm ci --ignore-scripts (no native builds)", bare.ms / 1000, "s");
  figure(
    "better-sqlite3 12 (Node 20's driver)",
    full.compiled ? "compiled from source (no prebuilt binary could be fetched)" : "prebuilt binary fetched",
  );
  ratio(`npm ci / ${INSTALL_TARGET_MS / 1000} s target`, full.ms / INSTALL_TARGET_MS, 1);
  remember(
    "install (npm ci) / without native builds",
    `${(full.ms / 1000).toFixed(0)} s / ${(bare.ms / 1000).toFixed(0)} s`,
  );
}
