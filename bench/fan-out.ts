import type { Child } from "./helpers/child.ts";
import { forkHelper } from "./helpers/child.ts";
import { figure, heading, ratio, remember } from "./report.ts";

interface ApiStats {
  total: number;
  channels: number;
  duplicated: number;
  limited: number;
}

async function fanOut(api: Child, members: number) {
  await api.request({ kind: "reset" });
  const child = await forkHelper("fanout-process", [String(api.ready.apiUrl), String(members)]);
  await child.stop();
  const stats = (await api.request({ kind: "stats" })).stats as ApiStats;
  const r = child.ready as unknown as {
    queued: string;
    seconds: number;
    peakRssMb: number;
    rssBeforeMb: number;
    counts: Record<string, number>;
  };
  const lost = members - stats.channels;
  return { ...r, stats, lost };
}

/**
 * One check-in to 1,000 members through the real Slack gateway, to a Web API stand-in in its
 * own process: first unthrottled, then with Slack's shape enforced (1/s per channel, a
 * workspace cap per minute, 429 + Retry-After). Lost and duplicated are counted at the server.
 */
export async function fanOutBench(api: Child, options: { members: number; capPerMinute: number }) {
  heading(`2. Fan-out (${options.members} members, real Slack gateway, real clock)`);
  await api.request({ kind: "configure", options: {} });
  const free = await fanOut(api, options.members);
  figure(`unthrottled: ${free.queued} delivered`, `${free.stats.total} to ${free.stats.channels} people`);
  figure("unthrottled: messages per second", free.stats.total / free.seconds);
  figure(
    "unthrottled: peak RSS (before: idle)",
    `${free.peakRssMb.toFixed(0)} MB (${free.rssBeforeMb.toFixed(0)} MB)`,
  );
  figure("unthrottled: lost / duplicated", `${free.lost} / ${free.stats.duplicated}`);
  remember(
    "fan-out unthrottled",
    `${(free.stats.total / free.seconds).toFixed(0)} msg/s, peak RSS ${free.peakRssMb.toFixed(0)} MB, lost ${free.lost}, dup ${free.stats.duplicated}`,
  );

  const throttle = { capPerMinute: options.capPerMinute, perChannelMs: 1000 };
  await api.request({ kind: "configure", options: { throttle } });
  const limited = await fanOut(api, options.members);
  // With a sliding one-minute window the k-th message can go no sooner than floor((k-1)/cap) minutes in.
  const minimum = Math.floor((options.members - 1) / options.capPerMinute) * 60;
  figure("throttled: workspace cap / per channel", `${options.capPerMinute}/min / 1 per s`);
  figure("throttled: time to deliver all", limited.seconds, "s");
  figure("throttled: minimum the limit allows", minimum, "s");
  figure("throttled: 429 answers received", limited.stats.limited);
  figure("throttled: lost / duplicated", `${limited.lost} / ${limited.stats.duplicated}`);
  const r = minimum > 0 ? limited.seconds / minimum : Number.NaN;
  ratio("throttled: time / minimum", r, 1.2);
  remember(
    "fan-out throttled",
    `${limited.seconds.toFixed(1)} s vs ${minimum} s minimum (ratio ${r.toFixed(2)}), lost ${limited.lost}, dup ${limited.stats.duplicated}, 429s ${limited.stats.limited}`,
  );
}
