import http from 'node:http';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request on its own connection with exactly the bytes given, for bodies fetch
 * would not send (invalid UTF-8, chunked without a length, oversized). The server may answer
 * before the body is fully sent and close the connection; that answer is what counts.
 */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; chunks?: (string | Uint8Array)[] } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(url, { method: options.method ?? 'POST', headers: options.headers, agent: false }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      // EPIPE/ECONNRESET after the server refused early: wait for its answer instead.
      if (!answered && !/EPIPE|ECONNRESET/.test(String((error as NodeJS.ErrnoException).code))) reject(error);
    });
    (async () => {
      for (const chunk of options.chunks ?? []) {
        if (req.destroyed) return;
        if (!req.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              req.off('drain', done).off('close', done);
              resolve();
            };
            req.on('drain', done).on('close', done);
          });
        }
      }
      req.end();
    })().catch(() => undefined);
  });
}
