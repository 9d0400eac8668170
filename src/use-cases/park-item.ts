import { type Mention, readMention, words } from "../commands/mentions.ts";
import { refuse } from "../domain/errors.ts";
import { formatId, parseId } from "../domain/ids.ts";
import { startOfDayIn } from "../domain/parked-item.ts";
import { formatDay, parseWhen, parseWhenPrefix } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "./core.ts";
import { findDissent, nameOf } from "./dissent-record.ts";
import { postParked } from "./parked-record.ts";

const EXAMPLE = "/park Transport costs for carers revisit 2027-01-12 owner @sam";

/** What `/park` was asked: the words of the title, and any revisit and owner clauses. */
interface ParkRequest {
  title: string[];
  revisitText?: string;
  owner?: Mention;
}

/**
 * Reads `<title> [revisit <when>] [owner <@person>]`, the clauses in either order after the
 * title. "revisit" followed by words that are not a date stays part of the title ("whether to
 * revisit the budget"); a half-readable date is refused rather than guessed.
 */
export function readParkRequest(args: string, platform: string, zone: string, now: Date): ParkRequest {
  let list = words(args);
  let owner: Mention | undefined;
  for (let i = list.length - 2; i >= 1; i--) {
    const mention = list[i]?.toLowerCase() === "owner" ? readMention(list[i + 1] ?? "", platform) : undefined;
    if (mention) {
      owner = mention;
      list = [...list.slice(0, i), ...list.slice(i + 2)];
      break;
    }
  }
  for (let i = list.length - 1; i >= 1; i--) {
    if (list[i]?.toLowerCase() !== "revisit") continue;
    const text = list.slice(i + 1).join(" ");
    if (!text) refuse("park.revisit", `Please say when to revisit it. For example: \`${EXAMPLE}\`.`);
    const parsed = parseWhenPrefix(text, zone, now);
    if (!parsed) break;
    parseWhen(text, zone, now, "`revisit 2027-01-12` or `revisit next month`");
    return { title: list.slice(0, i), revisitText: text, ...(owner ? { owner } : {}) };
  }
  return { title: list, ...(owner ? { owner } : {}) };
}

/**
 * `/park <issue> [revisit <when>] [owner <@person>]` or `/park <D-n> …`: sets an issue aside so
 * the discussion can move on, with an owner and a date to come back to it.
 */
export function parkItem(core: Core, ctx: WorkstreamContext, args: string): Message {
  const { workstream, actor } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const request = readParkRequest(args, ctx.platform, zone, now);
  const dissentSeq = parseId("dissent", request.title[0]);
  const dissent =
    dissentSeq === undefined
      ? undefined
      : findDissent(core, ctx, request.title[0], "/park D-3 revisit next month");
  if (dissent?.status === "withdrawn")
    refuse(
      "park.withdrawn",
      `${formatId("dissent", dissent.seq)} was withdrawn by ${nameOf(core, dissent.memberId)}, so there is nothing to park.`,
    );
  const already = dissent && core.store.parking.openFromDissent(dissent.id);
  if (already)
    refuse(
      "park.already",
      `${formatId("dissent", dissent.seq)} is already parked as ${formatId("parked", already.seq)}.`,
    );
  const title = (dissent ? request.title.slice(1) : request.title).join(" ").trim() || dissent?.view || "";
  if (!title) refuse("park.title", `Please say what the issue is. For example: \`${EXAMPLE}\`.`);

  let revisitOn: Date | null = null;
  if (request.revisitText) {
    revisitOn = startOfDayIn(parseWhen(request.revisitText, zone, now, "`revisit 2027-01-12`"), zone);
    if (revisitOn.getTime() < startOfDayIn(now, zone).getTime())
      refuse(
        "park.past",
        `${formatDay(revisitOn, zone)} has already passed. Please choose a day from today on.`,
      );
  }
  // Looked up, not created: a refused command must not write anyone into the database.
  const owner = request.owner ? core.store.people.byKey(request.owner.key) : actor;
  if (!owner || !core.store.members.get(workstream.id, owner.id))
    refuse(
      "park.owner",
      `${owner?.name ?? request.owner?.name} isn't a member of *${workstream.name}*, so they can't own a parked item here.`,
    );

  const item = core.store.transaction(() => {
    const created = core.store.parking.create({
      workstreamId: workstream.id,
      title,
      raisedBy: dissent ? dissent.memberId : actor.id,
      parkedBy: actor.id,
      ownerId: owner.id,
      revisitOn,
      fromDissentId: dissent?.id ?? null,
      now,
    });
    const from = dissent ? ` (from ${formatId("dissent", dissent.seq)})` : "";
    const when = revisitOn
      ? `to come back to on or after ${formatDay(revisitOn, zone)}`
      : "with no revisit date yet";
    postParked(
      core,
      workstream,
      `parked:${created.id}:parked`,
      `${actor.name} parked *${title}*${from} as ${formatId("parked", created.seq)}, ${when}. Owner: ${owner.name}.`,
    );
    return created;
  });
  core.wake();
  core.log.info({ workstream: workstream.id, parked: item.id }, "item parked");
  const id = formatId("parked", item.seq);
  return message(
    `${id} is parked: *${title}*. Owner: ${owner.name}.`,
    revisitOn
      ? {
          kind: "text",
          text: `Revisit: ${formatDay(revisitOn, zone)}. I'll remind the chairs to put it on the agenda of the first meeting on or after that day.`,
        }
      : {
          kind: "text",
          text: `There is no revisit date yet. To add one: \`/parked revisit ${id} next month\`.`,
        },
    { kind: "note", text: `When it is settled: \`/parked resolve ${id} what was decided\`.` },
  );
}
