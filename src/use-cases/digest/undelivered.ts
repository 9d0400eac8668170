import { DAY } from "../../domain/time.ts";
import type { DigestInput, SectionBuilder } from "./section.ts";

/** How far back the first digest looks, when there was none before it. */
const FIRST_LOOKBACK_DAYS = 7;

const PLATFORM_NAMES: Record<string, string> = { slack: "Slack", teams: "Teams", console: "the console" };

/**
 * Messages lost to a platform outage since the last digest: tried, failed while the platform
 * was down, and too late to be worth sending once it was back. Counts only, never who they
 * were for or what they said — the coordinator needs to know something was missed, and can
 * ask the group.
 */
export const undeliveredMessages: SectionBuilder = {
  name: "undelivered",
  build({ core, workstream, now }: DigestInput) {
    const since =
      core.store.outbox.lastDigestSentAt(workstream.id) ??
      new Date(now.getTime() - FIRST_LOOKBACK_DAYS * DAY);
    const lost = core.store.outbox.undeliveredSince(workstream.id, since);
    if (lost.length === 0) return undefined;
    return {
      heading: "Messages not delivered",
      blocks: [
        {
          kind: "list",
          items: lost.map(
            ({ platform, count }) =>
              `${count === 1 ? "1 message" : `${count} messages`} could not be delivered while ${PLATFORM_NAMES[platform] ?? platform} was unavailable, and ${count === 1 ? "was" : "were"} too late to send once it was back.`,
          ),
        },
        {
          kind: "note",
          text: "Reminders and notices may have been missed: it may help to tell the group what was planned.",
        },
      ],
    };
  },
};
