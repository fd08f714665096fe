import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serverEnv } from "../../lib/env";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

export type Server = { url: string; pid: number; child: ChildProcess; stop: () => Promise<void> };

// Servers this process started: killed if the bench is interrupted, so none is left holding a port.
const started = new Set<ChildProcess>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of started) child.kill("SIGKILL");
    process.exit(130);
  });
}
process.once("exit", () => {
  for (const child of started) child.kill("SIGKILL");
});

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server at ${url} not ready after ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** `next start` on 127.0.0.1 against the given database, with the bench-only baseline route switched on. */
export async function startNext(opts: { port: number; db: string; env?: Record<string, string> }): Promise<Server> {
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(
    process.execPath,
    [
      "--import",
      path.join(ROOT, "scripts", "peer-address.mjs"),
      path.join(ROOT, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(opts.port),
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_PATH: opts.db,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: serverEnv().NEXTAUTH_SECRET ?? `bench-only-secret-${process.pid}-${Date.now()}-not-for-production`,
        // The bench signs in many times from 127.0.0.1.
        SIGN_IN_IP_LIMIT: "100000",
        VETTED_BENCH: "1",
        ...opts.env,
      },
    },
  );
  started.add(child);
  child.once("exit", () => started.delete(child));
  const stop = () => stopChild(child);
  try {
    await waitFor(`${url}/login`, child);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid: child.pid!, child, stop };
}

/** A bare node:http server (baseline B) in its own process, returning one body from memory. */
export async function startBareHttp(opts: { port: number; bodyFile: string; contentType: string }): Promise<Server> {
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "scripts", "bench", "bare-http.mjs"), String(opts.port), opts.bodyFile, opts.contentType],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  started.add(child);
  child.once("exit", () => started.delete(child));
  await waitFor(`${url}/`, child, 10_000);
  return { url, pid: child.pid!, child, stop: () => stopChild(child) };
}

function childPids(pid: number): number[] {
  try {
    const out = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return out ? out.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

/** Resident memory (MiB) of a process and its descendants, from /proc (Linux). */
export function rssMiB(pid: number): number | null {
  let kib = 0;
  let found = false;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      if (m) {
        kib += Number(m[1]);
        found = true;
      }
    } catch {
      continue;
    }
    stack.push(...childPids(p));
  }
  return found ? Math.round(kib / 1024) : null;
}
