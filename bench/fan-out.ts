import type { Child } from "./helpers/child.ts";
import { forkHelper } from "./helpers/child.ts";
import { figure, heading, ratio, remember } from "./report.ts";

interface ApiStats {
  total: number;
  channels: number;
  duplicated: number;
  limited: number;
}

/** The network distance to the platform in the rate-limited runs (`BENCH_LATENCY_MS`). */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 120);

async function fanOut(api: Child, url: string, members: number, platform: "slack" | "teams") {
  await api.request({ kind: "reset" });
  const child = await forkHelper("fanout-process", [url, String(members), platform]);
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
 * own process: first unthrottled and close by, then with Slack's shape enforced (1/s per
 * channel, a workspace cap per minute, 429 + Retry-After) and every call `LATENCY_MS` away;
 * then the same through the real Teams gateway to a connector stand-in with Teams' limits
 * (50 a second per app, 7 a second per conversation). Lost and duplicated are counted at the
 * server; the ratio is the time taken over the least the limits allow.
 */
export async function fanOutBench(api: Child, options: { members: number; capPerMinute: number }) {
  heading(`2. Fan-out (${options.members} members, real gateways, real clock)`);
  const slackUrl = String(api.ready.apiUrl);
  await api.request({ kind: "configure", options: {} });
  const free = await fanOut(api, slackUrl, options.members, "slack");
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
  await api.request({ kind: "configure", options: { throttle, latencyMs: LATENCY_MS } });
  const limited = await fanOut(api, slackUrl, options.members, "slack");
  // With a sliding one-minute window the k-th message can go no sooner than floor((k-1)/cap) minutes in.
  const minimum = Math.floor((options.members - 1) / options.capPerMinute) * 60;
  report("Slack", limited, minimum, `${options.capPerMinute}/min workspace, 1/s per channel`);

  const connector = await forkHelper("teams-connector-process");
  try {
    const perSecond = 50;
    await connector.request({
      kind: "configure",
      options: { latencyMs: LATENCY_MS, throttle: { perSecond, perConversationPerSecond: 7 } },
    });
    const teams = await fanOut(connector, String(connector.ready.serviceUrl), options.members, "teams");
    // A sliding one-second window: the k-th message can go no sooner than floor((k-1)/50) s in.
    report(
      "Teams",
      teams,
      Math.floor((options.members - 1) / perSecond),
      `${perSecond}/s per app, 7/s per chat`,
    );
  } finally {
    await connector.stop();
  }
}

function report(platform: string, run: Awaited<ReturnType<typeof fanOut>>, minimum: number, limits: string) {
  const p = platform.toLowerCase();
  figure(`${p} limits, ${LATENCY_MS} ms away: limits`, limits);
  figure(`${p} limits: time to deliver all`, run.seconds, "s");
  figure(`${p} limits: minimum the limits allow`, minimum, "s");
  figure(`${p} limits: 429 answers received`, run.stats.limited);
  figure(`${p} limits: lost / duplicated`, `${run.lost} / ${run.stats.duplicated}`);
  const r = minimum > 0 ? run.seconds / minimum : Number.NaN;
  ratio(`${p} limits: time / minimum`, r, 1.1);
  remember(
    `fan-out ${platform} limits, ${LATENCY_MS} ms`,
    `${run.seconds.toFixed(1)} s vs ${minimum} s minimum (ratio ${r.toFixed(2)}), lost ${run.lost}, dup ${run.stats.duplicated}, 429s ${run.stats.limited}`,
  );
}
