// `npm run bench`: figures and ratios measured in the same run; never fails on timing.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { burstSection } from "./burst-memory.ts";
import { commandLatency } from "./command-latency.ts";
import { fanOutBench } from "./fan-out.ts";
import { footprint } from "./footprint.ts";
import { forkHelper } from "./helpers/child.ts";
import { installBench } from "./install.ts";
import { programmeBench } from "./programme.ts";
import { summary } from "./report.ts";
import { schedulerScale } from "./scheduler-scale.ts";
import { teamsLatency } from "./teams-latency.ts";

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

console.log(
  `Common Purpose bench — Node ${process.version}, ${cpus().length} cores, ${new Date().toISOString()}`,
);
const api = await forkHelper("api-process");
const scratch = mkdtempSync(join(tmpdir(), "cp-bench-run-"));
const largeDb = join(scratch, "large.db");
try {
  if (want("latency")) await commandLatency(api, { rounds: 7, seconds: 4, rate: 100 });
  if (want("teams")) await teamsLatency({ rounds: 7, seconds: 3, rate: 100 });
  const cap = Number(process.env.BENCH_CAP_PER_MINUTE ?? 600);
  if (want("fanout"))
    await fanOutBench(api, { members: Number(process.env.BENCH_FANOUT_MEMBERS ?? 1000), capPerMinute: cap });
  if (want("scale")) await schedulerScale(largeDb);
  if (want("footprint")) await footprint(api, largeDb);
  if (want("programme")) await programmeBench();
  if (want("footprint") || want("burst")) await burstSection(api, largeDb);
  if (want("install")) installBench();
} finally {
  await api.stop();
  rmSync(scratch, { recursive: true, force: true });
}
console.log("\n== Summary ==");
for (const line of summary) console.log(`  ${line.label.padEnd(44)} ${line.value}`);
