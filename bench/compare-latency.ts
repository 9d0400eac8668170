import { figure, median, ratio, remember, round } from "./report.ts";

export const WHICH = ["bare", "real"] as const;
export type Which = (typeof WHICH)[number];

/** One round of load against one server. */
export interface Round {
  p50: number;
  p99: number;
  rps: number;
  failed: number;
  /** Teams only: answers seen, and replies the connector stand-in received. */
  answered?: number;
  replies?: number;
  /** Teams only: from the message's sending until its reply reached the connector stand-in. */
  replyP50?: number;
  replyP99?: number;
  /** Teams only: the server process's CPU time per answered message. */
  cpuMsPerMessage?: number;
  /** Slack only: from a command's sending to its answer at response_url. */
  answerP50?: number;
  answerP99?: number;
}

/**
 * The real bot against a bare app, in alternating rounds: at a fixed offered rate (where the
 * targets apply: p50 ≤ 1.2, p99 ≤ 1.5), then flat out. Medians of rounds, ratios from the same
 * run — what counts on a machine that stalls at random.
 */
export async function compareRealToBare(options: {
  tag: string;
  unit: string;
  labels: Record<Which, string>;
  rounds: number;
  seconds: number;
  rate: number;
  /**
   * Which time carries the target: the HTTP answer (default: p50 ≤ 1.2, p99 ≤ 1.5), or the
   * reply reaching the connector (Teams), whose p50 target is given; the other is secondary.
   */
  headline?: { on: "reply"; p50: number };
  round(which: Which, seconds: number, rate: number | undefined): Promise<Round>;
}): Promise<void> {
  for (const which of WHICH) await options.round(which, 2, undefined);
  for (const phase of [
    { name: `at ${options.rate} ${options.unit} offered`, rate: options.rate, targets: true },
    { name: "flat out (closed loop, saturated)", rate: undefined, targets: false },
  ]) {
    const runs: Record<Which, Round[]> = { bare: [], real: [] };
    for (let r = 0; r < options.rounds; r++) {
      for (const which of WHICH) runs[which].push(await options.round(which, options.seconds, phase.rate));
    }
    const stat = (which: Which, key: "p50" | "p99" | "rps" | "replyP50" | "replyP99" | "cpuMsPerMessage") =>
      median(runs[which].map((x) => x[key] ?? Number.NaN));
    const total = (which: Which, key: "failed" | "answered" | "replies") =>
      runs[which].reduce((n, x) => n + (x[key] ?? 0), 0);
    console.log(`  -- ${phase.name}; median of ${options.rounds} alternating rounds of ${options.seconds} s`);
    for (const which of WHICH) {
      figure(
        `${options.labels[which]}: p50 / p99 / ${options.unit} / failed`,
        `${round(stat(which, "p50"))} ms / ${round(stat(which, "p99"))} ms / ${stat(which, "rps").toFixed(0)} / ${total(which, "failed")}`,
      );
      // Every answered message really replied (a few more replies than answers are requests
      // cut off in flight when a round ends).
      if (runs[which].some((x) => x.replies !== undefined))
        figure(
          `${options.labels[which]}: replies / answered`,
          `${total(which, "replies")} / ${total(which, "answered")}`,
        );
      if (options.headline) {
        figure(
          `${options.labels[which]}: reply at connector p50 / p99`,
          `${round(stat(which, "replyP50"))} ms / ${round(stat(which, "replyP99"))} ms`,
        );
        figure(`${options.labels[which]}: CPU per message`, stat(which, "cpuMsPerMessage"), "ms");
      }
      if (runs[which].some((x) => x.answerP50 !== undefined)) {
        const answer = (key: "answerP50" | "answerP99") =>
          median(runs[which].map((x) => x[key] ?? Number.NaN));
        figure(
          `${options.labels[which]}: time to answer p50 / p99`,
          `${answer("answerP50")} ms / ${answer("answerP99")} ms`,
        );
      }
    }
    const p50 = stat("real", "p50") / stat("bare", "p50");
    const p99 = stat("real", "p99") / stat("bare", "p99");
    const replyP50 = stat("real", "replyP50") / stat("bare", "replyP50");
    const replyP99 = stat("real", "replyP99") / stat("bare", "replyP99");
    if (phase.targets && options.headline) {
      ratio("reply at connector: p50 ratio real / bare", replyP50, options.headline.p50);
      figure("reply at connector: p99 ratio (no target)", replyP99);
      figure("HTTP 200: p50 / p99 ratio (secondary)", `${p50.toFixed(2)} / ${p99.toFixed(2)}`);
      remember(
        `${options.tag} reply p50 real/bare @${options.rate}/s`,
        `${round(stat("real", "replyP50"))} / ${round(stat("bare", "replyP50"))} ms (ratio ${replyP50.toFixed(2)}, target ${options.headline.p50})`,
      );
      remember(
        `${options.tag} reply p99 real/bare @${options.rate}/s`,
        `${round(stat("real", "replyP99"))} / ${round(stat("bare", "replyP99"))} ms (ratio ${replyP99.toFixed(2)})`,
      );
      const cpu = (which: Which) => stat(which, "cpuMsPerMessage");
      figure("CPU per message: real − bare", cpu("real") - cpu("bare"), "ms");
      remember(
        `${options.tag} CPU per message real / bare`,
        `${round(cpu("real"))} / ${round(cpu("bare"))} ms (+${round(cpu("real") - cpu("bare"))} ms)`,
      );
      remember(
        `${options.tag} 200 p50 / p99 ratio @${options.rate}/s`,
        `${p50.toFixed(2)} / ${p99.toFixed(2)} (secondary)`,
      );
    } else if (phase.targets) {
      ratio("p50 ratio real / bare", p50, 1.2);
      ratio("p99 ratio real / bare", p99, 1.5);
      for (const [key, value] of [
        ["p50", p50],
        ["p99", p99],
      ] as const) {
        remember(
          `${options.tag} ${key} real/bare @${options.rate}/s`,
          `${round(stat("real", key))} / ${round(stat("bare", key))} ms (ratio ${value.toFixed(2)})`,
        );
      }
    } else {
      figure("p50 / p99 ratio when saturated (no target)", `${p50.toFixed(2)} / ${p99.toFixed(2)}`);
      if (options.headline)
        figure("reply p50 / p99 ratio when saturated", `${replyP50.toFixed(2)} / ${replyP99.toFixed(2)}`);
      remember(
        `${options.tag} capacity real / bare`,
        `${stat("real", "rps").toFixed(0)} / ${stat("bare", "rps").toFixed(0)} ${options.unit}`,
      );
    }
  }
}
