import type { Member, Person } from "../domain/entities.ts";
import type { Mention } from "../domain/mention.ts";
import { em, joinText, rich, type Text } from "../domain/rich-text.ts";
import type { Core } from "../ports/core.ts";

/** The person behind a mention, created if the bot has not met them yet. */
export function personFor(core: Core, mention: Mention): Person {
  const known = core.store.people.byKey(mention.key);
  // A bare `<@U123>` carries no real name: keep the one we already know.
  const name = known && !mention.named ? known.name : mention.name;
  return core.store.people.upsert({ key: mention.key, name, dm: known?.dm ?? mention.key });
}

/** Names joined for a sentence: "Sam", "Sam and Kim", "Sam, Kim and Lee". */
export function nameList(names: string[]): string;
export function nameList(names: Text[]): Text;
export function nameList(names: Text[]): Text {
  if (names.length <= 1) return names[0] ?? "";
  return rich`${joinText(names.slice(0, -1), ", ")} and ${names.at(-1) ?? ""}`;
}

/** "Service users" for the start of a line. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function chairsOf(members: Member[]): Member[] {
  return members.filter((m) => m.role === "chair");
}

export function coordinatorsOf(members: Member[]): Member[] {
  return members.filter((m) => m.role === "coordinator");
}

/**
 * "*Medication safety* has no member called Sam": the name goes last, so a name such as
 * "Nobody" still reads as it should.
 */
export function noMemberCalled(workstreamName: string, name: string | undefined): Text {
  return name
    ? rich`${em(workstreamName)} has no member called ${name}`
    : rich`The person you named isn't in ${em(workstreamName)}`;
}
