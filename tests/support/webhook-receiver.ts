import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A portal stand-in on a loopback port: records every request and answers with the next
 * scripted status (200 when none is left). `titles()` takes the documents' titles heard so far.
 */
export async function startWebhookReceiver(pathname = '/hooks/shenfa') {
  const received: ReceivedHook[] = [];
  const script: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(script.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${pathname}`;
  const titles = () => received.splice(0).map((r) => JSON.parse(r.body).document.title as string);
  return { url, received, script, titles, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
