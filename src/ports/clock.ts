/** The only source of "now" for the core, so tests and the console can move time. */
export interface Clock {
  now(): Date;
}
