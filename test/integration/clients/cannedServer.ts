import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the canned server saw it. */
export interface SeenRequest {
  method: string;
  /** Raw request target, exactly as sent (path and query, still encoded). */
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

/** Answers one request; `n` counts requests from 0. */
export type CannedHandler = (req: SeenRequest, res: ServerResponse, n: number) => void | Promise<void>;

/** A tiny real HTTP server on 127.0.0.1 with canned answers and a log of what it received. */
export interface CannedServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a server on `port` (0 = ephemeral). */
export async function startCannedServer(handler: CannedHandler, port = 0): Promise<CannedServer> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const seen: SeenRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      requests.push(seen);
      Promise.resolve(handler(seen, res, requests.length - 1)).catch((err) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a canned answer. */
export function reply(res: ServerResponse, status: number, body = "", headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/xml; charset=utf-8", ...headers });
  res.end(body);
}

/** A port nothing listens on (bound once, then released). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** A unique account id so that tests never share a rate-limit bucket by accident. */
let counter = 0;
export function uniqueAccount(prefix = "acct"): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Date.now()}`;
}
