// The end-to-end server's mail server: a real SMTP server (smtp-server) on 127.0.0.1 that keeps
// every message it accepts as a raw .eml file in one folder, where tests read it back
// (tests/helpers/mailbox.ts). A recipient listed in that folder's `refuse.txt` is answered
// "451 try again later", so a test can hold one address's mail back without touching anyone
// else's (the retry and exactly-once tests).
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** Starts the sink; resolves with its smtp:// URL and a close function. */
export async function startMailSink(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let sequence = 0;
  const refused = (address) => {
    try {
      return fs
        .readFileSync(path.join(dir, "refuse.txt"), "utf8")
        .split(/\r?\n/)
        .some((line) => line.trim().toLowerCase() === address.toLowerCase());
    } catch {
      return false;
    }
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (refused(address.address)) {
        const error = new Error("Mailbox temporarily unavailable");
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("end", () => {
        const name = `${Date.now()}-${process.pid}-${String(sequence++).padStart(6, "0")}.eml`;
        // Written under a temporary name and renamed, so a reader never sees half a message.
        const tmp = path.join(dir, `.${name}.tmp`);
        fs.writeFileSync(tmp, Buffer.concat(chunks));
        fs.renameSync(tmp, path.join(dir, name));
        callback();
      });
      stream.on("error", callback);
    },
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address();
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
