// @ts-check
// The one way this project starts `next start` (npm start, the e2e server, the bench, the scan):
// node with the peer-address hook loaded (scripts/peer-address.mjs), so every
// server reads the client address the same way (SECURITY.md).
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/**
 * Arguments for `spawn(process.execPath, …)`.
 * @param {string} host
 * @param {number | string} port
 * @returns {string[]}
 */
export function nextStartArgs(host, port) {
  return [
    "--import",
    path.join(root, "scripts", "peer-address.mjs"),
    path.join(root, "node_modules", "next", "dist", "bin", "next"),
    "start",
    "-H",
    host,
    "-p",
    String(port),
  ];
}
