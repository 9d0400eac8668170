import { DONE, hasAnswered, isClosed } from "../domain/check-in.ts";
import type { Person, Workstream } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import { isReviewOpen } from "../domain/review.ts";
import { code, em, joinText, link, rich, type Text } from "../domain/rich-text.ts";
import { supportKindWords } from "../domain/support.ts";
import { formatDay, formatWhen } from "../domain/time.ts";
import { type Block, type Button, type Message, message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import { quoted } from "./dissent-record.ts";
import { PAPERS_ACTIONS } from "./papers-messages.ts";
import { REVIEW_ACTIONS } from "./review-messages.ts";

/** At most this many of one kind per workstream; the rest are counted ("and 3 more"). */
export const MINE_PER_KIND = 3;

/** Done support requests stay in the list this long, so the person sees they were dealt with. */
const DONE_SUPPORT_SHOWN_MS = 14 * 24 * 60 * 60 * 1000;

/** One thing waiting for the person: a line, and its buttons where the original had some. */
interface Item {
  text: Text;
  buttons?: Button[];
}

/** One kind of thing (papers to read, …) in one workstream. */
interface Section {
  heading: string;
  items: Item[];
}

/** What `/mine` and the App Home show: per workstream, what is waiting; and whether anything is. */
export interface Mine {
  workstreams: Array<{ workstream: Workstream; sections: Section[]; meetings: Text[] }>;
  /** Things waiting (not counting meetings). */
  waiting: number;
}

/**
 * Everything waiting for one person across the workstreams they are in now (PRODUCT.md §11):
 * papers to read, unfinished check-ins, views to confirm, their questions and support requests,
 * parked items they own and their next meetings. Only their own things (§6): never anyone
 * else's answers, and of a check-in only whether they have answered it.
 */
export function collectMine(core: Core, person: Person): Mine {
  const now = core.clock.now();
  const result: Mine = { workstreams: [], waiting: 0 };
  for (const workstream of core.store.members.workstreamsOf(person.id)) {
    // A closed workstream is read-only: nothing in it waits for anyone (PRODUCT.md §13).
    if (workstream.closedAt) continue;
    const zone = workstream.settings.timezone;
    const sections: Section[] = [];
    const add = (heading: string, items: Item[]) => {
      if (items.length === 0) return;
      sections.push({ heading, items });
      result.waiting += items.length;
    };
    const upcoming = core.store.meetings.upcoming(workstream.id, now);

    // Papers that went out for a meeting still to come, not yet said to be read.
    add(
      "Papers to read",
      upcoming
        .filter((m) => m.startsAt.getTime() > now.getTime() && core.store.papers.distribution(m.id))
        .filter((m) => !core.store.papers.readers(m.id).includes(person.id))
        .flatMap((m) => {
          const papers = core.store.papers.forMeeting(m.id).filter((p) => p.sentAt !== null);
          if (papers.length === 0) return [];
          const links = joinText(
            papers.map((p) => link(p.link, p.title)),
            ", ",
          );
          return [
            {
              text: rich`${em(m.title)} on ${formatWhen(m.startsAt, zone, now)}: ${links}`,
              buttons: [
                {
                  action: PAPERS_ACTIONS.read,
                  label: "I've read them",
                  value: String(m.id),
                  style: "primary",
                },
              ],
            },
          ];
        }),
    );

    // Check-ins still open that they were sent: unfinished ones with the button, else "answered".
    const checkIns: Item[] = core.store.checkIns
      .openIn(workstream.id)
      .filter((c) => !isClosed(c, now))
      .flatMap((c): Item[] => {
        const answer = core.store.checkIns.answer(c.id, person.id);
        const meeting = core.store.meetings.byId(c.meetingId);
        if (!answer || !meeting) return [];
        const about = rich`${em(meeting.title)} on ${formatDay(meeting.startsAt, zone, now)}`;
        if (answer.step >= DONE || hasAnswered(answer))
          return [{ text: rich`After ${about}: answered. Thank you.` }];
        return [
          {
            text: rich`After ${about}: not finished yet, when you have a minute. It closes on ${formatWhen(c.closesAt, zone, now)}.`,
            buttons: [
              {
                action: "checkin.resume",
                label: "Answer the check-in",
                value: String(c.id),
                style: "primary",
              },
            ],
          },
        ];
      });
    sections.push(...(checkIns.length > 0 ? [{ heading: "Check-ins", items: checkIns }] : []));
    // A review still open that they have not answered (answered ones say only that).
    const reviews: Item[] = core.store.reviews
      .list(workstream.id)
      .filter((r) => isReviewOpen(r, now))
      .flatMap((r): Item[] => {
        const invite = core.store.reviews.inviteOf(r.id, person.id);
        if (!invite) return [];
        if (invite.answeredAt) return [{ text: "The review: answered. Thank you." }];
        return [
          {
            text: `The review: when you have a minute. It closes on ${formatWhen(r.closesAt, zone, now)}.`,
            buttons: [
              {
                action: REVIEW_ACTIONS.open,
                label: "Answer the review",
                value: String(r.id),
                style: "primary",
              },
            ],
          },
        ];
      });
    sections.push(...(reviews.length > 0 ? [{ heading: "Reviews", items: reviews }] : []));
    result.waiting += checkIns.filter((i) => i.buttons).length;
    result.waiting += reviews.filter((i) => i.buttons).length;

    // A view the chair recorded for them, waiting for them to say it is fair.
    add(
      "Your views to check",
      core.store.dissent
        .list(workstream.id)
        .filter((d) => d.memberId === person.id && d.status === "awaiting-confirmation")
        .reverse()
        .map((d) => {
          const value = String(d.id);
          return {
            text: rich`${formatId("dissent", d.seq)}: ${quoted(d.view)}. Is this a fair record of your view?`,
            buttons: [
              { action: "dissent.confirm", label: "Yes, that's fair", value, style: "primary" },
              { action: "dissent.edit", label: "Edit the wording", value },
              { action: "dissent.withdraw", label: "Withdraw it", value, style: "danger" },
            ],
          };
        }),
    );

    // Their questions on papers for meetings that have not ended.
    add(
      "Your questions on papers",
      core.store.papers.questionsOf(workstream.id, person.id).flatMap((q) => {
        const meeting = core.store.meetings.byId(q.meetingId);
        if (meeting?.status !== "scheduled" || meeting.endsAt.getTime() <= now.getTime()) return [];
        const state = q.answer === null ? "not answered yet." : rich`answered: ${quoted(shorten(q.answer))}`;
        return [{ text: rich`On ${em(meeting.title)}: ${quoted(shorten(q.question))} — ${state}` }];
      }),
    );

    // Their support requests: open ones, and ones done lately. No S-n: members can't use it.
    add(
      "Your support requests",
      core.store.support
        .ofPerson(workstream.id, person.id)
        .filter(
          (s) =>
            s.status === "open" ||
            (s.closedAt !== null && now.getTime() - s.closedAt.getTime() < DONE_SUPPORT_SHOWN_MS),
        )
        .map((s) => ({
          text: rich`${capitalise(supportKindWords(s.kind))}: ${quoted(shorten(s.need))} — ${
            s.status === "open" ? "open: the coordinator is on it." : "done."
          }`,
        })),
    );

    // Parked items they own.
    add(
      "Parked items you own",
      core.store.parking
        .open(workstream.id)
        .filter((p) => p.ownerId === person.id)
        .map((p) => ({
          text: rich`${formatId("parked", p.seq)} ${em(p.title)}${
            p.revisitOn ? `, to come back to on ${formatDay(p.revisitOn, zone, now)}` : ""
          }`,
        })),
    );

    const meetings = upcoming.map(
      (m) =>
        rich`${em(m.title)} — ${formatWhen(m.startsAt, zone, now)}${m.startsAt.getTime() <= now.getTime() ? " (now)" : ""}`,
    );
    result.workstreams.push({ workstream, sections, meetings });
  }
  return result;
}

/** The blocks for what `collectMine` found: per workstream a heading, each kind, the meetings. */
export function mineBlocks(mine: Mine): Block[] {
  const blocks: Block[] = [];
  for (const { workstream, sections, meetings } of mine.workstreams) {
    if (sections.length === 0 && meetings.length === 0) continue;
    // One workstream needs no name above its things; several do.
    if (mine.workstreams.length > 1) blocks.push({ kind: "heading", text: workstream.name });
    for (const section of sections) {
      blocks.push({ kind: "text", text: rich`${em(section.heading)}` });
      const shown = section.items.slice(0, MINE_PER_KIND);
      let plain: Text[] = [];
      const flush = () => {
        if (plain.length > 0) blocks.push({ kind: "list", items: plain });
        plain = [];
      };
      for (const item of shown) {
        if (!item.buttons) {
          plain.push(item.text);
          continue;
        }
        flush();
        blocks.push({ kind: "text", text: item.text });
        blocks.push({ kind: "buttons", buttons: item.buttons });
      }
      flush();
      const more = section.items.length - shown.length;
      if (more > 0) blocks.push({ kind: "note", text: `And ${more} more.` });
    }
    if (meetings.length > 0) {
      blocks.push({ kind: "text", text: rich`${em("Your next meetings")}` });
      const shown = meetings.slice(0, MINE_PER_KIND);
      blocks.push({ kind: "list", items: shown });
      const more = meetings.length - shown.length;
      if (more > 0)
        blocks.push({ kind: "note", text: rich`And ${more} more: ${code("/meeting list")} shows them all.` });
    }
  }
  return blocks;
}

/** "Nothing is waiting for you right now." — said plainly, with the meetings if there are any. */
export function nothingWaiting(person: Person): string {
  return `Nothing is waiting for you right now, ${person.name}.`;
}

/** A person's words, cut to a line. */
function shorten(words: string, longest = 120): string {
  const chars = [...words];
  return chars.length <= longest
    ? words
    : `${chars
        .slice(0, longest - 1)
        .join("")
        .trimEnd()}…`;
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * `/mine`: everything waiting for the person who typed it, across their workstreams, answered
 * privately. Buttons are the originals' (same actions and values), so they work the same.
 */
export function showMine(core: Core, person: Person): Message {
  const mine = collectMine(core, person);
  if (mine.workstreams.length === 0) {
    return message(
      `Hi ${person.name}. You're not in a workstream yet, so nothing is waiting for you. When a chair or coordinator adds you, what needs you will show here.`,
    );
  }
  const blocks = mineBlocks(mine);
  const text =
    mine.waiting === 0 ? nothingWaiting(person) : `Here is what is waiting for you, ${person.name}.`;
  return {
    text,
    blocks: [{ kind: "text", text }, ...blocks, { kind: "note", text: "Only you can see this." }],
  };
}
