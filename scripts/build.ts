// `npm run build` (what `npm start` runs first): the bot bundled by esbuild into dist/src/.
//
// Why a bundle rather than tsc's one file per module: Node then reads, wraps and keeps the
// source of a few files instead of about 900 in Slack mode (Bolt, zod, luxon, chrono, pino…),
// which in `npm run bench -- footprint` holds 5–9 MB less and starts in 0.27–0.29 s instead of
// 0.41–0.52 s (README, Performance). The build takes about a second instead of tsc's five; type
// checking stays with `npm run typecheck`.
//
// Usage: tsx scripts/build.ts [outdir]   (default dist/src; tests build elsewhere)
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const outdir = process.argv[2] ?? join(ROOT, "dist/src");
// What is given is emptied first: only ever a `…/dist/src`, never a directory of sources.
if (!/(^|[\\/])dist[\\/]src[\\/]?$/.test(outdir)) {
  throw new Error(`scripts/build.ts writes only to a …/dist/src directory, not ${outdir}`);
}
// Nothing stale is left to load: the whole of that dist/ (tsc's old output too).
rmSync(process.argv[2] ? join(outdir, "..") : join(ROOT, "dist"), { recursive: true, force: true });

await build({
  entryPoints: [join(ROOT, "src/main.ts")],
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Each adapter stays its own chunk, loaded by main.ts only when configured: the console
  // never reads Bolt or botbuilder, and Slack mode never reads botbuilder.
  splitting: true,
  // Whitespace and syntax only: names stay readable in a stack trace.
  minifyWhitespace: true,
  minifySyntax: true,
  // Native addons are loaded from node_modules at run time (adapters/sqlite/open.ts picks one).
  external: ["better-sqlite3", "better-sqlite3-13"],
  // The CommonJS packages inside call `require` for Node's own modules; ES modules have none.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
