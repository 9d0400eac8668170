import type { Button, Message } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import type { ChannelPerson, ChatGateway } from "../../src/ports/chat-gateway.ts";
import { handlesIn } from "./console-mentions.ts";

/**
 * Console addresses: a person is `console:@sam`, a channel `console:#medication-safety`.
 * Messages are printed, labelled by who would see them; the last buttons each person was sent
 * are kept so `/press` can click them. Each arrival is stamped with the console clock's time.
 */
export function createConsoleGateway(
  print: (line: string) => void,
  roster: () => ChannelPerson[],
  /** When a message arrives, as the console clock tells it (e.g. "Tue 8 Dec 09:00"). */
  stamp: () => string = () => "",
) {
  const buttons = new Map<string, Button[]>();
  /** Keeps the buttons of the message a person now sees, so `/press` clicks what is on screen. */
  const remember = (address: string, message: Message) => {
    buttons.set(
      address,
      message.blocks.flatMap((b) => (b.kind === "buttons" ? b.buttons : [])),
    );
  };
  const gateway: ChatGateway = {
    platform: "console",
    async send(address, message) {
      const where = address.slice("console:".length);
      const label = where.startsWith("#") ? where : `DM to ${where}`;
      // The clock moves in jumps, so each arrival says when it happened.
      const at = stamp();
      print(frame(at ? `${label} [${at}]` : label, message));
      if (!where.startsWith("#") && message.blocks.some((b) => b.kind === "buttons"))
        remember(address, message);
      // The console has no message ids: its address stands in as the reference.
      return address;
    },
    // The console cannot change what it printed: it prints the new version, marked as such.
    async update(address, _ref, message) {
      const where = address.slice("console:".length);
      const label = where.startsWith("#") ? where : `DM to ${where}`;
      const at = stamp();
      print(frame(`${label}, updated${at ? ` [${at}]` : ""}`, message));
      if (!where.startsWith("#") && message.blocks.some((b) => b.kind === "buttons"))
        remember(address, message);
    },
    listChannelMembers: async () => roster(),
  };
  return { gateway, remember, buttonsFor: (address: string) => buttons.get(address) ?? [] };
}

/** A message in a labelled box, so who sees what is obvious at a glance; people as `@sam`. */
export function frame(label: string, message: Message): string {
  const body = handlesIn(renderPlainText(message))
    .split("\n")
    .map((l) => `│ ${l}`)
    .join("\n");
  return `┌─ ${label}\n${body}\n└─`;
}
