// Baseline B for `npm run bench`: bare node:http returning the article's exact bytes from memory,
// in its own process so it does not share an event loop with the load generator.
import fs from "node:fs";
import http from "node:http";

const [port, bodyFile, contentType] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile);
const headers = { "content-type": contentType || "text/html; charset=utf-8", "content-length": String(body.length) };
http
  .createServer((req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
