/**
 * Neutral text: what the core means by emphasis, code, a link or a mention, as data. Each
 * renderer writes its platform's markup (Slack mrkdwn, Adaptive Card markdown, plain text), so
 * the core never writes `*bold*` or backticks itself, and no renderer has to guess at them.
 *
 *     rich`${em(meeting.title)} is booked. Type ${code("/help")} to see what else I can do.`
 *
 * A plain string is Text too, and always means plain words: a `*` in it (say, in a title
 * someone typed) is shown as a `*`, never read as markup.
 *
 * This file imports nothing, so anything in the core may use it (a refusal is text too).
 */

/** One run of text: plain words, or words that mean something more. */
export type Span =
  | string
  | { readonly em: string }
  | { readonly code: string }
  | { readonly link: string; readonly label?: string }
  | { readonly mention: string; readonly name: string };

/** Text for people: plain words, or a run of spans. */
export type Text = string | readonly Span[];

/** Words to stress (a meeting's title, a number that matters). */
export function em(words: string): Span {
  return { em: words };
}

/** Something to type exactly as shown: a command, an id in a command, a setting's value. */
export function code(words: string): Span {
  return { code: words };
}

/** A link, shown as its label where the platform allows, or as the address itself. */
export function link(url: string, label?: string): Span {
  return label === undefined ? { link: url } : { link: url, label };
}

/** A person, by the key the platform knows them by and the name to show where it can't ping. */
export function mention(key: string, name: string): Span {
  return { mention: key, name };
}

/** What may go inside `rich`…``: plain words, a span, other text, or a number. */
export type TextPart = Text | Span | number;

/**
 * Builds rich text from a template: interpolated strings and numbers are plain words, spans and
 * other text keep their meaning. Plain all through, it is simply a string.
 */
export function rich(strings: TemplateStringsArray, ...parts: TextPart[]): Text {
  const spans: Span[] = [];
  strings.forEach((words, i) => {
    spans.push(words);
    if (i < parts.length) spans.push(...spansOf(parts[i] as TextPart));
  });
  return tidy(spans);
}

/** Text one after another, like `[a, b].join(separator)` (the separator may be text too). */
export function joinText(parts: readonly TextPart[], separator: TextPart = ""): Text {
  const spans: Span[] = [];
  parts.forEach((part, i) => {
    if (i > 0) spans.push(...spansOf(separator));
    spans.push(...spansOf(part));
  });
  return tidy(spans);
}

/** The spans of some text, in order (a plain string is one span). */
export function spansOf(part: TextPart): readonly Span[] {
  if (typeof part === "number") return [String(part)];
  if (typeof part === "string") return [part];
  if (Array.isArray(part)) return part as readonly Span[];
  return [part as Span];
}

/** How one platform writes each kind of span. Each function escapes what it is given. */
export interface Marks {
  plain(words: string): string;
  em(words: string): string;
  code(words: string): string;
  link(url: string, label: string | undefined): string;
  mention(key: string, name: string): string;
}

/** Writes text in one platform's markup. */
export function renderText(content: Text, marks: Marks): string {
  return spansOf(content)
    .map((span) => {
      if (typeof span === "string") return marks.plain(span);
      if ("em" in span) return marks.em(span.em);
      if ("code" in span) return marks.code(span.code);
      if ("link" in span) return marks.link(span.link, span.label);
      return marks.mention(span.mention, span.name);
    })
    .join("");
}

/**
 * Plain text as the console, logs and every fallback show it: emphasis between stars and code
 * between backticks, which read sensibly on any screen (and are what people type themselves).
 */
export const PLAIN_MARKS: Marks = {
  plain: (words) => words,
  em: (words) => `*${words}*`,
  code: (words) => `\`${words}\``,
  link: (url, label) => (label === undefined ? url : `${label} (${url})`),
  mention: (_key, name) => name,
};

/** Text written with PLAIN_MARKS. */
export function plainText(content: Text): string {
  return renderText(content, PLAIN_MARKS);
}

/**
 * For a line that shows no markup (a notification, a chat list): emphasis without its stars;
 * code keeps its backticks, which still read as "type this".
 */
export const BARE_MARKS: Marks = {
  ...PLAIN_MARKS,
  em: (words) => words,
};

/** Merges neighbouring plain words and drops empty ones; all plain becomes one string. */
function tidy(spans: readonly Span[]): Text {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (typeof span === "string") {
      if (span === "") continue;
      if (typeof last === "string") out[out.length - 1] = last + span;
      else out.push(span);
    } else out.push(span);
  }
  if (out.length === 0) return "";
  if (out.length === 1 && typeof out[0] === "string") return out[0];
  return out;
}
