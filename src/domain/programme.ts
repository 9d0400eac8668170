import type { SettingName, Settings } from "./settings.ts";

/**
 * A programme (PRODUCT.md §14): the programme board's channel, overseeing several workstreams.
 * Its leads see the workstreams only as aggregates; its own settings say when their digest
 * goes and when it must wait (quiet hours).
 */
export interface Programme {
  id: number;
  name: string;
  channel: string;
  settings: Settings;
  createdAt: Date;
}

/** The settings a programme has of its own: the rest are about running meetings. */
export const PROGRAMME_SETTINGS: SettingName[] = ["digest", "timezone", "quiet-hours", "quiet-weekends"];
