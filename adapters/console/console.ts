import { createInterface } from "node:readline";
import { DateTime } from "luxon";
import type { Bot } from "../../src/bot.ts";
import { UserFacingError } from "../../src/domain/errors.ts";
import { code, rich } from "../../src/domain/rich-text.ts";
import { formatWhen, parseWhen } from "../../src/domain/time.ts";
import type { Form } from "../../src/messages/message.ts";
import { renderFormPlainText } from "../../src/messages/plain-text.ts";
import type { Logger } from "../../src/ports/logger.ts";
import type { Store } from "../../src/ports/store.ts";
import type { ActionResult } from "../../src/use-cases/action-result.ts";
import { createConsoleGateway, frame } from "./console-gateway.ts";
import { consoleKey, handlesIn, mentionsIn } from "./console-mentions.ts";
import { DEMO_CHANNEL, DEMO_PEOPLE, seedDemo } from "./demo-seed.ts";
import type { OffsetClock } from "./offset-clock.ts";
import { readSubmittedFields } from "./submit-fields.ts";

const STEP_MS = 15 * 60_000;
const MAX_MOVE_MS = 400 * 24 * 3_600_000;

const HELP = `Console commands (everything else is sent to the bot, e.g. /meeting list):
  /as @name          type as someone else (try @cora coordinator, @chris chair, @sam member)
  /in #channel       type in a channel (#medication-safety is the demo workstream); /in dm for a direct message
  /clock             show the time; /clock +3d, /clock +2h30m, /clock 2026-12-10 09:00 move it on
  /press <n|label>   press a button in your last direct message
  /submit a=b; c=d   send the form that is open ("a; b" in double quotes keeps a ;)
  // a note          a line starting with // is ignored (for comments in scripts)
  /quit              leave (your data stays in the database)`;

/**
 * The local console: the same bot in a terminal, with a demo workstream, commands typed as any
 * member and a clock that can be moved on. It reads piped input too, one command a line, and
 * resolves at the end of the input. Besides the bot, it is given the store (for the demo seed,
 * the time zone it shows and the names people are known by) and the clock it moves.
 */
