// Loaded into `next start` with `node --import` (scripts/start.mjs, scripts/e2e-server.mjs, the bench
// server): appends each request's TCP peer to its x-forwarded-for before Next sees the request, so
// the last hop is always one no client can write (lib/security/peer-hop.mjs, SECURITY.md).
// `next start` serves from node:http's Server in this process; its "request" event is where a
// request enters, so that is the one place this hooks.
import http from "node:http";
import { appendPeerHop } from "../lib/security/peer-hop.mjs";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeerHop(event, ...args) {
  if (event === "request") {
    const [req] = /** @type {[http.IncomingMessage]} */ (args);
    req.headers["x-forwarded-for"] = appendPeerHop(req.headers["x-forwarded-for"], req.socket?.remoteAddress);
  }
  return emit.call(this, event, ...args);
};
