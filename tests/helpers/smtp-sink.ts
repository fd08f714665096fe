import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server), keeping every message it accepts,
 * parsed with mailparser. `refuse` makes it answer 451 to recipients until set back to false.
 */
export type SmtpSink = { url: string; messages: ParsedMail[]; refuse: boolean; close: () => Promise<void> };

/** `acceptDelayMs` holds each message that long before accepting it, like a slow remote server. */
export async function startSmtpSink(options: { acceptDelayMs?: number } = {}): Promise<SmtpSink> {
  const sink: SmtpSink = { url: "", messages: [], refuse: false, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    onRcptTo(_address, _session, callback) {
      if (sink.refuse) {
        const error = new Error("Mailbox temporarily unavailable") as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (options.acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, options.acceptDelayMs));
          sink.messages.push(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  // A client killed mid-conversation (the crash spec's SIGKILL) resets its connection: smtp-server
  // reports that as an "error" event, which with no listener would throw in the test process.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