export async function startConsole(options: {
  bot: Bot;
  store: Store;
  clock: OffsetClock;
  log: Logger;
  defaultTimezone: string;
  databasePath: string;
  input?: NodeJS.ReadableStream;
  print?: (line: string) => void;
}): Promise<void> {
  const { bot, store, clock, defaultTimezone } = options;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const roster = () =>
    DEMO_PEOPLE.map((p) => ({ key: consoleKey(p.handle), name: p.name, dm: consoleKey(p.handle) }));
  const zone = () => store.workstreams.all()[0]?.settings.timezone ?? defaultTimezone;
  const stamp = () =>
    DateTime.fromJSDate(clock.now(), { zone: zone() }).toFormat("ccc d LLL HH:mm", { locale: "en-GB" });
  const { gateway, buttonsFor, remember } = createConsoleGateway(print, roster, stamp);
  bot.addGateway(gateway);

  const seeded = seedDemo(store, defaultTimezone, clock.now());
  let actor = "cora";
  let place: string | undefined = DEMO_CHANNEL;
  let openForm: Form | undefined;
  const who = () => {
    const key = consoleKey(actor);
    return { key, name: store.people.byKey(key)?.name ?? actor, dm: key };
  };

  print(
    "Common Purpose — local console. Type /help for the bot's commands, or /console for the console's own.",
  );
  print(
    seeded
      ? `A demo workstream, "Medication safety", is ready (${options.databasePath}).`
      : `Using ${options.databasePath}.`,
  );
  print(`You are @${actor} in #medication-safety. It is ${formatWhen(clock.now(), zone())}.`);

  const show = (result: ActionResult) => {
    if (result.kind === "form") {
      openForm = result.form;
      print(
        frame(`form for ${who().name}`, {
          text: result.form.title,
          blocks: [{ kind: "text", text: renderFormPlainText(result.form) }],
        }),
      );
      print(`Fill it in with /submit ${result.form.fields.map((f) => `${f.id}=…`).join("; ")}`);
    } else {
      // A click replaces the message: its new buttons (the next question) are what /press sees.
      if (result.kind === "update") remember(who().dm, result.message);
      print(
        frame(
          result.kind === "update" ? `updated for ${who().name}` : `only ${who().name} sees this`,
          result.message,
        ),
      );
    }
  };

  const moveClock = async (arg: string) => {
    const now = clock.now();
    const relative = /^\+(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(arg);
    let target: Date;
    if (relative && arg.length > 1) {
      const [, d, h, m] = relative;
      target = new Date(
        now.getTime() + ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * 60_000,
      );
    } else {
      target = parseWhen(arg, zone(), now, rich`${code("/clock +3d")} or ${code("/clock 2026-12-10 09:00")}`);
    }
    if (target <= now) return print("The clock only moves forward. Try /clock +1d.");
    if (target.getTime() - now.getTime() > MAX_MOVE_MS)
      return print("That is too far ahead in one go. Try /clock +30d.");
    // Step through the time so every reminder and quiet-hours hold happens at its own moment.
    for (let t = now.getTime() + STEP_MS; ; t = Math.min(t + STEP_MS, target.getTime())) {
      clock.set(new Date(t));
      await bot.tick();
      if (t >= target.getTime()) break;
    }
    print(`⏰ It is now ${formatWhen(clock.now(), zone())}.`);
  };

  const handle = async (line: string) => {
    const [head = "", ...restWords] = line.split(/\s+/);
    const rest = restWords.join(" ").trim();
    switch (head.toLowerCase()) {
      case "/console":
        return print(HELP);
      case "/as": {
        const handleName = rest.replace(/^@/, "").toLowerCase();
        if (!/^[\w.-]+$/.test(handleName)) return print("Who? For example: /as @sam");
        actor = handleName;
        openForm = undefined;
        return print(`You are now @${actor}.`);
      }
      case "/in":
        if (/^dm$/i.test(rest)) place = undefined;
        else if (/^#[\w-]+$/.test(rest)) place = `console:${rest.toLowerCase()}`;
        else return print("Where? For example: /in #medication-safety or /in dm");
        return print(place ? `You are in ${rest}.` : "You are in a direct message with the bot.");
      case "/clock":
        if (!rest) return print(`It is ${formatWhen(clock.now(), zone())}.`);
        return moveClock(rest);
      case "/press": {
        const buttons = buttonsFor(who().dm);
        const wanted = rest.toLowerCase();
        const button =
          buttons[Number(rest) - 1] ??
          buttons.find((b) => b.label.toLowerCase() === wanted) ??
          buttons.find((b) => b.label.toLowerCase().startsWith(wanted));
        if (!rest || !button)
          return print(
            `No such button. Your last buttons: ${buttons.map((b, i) => `${i + 1}. ${b.label}`).join("  ") || "none"}`,
          );
        show(bot.action({ platform: "console", actor: who(), action: button.action, value: button.value }));
        return;
      }
      case "/submit": {
        if (!openForm) return print("There is no form open. Press a button first.");
        const fields = readSubmittedFields(rest, openForm);
        const form = openForm;
        openForm = undefined;
        show(
          bot.action({ platform: "console", actor: who(), action: form.action, value: form.context, fields }),
        );
        return;
      }
      default: {
        const reply = await bot.command({
          platform: "console",
          actor: who(),
          ...(place ? { channel: place } : {}),
          // `@sam` becomes the mention form the core reads.
          text: mentionsIn(line, (key) => store.people.byKey(key)?.name),
        });
        print(frame(`only ${who().name} sees this`, reply.message));
        // A private answer with buttons (`/workstream close` asks to confirm) is pressable too.
        if (reply.message.blocks.some((b) => b.kind === "buttons")) remember(who().dm, reply.message);
      }
    }
  };

  // Like the bot, the console answers what it cannot read in one plain line and carries on:
  // a typo (or a pasted comment) must never end the session.
  const answerSafely = async (line: string) => {
    try {
      await handle(line);
    } catch (error) {
      if (error instanceof UserFacingError) print(handlesIn(error.userMessage));
      else {
        options.log.error({ err: error instanceof Error ? error.name : "unknown" }, "console command failed");
        print("Sorry, something went wrong on my side. Please try again.");
      }
    }
  };

  const input = options.input ?? process.stdin;
  const interactive = input === process.stdin && process.stdin.isTTY;
  const rl = createInterface({
    input,
    ...(interactive ? { output: process.stdout, prompt: "> " } : {}),
    terminal: interactive,
  });
  if (interactive) rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === "/quit" || line === "/exit") break;
    if (line && !line.startsWith("//")) {
      if (!interactive) print(`@${actor}> ${line}`);
      await answerSafely(line);
      await bot.deliver();
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
