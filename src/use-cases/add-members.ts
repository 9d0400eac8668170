import type { Person } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import type { Mention } from "../domain/mention.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Group, groupLabel } from "../domain/roles.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import { platformOf } from "../ports/chat-gateway.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { askNewMemberAboutGroundRules } from "./ask-ground-rules.ts";
import { nameList, personFor } from "./people.ts";
import { welcomeMessage } from "./welcome-message.ts";

/** `/workstream add <@people…> [as <group>]`. People already in it keep their role. */
export function addMembers(
  core: Core,
  ctx: WorkstreamContext,
  mentions: Mention[],
  group: Group | undefined,
): Message {
  const added = core.store.transaction(() =>
    mentions.map((m) => personFor(core, m)).filter((p) => join(core, ctx, p, group)),
  );
  return summary(ctx, added, mentions.length, group);
}

/** `/workstream sync`: everyone in the channel becomes a member (as `other` until they say). */
export async function syncMembers(core: Core, ctx: WorkstreamContext): Promise<Message> {
  const gateway = core.gateways.get(platformOf(ctx.workstream.channel));
  if (!gateway?.listChannelMembers) {
    refuse(
      "workstream.sync-unsupported",
      rich`I can't list this channel's members here. Add people by name instead, for example ${code("/workstream add @sam @kim")}.`,
    );
  }
  const people = await gateway.listChannelMembers(ctx.workstream.channel);
  const added = core.store.transaction(() =>
    people.map((p) => core.store.people.upsert(p)).filter((p) => join(core, ctx, p, undefined)),
  );
  return summary(ctx, added, people.length, undefined);
}

function join(core: Core, ctx: WorkstreamContext, person: Person, group: Group | undefined): boolean {
  const { workstream } = ctx;
  const existing = core.store.members.get(workstream.id, person.id);
  if (existing) {
    if (group && group !== existing.group) core.store.members.setGroup(workstream.id, person.id, group);
    return false;
  }
  const now = core.clock.now();
  core.store.members.add({
    workstreamId: workstream.id,
    personId: person.id,
    role: "member",
    group: group ?? "other",
    now,
  });
  queueDirectMessage(core, workstream, person, welcomeMessage(core, workstream, person, ctx.actor.name), {
    key: `welcome:${workstream.id}:${person.id}:${now.getTime()}`,
  });
  askNewMemberAboutGroundRules(core, workstream, person);
  return true;
}

function summary(ctx: WorkstreamContext, added: Person[], asked: number, group: Group | undefined): Message {
  if (added.length === 0) {
    return message(
      asked === 0 ? "There was nobody new to add." : "Everyone you named is already in this workstream.",
    );
  }
  const as = group ? `, in the ${groupLabel(group)} group` : "";
  return message(
    rich`Added ${nameList(added.map((p) => p.name))} to ${em(ctx.workstream.name)}${as}. I've sent each of them a welcome message.`,
    ...(group
      ? []
      : [
          {
            kind: "note" as const,
            text: rich`Set someone's group with ${code("/workstream group @sam carer")}; they can also set their own.`,
          },
        ]),
  );
}
