import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

export type WriterEvent = { pid: number; kind: string; [key: string]: unknown };

/** Starts scripts/security/writer.ts on the database file; collects its JSON lines as they come. */
export function spawnWriter(
  database: string,
  args: string[],
): { child: ChildProcess; events: WriterEvent[]; done: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "security", "writer.ts"), ...args],
    {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: database },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const events: WriterEvent[] = [];
  let buffer = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf("\n")) !== -1) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.trim()) events.push(JSON.parse(line) as WriterEvent);
    }
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<number | null>((resolve) =>
    child.on("exit", (code, signal) => {
      if (code && !signal) process.stderr.write(stderr);
      resolve(code);
    }),
  );
  return { child, events, done };
}
