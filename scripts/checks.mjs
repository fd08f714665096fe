// The static checks `npm test` starts with — types, lint, formatting — run side by side (each is one
// process on one core), every one to the end, with each one's output printed whole once it finishes.
// Exits 1 if any failed, naming them.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

const CHECKS = [
  ["typecheck", ["tsc", "--noEmit"]],
  ["lint", ["eslint", ".", "--max-warnings", "0"]],
  ["format:check", ["prettier", "--check", "."]],
];

function run([name, [bin, ...args]]) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.platform === "win32" ? `${bin}.cmd` : bin, args, {
      env: { ...process.env, PATH: `node_modules/.bin:${process.env.PATH ?? ""}`, FORCE_COLOR: process.stdout.isTTY ? "1" : "0" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `\n> ${name} (${bin} ${args.join(" ")}): ${code === 0 ? "passed" : `failed (exit ${code})`} in ${seconds} s\n${output}`,
      );
      resolve(code === 0 ? null : name);
    });
  });
}

const failed = (await Promise.all(CHECKS.map(run))).filter(Boolean);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
