// The one public port of `npm run production` in front of its web processes: a small HTTP
// reverse proxy, round-robin per request, that skips a backend refusing connections (one web
// process restarting leaves the other serving). It adds the client's address to
// X-Forwarded-For; the web processes trust one proxy (TRUST_PROXY=1), as behind the real one.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  port: number;
  /** Requests each backend answered, in the backends' order. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(options: {
  host: string;
  port: number;
  backends: { host: string; port: number }[];
}): Promise<RoundRobinProxy> {
  const { backends } = options;
  const served = backends.map(() => 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, index: number, tries: number) => {
    const backend = backends[index]!;
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request(
      {
        host: backend.host,
        port: backend.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwardedFor },
        agent,
      },
      (answer) => {
        served[index]! += 1;
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // Nothing was sent yet when the connection is refused: the next backend gets the request.
      // Only bodiless requests are retried (the body stream is already consumed otherwise).
      const retriable = error.code === 'ECONNREFUSED' && !res.headersSent && req.method === 'GET';
      if (retriable && tries + 1 < backends.length) return forward(req, res, (index + 1) % backends.length, tries + 1);
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Service momentanément indisponible.');
      } else res.destroy();
    });
    req.pipe(upstream);
  };

  const server = http.createServer((req, res) => {
    const index = next;
    next = (next + 1) % backends.length;
    forward(req, res, index, 0);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    served,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
