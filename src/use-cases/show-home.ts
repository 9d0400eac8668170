import type { Person } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatWhen } from "../domain/time.ts";
import type { Block, Message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import { chairsOf } from "./people.ts";

/**
 * A person's home view (Slack App Home): their next meetings in every workstream, and for
 * chairs and coordinators each of their workstreams at a glance.
 */
export function showHome(core: Core, person: Person): Message {
  const now = core.clock.now();
  const workstreams = core.store.members.workstreamsOf(person.id);
  if (workstreams.length === 0) {
    const text = `Hi ${person.name}. You're not in a workstream yet. When a chair or coordinator adds you, your meetings will show here.`;
    return { text, blocks: [{ kind: "text", text }] };
  }
  const blocks: Block[] = [{ kind: "heading", text: `Hi ${person.name}` }];
  for (const workstream of workstreams) {
    const zone = workstream.settings.timezone;
    const member = core.store.members.get(workstream.id, person.id);
    const meetings = core.store.meetings.upcoming(workstream.id, now).slice(0, 3);
    blocks.push({ kind: "heading", text: workstream.name });
    blocks.push(
      meetings.length > 0
        ? {
            kind: "list",
            items: meetings.map(
              (m) =>
                rich`${formatId("meeting", m.seq)} ${em(m.title)} — ${formatWhen(m.startsAt, zone, now)}`,
            ),
          }
        : { kind: "text", text: "No meetings booked yet." },
    );
    if (member && member.role !== "member") {
      const members = core.store.members.list(workstream.id);
      blocks.push({
        kind: "fields",
        fields: [
          { label: "Your role", value: member.role },
          { label: "Members", value: String(members.length) },
          { label: "Chairs", value: String(chairsOf(members).length) },
        ],
      });
    }
  }
  blocks.push({
    kind: "note",
    text: rich`Type ${code("/help")} in a workstream channel to see what you can do.`,
  });
  return { text: `Your meetings and workstreams, ${person.name}.`, blocks };
}
