// A child process serving the Slack Web API stand-in, so its work does not count against the
// process being measured. Driven over IPC: "stats", "reset", "configure".
import { type StandInOptions, startStandInSlack } from "../../test/helpers/reliability-slack-api.ts";

const api = await startStandInSlack();
process.send?.({ kind: "ready", apiUrl: api.apiUrl, respondBase: api.responseUrl("") });
process.on("message", (raw) => {
  const msg = raw as { kind: string; id: number; options?: StandInOptions };
  if (msg.kind === "configure") api.configure(msg.options ?? {});
  if (msg.kind === "reset") api.reset();
  process.send?.({ kind: "done", id: msg.id, stats: api.stats() });
});
process.on("disconnect", () => {
  void api.close().then(() => process.exit(0));
});
