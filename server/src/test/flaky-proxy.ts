import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback proxy in front of a real peer that fails a share of the calls it is told to:
// either before the peer sees the request, or — the case that makes doubles — after the peer
// has done the work, by throwing its answer away and answering 502.

export type FlakyProxy = {
  url: string;
  stats: { passed: number; failedBefore: number; failedAfter: number };
  close: () => Promise<void>;
};

export async function startFlakyProxy(
  target: string,
  options: { failRate: number; matches: (method: string, path: string) => boolean; random?: () => number },
): Promise<FlakyProxy> {
  const random = options.random ?? Math.random;
  const upstream = new URL(target);
  const stats = { passed: 0, failedBefore: 0, failedAfter: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const flaky = options.matches(req.method ?? 'GET', req.url ?? '/');
      const roll = flaky ? random() : 1;
      if (roll < options.failRate / 2) {
        stats.failedBefore += 1;
        res
          .writeHead(502, { 'content-type': 'application/json' })
          .end('{"error":"BadGateway","message":"chaos: before"}');
        return;
      }
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            if (roll < options.failRate) {
              stats.failedAfter += 1;
              res
                .writeHead(502, { 'content-type': 'application/json' })
                .end('{"error":"BadGateway","message":"chaos: after"}');
              return;
            }
            stats.passed += 1;
            res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(body));
          });
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
