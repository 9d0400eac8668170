import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A TypeScript module forked with tsx and an IPC channel, answering numbered requests. */
export interface Child {
  proc: ChildProcess;
  ready: Record<string, unknown>;
  request(message: Record<string, unknown>): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Forks `bench/helpers/<name>.ts` and waits for its `ready` message. */
export async function forkHelper(name: string, args: string[] = []): Promise<Child> {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const proc = fork(file, args, {
    // BENCH_NODE_FLAGS reaches the measured processes, e.g. `--cpu-prof` to see where time goes.
    execArgv: ["--import", "tsx", ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 1;
  const waiting = new Map<number, (m: Record<string, unknown>) => void>();
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    proc.once("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
    proc.on("message", (raw) => {
      const m = raw as Record<string, unknown>;
      if (m.kind === "ready") resolve(m);
      else waiting.get(Number(m.id))?.(m);
    });
  });
  proc.removeAllListeners("exit");
  return {
    proc,
    ready,
    request(message) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        proc.send({ ...message, id });
      });
    },
    stop() {
      return new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        const timer = setTimeout(() => proc.kill("SIGKILL"), 3000);
        proc.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        proc.disconnect();
      });
    },
  };
}

/** Peak resident memory (VmHWM) of a process, in MB, from /proc (Linux). */
export async function peakRssMb(pid: number): Promise<number | undefined> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : undefined;
}

/** Current resident memory (VmRSS) of a process, in MB. */
export async function rssMb(pid: number): Promise<number | undefined> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : undefined;
}
