import type { Person } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { FORMAT_WORDS, PAPER_FORMATS, type PaperFormat } from "../domain/papers.ts";
import { cleanText } from "../domain/text.ts";
import { formatWhen } from "../domain/time.ts";
import type { Form } from "../messages/message.ts";
import { message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { papersMeetingFor } from "./papers-action-meeting.ts";
import { nameList } from "./people.ts";
import { createSupportRequest } from "./request-support.ts";

const MAX_DETAILS = 1000;

/** The form's action; its context is the meeting's id. */
export const FORMAT_SENT = "papers.format-sent";

/** "Another format, please": a choice of format and room to say more. */
export function askOtherFormat(core: Core, actor: Person, value: string): ActionResult {
  const { meeting } = papersMeetingFor(core, actor, value);
  const form: Form = {
    action: FORMAT_SENT,
    title: "Another format",
    intro: `How would you like the papers for ${meeting.title}? Only the coordinators will see this, and they will get in touch.`,
    submitLabel: "Ask for it",
    context: String(meeting.id),
    fields: [
      {
        kind: "choice",
        id: "format",
        label: "Which format?",
        options: PAPER_FORMATS.map((f) => ({ value: f, label: FORMAT_WORDS[f].label })),
      },
      {
        kind: "text",
        id: "details",
        label: "Anything else we should know? (for example, where to post them)",
        multiline: true,
        optional: true,
        maxLength: MAX_DETAILS,
      },
    ],
  };
  return { kind: "form", form };
}

/**
 * The format form was sent: recorded as a support request (source "papers"), which goes to the
 * coordinators at once. Support requests are for coordinators only, never the chairs (§6).
 */
export function sendFormatRequest(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const { meeting, workstream } = papersMeetingFor(core, actor, value);
  const format = fields.format as PaperFormat | undefined;
  if (!format || !PAPER_FORMATS.includes(format))
    refuse("papers.format-choice", "Please choose a format, then press Ask for it.");
  const details = cleanText(fields.details ?? "");
  if (details.length > MAX_DETAILS)
    refuse("papers.format-long", `Please keep the details under ${MAX_DETAILS} characters.`);
  const now = core.clock.now();
  const when = formatWhen(meeting.startsAt, workstream.settings.timezone, now);
  // The support request is what coordinators track to done (S-n, /support done, the digest);
  // the format row keeps which meeting and format it was, for anyone preparing the papers.
  const need = `The papers for ${formatId("meeting", meeting.seq)} (${meeting.title}, ${when}) ${FORMAT_WORDS[format].phrase}${details ? `. ${details}` : "."}`;
  const { request, coordinators } = core.store.transaction(() => {
    const support = createSupportRequest(core, workstream, actor, {
      kind: "accessibility",
      need,
      source: "papers",
    });
    const row = core.store.papers.addFormatRequest({
      workstreamId: workstream.id,
      meetingId: meeting.id,
      personId: actor.id,
      format,
      details: details || null,
      supportRequestId: support.request.id,
      now,
    });
    core.log.info(
      { meeting: meeting.id, request: row.id, support: support.request.id },
      "another format requested",
    );
    return support;
  });
  const who =
    coordinators.length === 0
      ? "the coordinator"
      : `${nameList(coordinators)} (the coordinator${coordinators.length > 1 ? "s" : ""})`;
  return {
    kind: "reply",
    message: message(
      `Thanks, ${actor.name} — I've asked ${who} to get the papers to you ${FORMAT_WORDS[format].phrase}. Only the coordinators will see this request.${coordinatorId(core, workstream.id, actor.id, request.seq)}`,
    ),
  };
}

/** " It's S-3." for a coordinator, who can mark it done; nobody else can use the id. */
function coordinatorId(core: Core, workstreamId: number, personId: number, seq: number): string {
  const role = core.store.members.get(workstreamId, personId)?.role;
  return role === "coordinator" ? ` It's ${formatId("support", seq)}.` : "";
}
