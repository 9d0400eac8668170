import { figureLabel } from "../domain/anonymity.ts";
import type { Person, Workstream } from "../domain/entities.ts";
import {
  LEARN_QUESTION,
  type Organiser,
  PARTS,
  REVIEW_QUESTIONS,
  type Review,
  type ReviewPart,
  SCALE,
} from "../domain/review.ts";
import { type Headline, headlineRate, type ReviewSummary } from "../domain/review-summary.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
import { sparkline } from "../domain/sparkline.ts";
import { TEXT_LIMITS } from "../domain/text.ts";
import { formatDay, formatWhen } from "../domain/time.ts";
import type { Block, Form, FormField, Message } from "../messages/message.ts";

/** The button and form names the review's messages carry (handled in commands/actions.ts). */
export const REVIEW_ACTIONS = { open: "review.open", send: "review.sent" } as const;

/** The review's name in messages: "the review" or "the final evaluation". */
export function reviewName(review: Review): string {
  return review.kind === "final" ? "the final evaluation" : "the review";
}

/** Who sees what, worded for the reader: an organiser's own answers reach nobody but as totals. */
function whoSees(organiser: Organiser | null): string {
  switch (organiser) {
    case "chair":
      return "Your answers as chair are never shown by name, and not in the summary you get: the coordinators see them mixed in with everyone else's, as totals and comments without names.";
    case "coordinator":
      return "Your answers as coordinator are never shown by name, and not in the totals you get: the chair sees them mixed in with everyone else's, without your name.";
    default:
      return "Your answers are anonymous unless you choose to share your name. The chair and the coordinators see totals, and comments without names.";
  }
}

/** The private message that asks someone for the review, with the one button that opens it. */
export function reviewInvitation(
  workstream: Workstream,
  review: Review,
  person: Person,
  organiser: Organiser | null,
): Message {
  const zone = workstream.settings.timezone;
  const text =
    review.kind === "final"
      ? rich`Hi ${person.name} — ${em(workstream.name)} has now closed. Thank you for all you put into it. Would you tell us how it went? Seven short questions, about three minutes.`
      : rich`Hi ${person.name} — time for ${em(workstream.name)}'s review: how the work is going, and how we work together. Six short questions, about two minutes.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      { kind: "text", text: whoSees(organiser) },
      {
        kind: "buttons",
        buttons: [
          {
            action: REVIEW_ACTIONS.open,
            label: review.kind === "final" ? "Answer the evaluation" : "Answer the review",
            value: String(review.id),
            style: "primary",
          },
        ],
      },
      { kind: "note", text: `It is open until ${formatWhen(review.closesAt, zone)}.` },
    ],
  };
}

/** The one reminder, to someone who has not answered yet. */
export function reviewReminder(workstream: Workstream, review: Review, person: Person): Message {
  const text = rich`A gentle reminder about ${reviewName(review)} for ${em(workstream.name)}, ${person.name}, if you have a minute. It closes on ${formatDay(review.closesAt, workstream.settings.timezone)}.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      {
        kind: "buttons",
        buttons: [
          {
            action: REVIEW_ACTIONS.open,
            label: review.kind === "final" ? "Answer the evaluation" : "Answer the review",
            value: String(review.id),
          },
        ],
      },
    ],
  };
}

/** The review as one form: the task's questions, then the process's, each part with a comment. */
export function reviewForm(review: Review, organiser: Organiser | null): Form {
  const scale = SCALE.map((s) => ({ value: s.value, label: s.label }));
  const fields: FormField[] = [];
  for (const part of PARTS) {
    for (const q of REVIEW_QUESTIONS.filter((x) => x.part === part.part))
      fields.push({ kind: "choice", id: q.id, label: `${part.label}: ${q.text}`, options: scale });
    fields.push({
      kind: "text",
      id: part.comment,
      label: `${part.label}: anything you would like to add?`,
      multiline: true,
      optional: true,
      maxLength: TEXT_LIMITS.comment,
    });
  }
  if (review.kind === "final")
    fields.push({
      kind: "text",
      id: "learnComment",
      label: LEARN_QUESTION,
      multiline: true,
      optional: true,
      maxLength: TEXT_LIMITS.comment,
    });
  if (organiser === null)
    fields.push({
      kind: "choice",
      id: "anonymous",
      label: "Answer anonymously? (yes, unless you choose otherwise)",
      options: [
        { value: "yes", label: "Yes, answer anonymously" },
        { value: "no", label: "No, share my name with the chair" },
      ],
      optional: true,
    });
  return {
    action: REVIEW_ACTIONS.send,
    title: review.kind === "final" ? "Final evaluation" : "Review",
    intro: `1 means not at all, 5 means fully. ${whoSees(organiser)}`,
    submitLabel: "Send my answers",
    context: String(review.id),
    fields,
  };
}

