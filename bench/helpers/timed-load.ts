import autocannon, { type Options, type Result } from "autocannon";

/**
 * autocannon, with percentiles taken from each response's own time (process.hrtime, fractions
 * of a millisecond). Its histogram counts whole milliseconds, too coarse when medians are a few
 * ms; and at a fixed rate its coordinated-omission correction takes the expected interval as
 * ceil(1 / rate) = 1 ms, so a 6 ms response is also recorded as 5, 4, 3, 2 and 1 ms, pulling
 * the percentiles down.
 */
export async function timedLoad(options: Options): Promise<{ result: Result; p50: number; p99: number }> {
  const times: number[] = [];
  const instance = autocannon(options);
  instance.on("response", (_client, _status, _bytes, ms) => {
    times.push(ms);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { result, p50: at(0.5), p99: at(0.99) };
}
