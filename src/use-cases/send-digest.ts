import { refuse } from "../domain/errors.ts";
import { em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { buildDigest } from "./build-digest.ts";

/**
 * `/digest now` (coordinator): the digest, sent to them at once as a direct message. They
 * asked for it, so quiet hours do not hold it.
 */
export function sendDigestNow(core: Core, ctx: WorkstreamContext): Message {
  const { workstream, member } = ctx;
  if (!member) refuse("member.not-member", "Only a coordinator of this workstream can ask for its digest.");
  const now = core.clock.now();
  const digest = buildDigest(core, workstream, member, now);
  if (!digest) {
    return message(rich`Nothing in ${em(workstream.name)} needs your attention right now, ${member.name}.`);
  }
  core.store.outbox.enqueue(
    {
      key: `digest-now:${workstream.id}:${member.id}:${now.getTime()}`,
      address: member.dm,
      message: digest,
      notBefore: now,
      personId: member.id,
      workstreamId: workstream.id,
      audience: "coordinator",
    },
    now,
  );
  core.log.info({ workstream: workstream.id, person: member.id }, "digest sent on request");
  return message(rich`I've sent you the digest for ${em(workstream.name)} in a direct message.`);
}