/** What replaces the invitation once they have answered. */
export function reviewThanks(person: Person, anonymous: boolean): Message {
  return {
    text: `Thank you, ${person.name}. Your answers are in.`,
    blocks: [
      { kind: "text", text: `Thank you, ${person.name}. Your answers are in.` },
      {
        kind: "note",
        text: anonymous
          ? "They are kept without your name: nobody can tell which answers were yours."
          : "The chair will see them with your name, once the review closes.",
      },
    ],
  };
}

export function reviewClosedMessage(): Message {
  const text = "This review has closed, so it can't take answers any more. Thank you all the same.";
  return { text, blocks: [{ kind: "text", text }] };
}

/** "9 of 12 answers were 4 or 5 (75%)". */
export function headlineWords(h: Headline | undefined): string {
  if (!h || h.all === 0) return "too few answers to show yet";
  return `${h.high} of ${h.all} answers were 4 or 5 out of 5 (${Math.round((100 * h.high) / h.all)}%)`;
}

/** One review's figures, as shown in `/review summary` and sent when it closes. */
export function reviewBlocks(workstream: Workstream, review: Review, summary: ReviewSummary): Block[] {
  const zone = workstream.settings.timezone;
  const when = formatDay(review.openedAt, zone);
  if (summary.open)
    return [
      {
        kind: "text",
        text: `${capital(reviewName(review))} sent on ${when} is open until ${formatWhen(review.closesAt, zone)}: ${summary.answered} of ${summary.invited} have answered. The answers are shown once it closes.`,
      },
    ];
  const blocks: Block[] = [
    {
      kind: "text",
      text: `${capital(reviewName(review))} sent on ${when}: ${summary.answered} of ${summary.invited} answered.`,
    },
  ];
  for (const { part, label } of PARTS) {
    const figures = summary.parts[part];
    if (!figures) continue;
    const items: Text[] = [`Overall: ${headlineWords(figures.headline)}.`];
    for (const q of REVIEW_QUESTIONS.filter((x) => x.part === part)) {
      const mean = figures.means[q.id];
      if (mean !== undefined) items.push(`${q.text} Average ${mean.toFixed(1)} out of 5.`);
    }
    for (const g of figures.byGroup)
      items.push(`${capital(figureLabel(g.label))}: ${headlineWords(g.headline)}.`);
    if (figures.heldBack > 0)
      items.push(
        `${figures.heldBack} ${figures.heldBack === 1 ? "answer is" : "answers are"} not shown yet, so that no one can tell who gave them.`,
      );
    blocks.push({ kind: "heading", text: label }, { kind: "list", items });
    if (figures.comments.length > 0)
      blocks.push(
        { kind: "text", text: "What people added:" },
        {
          kind: "list",
          items: figures.comments.map((c) => (c.name ? rich`${c.name}: "${c.text}"` : rich`"${c.text}"`)),
        },
      );
  }
  if (summary.learn.length > 0)
    blocks.push(
      { kind: "heading", text: LEARN_QUESTION },
      {
        kind: "list",
        items: summary.learn.map((c) => (c.name ? rich`${c.name}: "${c.text}"` : rich`"${c.text}"`)),
      },
    );
  return blocks;
}

/** Trend lines across closed reviews, oldest first: one per part. */
export function trendBlocks(
  workstream: Workstream,
  points: Array<{ review: Review; parts: Partial<Record<ReviewPart, Headline>> }>,
): Block[] {
  if (points.length < 2) return [];
  const zone = workstream.settings.timezone;
  const items: Text[] = PARTS.map(({ part, label }) => {
    const rates = points.map((p) => headlineRate(p.parts[part]));
    const words = points
      .map((p) => {
        const r = headlineRate(p.parts[part]);
        return `${formatDay(p.review.openedAt, zone)}: ${r === undefined ? "not shown" : `${Math.round(100 * r)}%`}`;
      })
      .join("; ");
    return `${label}: ${sparkline(rates)} — ${words}.`;
  });
  return [
    { kind: "heading", text: "Over time" },
    { kind: "text", text: "Answers of 4 or 5 out of 5 in each closed review, oldest first:" },
    { kind: "list", items },
    {
      kind: "note",
      text: rich`▁ is nobody and █ is everyone. Type ${code("/review summary")} again any time.`,
    },
  ];
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
