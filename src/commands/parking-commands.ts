import { refuse } from "../domain/errors.ts";
import { parseId } from "../domain/ids.ts";
import { code, rich } from "../domain/rich-text.ts";
import { readText } from "../domain/text.ts";
import { dropParked } from "../use-cases/drop-parked.ts";
import { listParked } from "../use-cases/list-parked.ts";
import { type ParkInput, parkItem } from "../use-cases/park-item.ts";
import type { CloseParkedInput } from "../use-cases/parked-record.ts";
import { resolveParked } from "../use-cases/resolve-parked.ts";
import { revisitParked } from "../use-cases/revisit-parked.ts";
import { quoteHint, readDay, readOnePerson, splitClauses } from "./clauses.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, type ParseContext, usageError } from "./spec.ts";

const DAY_EXAMPLE = rich`${code("revisit 2027-01-12")} or ${code("revisit next month")}`;

const park: CommandSpec<ParkInput> = {
  verb: "park",
  sub: "",
  usage: "/park <issue> [revisit <when>] [owner <@person>] · /park <D-n> …",
  example: "/park Transport costs for carers revisit 2027-01-12 owner @sam",
  summary: "park an issue, or a recorded dissent, to come back to later",
  who: "organisers",
  refusal: rich`Only the chair or coordinator can park an issue. You can record your own view with ${code("/dissent your view")}.`,
  needsWorkstream: true,
  parse: (args, at) => readPark(args, at),
  run: (core, ctx, input) => parkItem(core, inWorkstream(ctx), input),
};

/**
 * Reads `<title> [revisit <when>] [owner <@person>]` (the clauses in either order, or a title in
 * quotes): a `revisit` must be followed by a whole date and an `owner` by one mention, or the
 * command is refused with what could not be read; neither is ever folded into the title.
 */
function readPark(args: string, at: ParseContext): ParkInput {
  if (!args.trim()) usageError(park, "Please say what the issue is.");
  const { head, quoted, values } = splitClauses(args, ["revisit", "owner"]);
  const first = head[0];
  const dissentId = !quoted && first && parseId("dissent", first) !== undefined ? first : undefined;
  const title = readText("title", (dissentId ? head.slice(1) : head).join(" "));
  if (!title && !dissentId)
    refuse("park.title", rich`Please say what the issue is. For example: ${code(park.example)}.`);
  const revisit = values.get("revisit");
  if (revisit?.length === 0)
    refuse("park.revisit", rich`Please say when to revisit it. For example: ${code(park.example)}.`);
  const owner = values.get("owner");
  return {
    ...(dissentId ? { dissentId } : {}),
    title,
    ...(revisit ? { revisitOn: readDay(revisit.join(" "), at, DAY_EXAMPLE, quoteHint("revisit")) } : {}),
    ...(owner ? { owner: readOnePerson(owner, at, "park.owner", "owner @sam", quoteHint("owner")) } : {}),
  };
}

const list: CommandSpec = {
  verb: "parked",
  sub: "",
  usage: "/parked",
  example: "/parked",
  summary: "the parking lot: open items with their owner and revisit date",
  who: "members",
  needsWorkstream: true,
  readOnly: () => true,
  parse(args) {
    if (args.trim())
      usageError(
        list,
        rich`${code("/parked")} on its own lists the open items; to change one, say resolve, drop or revisit.`,
      );
  },
  run: (core, ctx) => listParked(core, inWorkstream(ctx)),
};

/** `<P-n> <words>`: the id as one word, and the rest cleaned and within its limit. */
function idThen(args: string, kind: "outcome" | "reason"): CloseParkedInput {
  const text = args.trim();
  const parkedId = /^\S*/.exec(text)?.[0] ?? "";
  return { parkedId, outcome: readText(kind, text.slice(parkedId.length)) };
}

const resolve: CommandSpec<CloseParkedInput> = {
  verb: "parked",
  sub: "resolve",
  usage: "/parked resolve <P-n> <outcome>",
  example: "/parked resolve P-4 Agreed to trial the new rota for three months",
  summary: "mark a parked item resolved, with the outcome",
  who: "organisers",
  needsWorkstream: true,
  parse: (args) => idThen(args, "outcome"),
  run: (core, ctx, input) => resolveParked(core, inWorkstream(ctx), input),
};

const drop: CommandSpec<CloseParkedInput> = {
  verb: "parked",
  sub: "drop",
  usage: "/parked drop <P-n> <reason>",
  example: "/parked drop P-4 No longer needed after the service change",
  summary: "drop a parked item, with the reason",
  who: "organisers",
  needsWorkstream: true,
  parse: (args) => idThen(args, "reason"),
  run: (core, ctx, input) => dropParked(core, inWorkstream(ctx), input),
};

const revisit: CommandSpec<{ parkedId: string; revisitOn: Date }> = {
  verb: "parked",
  sub: "revisit",
  usage: "/parked revisit <P-n> <when>",
  example: "/parked revisit P-4 2027-02-09",
  summary: "set a new day to come back to a parked item",
  who: "organisers",
  needsWorkstream: true,
  parse(args, at) {
    const [parkedId = "", ...when] = words(args);
    if (when.length === 0) {
      usageError(revisit, parkedId ? "Please say when to come back to it." : "Please name the parked item.");
    }
    return {
      parkedId,
      revisitOn: readDay(when.join(" "), at, rich`${code(revisit.example)} or ${code("next month")}`),
    };
  },
  run: (core, ctx, input) => revisitParked(core, inWorkstream(ctx), input),
};

export const parkingCommands: CommandSpec[] = [park, list, resolve, drop, revisit];
