import type { Activity, Mention } from "botbuilder";

const ENTITIES: Record<string, string> = {
  "&nbsp;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};

/**
 * The command a Teams message carries, in the core's words: the bot's own @mention removed,
 * every other `<at>Name</at>` rewritten as `<@29:id|Name>` (the core's mention form, so the
 * person's key becomes `teams:29:id`), and the little HTML Teams wraps text in taken off.
 */
export function commandText(activity: Partial<Activity>): string {
  let text = activity.text ?? "";
  const botId = activity.recipient?.id;
  const mentions = (activity.entities ?? []).filter(
    (e): e is Mention & { type: string } => e.type?.toLowerCase() === "mention",
  );
  const kept: string[] = [];
  let botMentionRemoved = false;
  for (const mention of mentions) {
    const at = mention.text;
    const who = mention.mentioned;
    if (!at || !who?.id || !text.includes(at)) continue;
    if (who.id === botId) {
      // Only the first: "@bot workstream add @bot" would be odd, but must not lose its words.
      if (!botMentionRemoved) text = text.replace(at, " ");
      botMentionRemoved = true;
      continue;
    }
    const name = (who.name || at.replace(/<\/?at>/g, "")).replace(/[|<>]/g, "").trim();
    kept.push(`<@${who.id}|${name}>`);
    // Placeholders survive the HTML clean-up below; the mentions go back in afterwards.
    text = text.split(at).join(` \uE000${kept.length - 1}\uE000 `);
  }
  text = text
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&[a-z#0-9]+;/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? entity);
  text = text.replace(/\uE000(\d+)\uE000/g, (_, i: string) => kept[Number(i)] ?? "");
  return text.replace(/\s+/g, " ").trim();
}
