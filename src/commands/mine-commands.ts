import { showMine } from "../use-cases/show-mine.ts";
import { type CommandSpec, nothingMore } from "./spec.ts";

/** `/mine`: everything waiting for me, across my workstreams (PRODUCT.md §11), answered privately. */
const mine: CommandSpec = {
  verb: "mine",
  sub: "",
  usage: "/mine",
  example: "/mine",
  summary: "see everything waiting for you: papers to read, check-ins, views to check, your requests",
  who: "anyone",
  topic: "Get help",
  needsWorkstream: false,
  parse: (args) => nothingMore(mine, args),
  run: (core, ctx) => showMine(core, ctx.actor),
};

export const mineCommands: CommandSpec[] = [mine];
