#!/usr/bin/env node
// The production HTTP server (`npm start` runs it instead of `next start`): Next's own request handler behind a plain
// node:http server whose only job is to append the TCP peer's address to X-Forwarded-For. `next start` keeps a
// client's X-Forwarded-For as sent and drops the peer address, so a client could choose the address the sign-in
// throttle and the audit trail see; with the peer appended, lib/http/client-ip.ts trusts earlier hops only through
// TRUSTED_PROXIES. A launcher, so it reads process.env itself.
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// TRACE/TRACK/CONNECT never reach Next's handler: its Request object refuses them and the client saw a 500. Every other
// unknown method gets the same 405 from proxy.ts (which applies the full header policy).
const KNOWN = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
function methodNotAllowed(req, res) {
  res.writeHead(405, {
    Allow: KNOWN.join(", "),
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  });
  res.end(JSON.stringify({ error: { code: "method_not_allowed", message: `${req.method} is not supported.` } }));
}

const server = http.createServer((req, res) => {
  if (!KNOWN.includes(req.method ?? "")) return methodNotAllowed(req, res);
  const peer = req.socket.remoteAddress ?? "";
  const prior = req.headers["x-forwarded-for"];
  const chain = Array.isArray(prior) ? prior.join(", ") : prior;
  req.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
  handle(req, res);
});
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout, as `next start` does
server.listen(port, hostname, () => console.log(`▶ ready on http://${hostname}:${port}`));

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref(); // open keep-alive connections do not hold shutdown
  });
}
