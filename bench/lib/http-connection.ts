import net from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';

export interface HttpAnswer { status: number; body: string; headers: IncomingHttpHeaders }

/** A failed exchange; `retryable` when the request went out on a reused socket and no byte came back (the keep-alive race). */
export type ExchangeError = Error & { code?: string; retryable?: boolean };

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const MAX_HEAD = 64 * 1024;
/** A request whose connection stays silent this long fails: a server that stops answering fails the benchmark instead of hanging it (CI runs the quick benchmarks under a time limit). */
const ANSWER_TIMEOUT_MS = 60_000;

/**
 * Every connection reads into this one buffer (net's `onread`: no stream machinery, no
 * allocation per read). Safe to share: each read is parsed synchronously, and what a parser
 * keeps past its call is copied out, before the next read lands.
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/**
 * One HTTP/1.1 keep-alive connection to 127.0.0.1:port with at most one request in flight: the
 * benchmark's load generator. node:http's client spends several hundred µs of CPU per request
 * (agent, parser, IncomingMessage streams) on a 2-core machine where that CPU is taken from the
 * server being measured; this writes each request as one string and parses the answer with a
 * few buffer scans. It understands what a load generator meets: Content-Length, chunked
 * (extensions and trailers skipped), a body ending at close, 1xx answers, `Connection: close`,
 * answers split over any number of reads. Not pipelined: the caller awaits each answer.
 */
export class HttpConnection {
  private readonly socket: net.Socket;
  /** The server ended or the socket failed: a new request needs a new connection. */
  dead = false;
  /** Some exchange completed on it, so a request sent now goes out on a reused socket. */
  private used = false;
  private pending: { resolve: (a: HttpAnswer) => void; reject: (e: ExchangeError) => void; reused: boolean } | null = null;
  private parser: AnswerParser | null = null;

  constructor(readonly port: number, answerTimeoutMs = ANSWER_TIMEOUT_MS) {
    this.socket = net.connect({
      host: '127.0.0.1',
      port,
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (n) => {
          this.onData(READ_BUFFER.subarray(0, n));
          return true;
        },
      },
    });
    this.socket.on('end', () => this.onClose(null));
    this.socket.on('error', (error) => this.onClose(error));
    this.socket.on('close', () => this.onClose(null));
    // Inactivity, not a timer per request: an idle keep-alive socket may sit silent as long as it likes.
    this.socket.setTimeout(answerTimeoutMs, () => {
      if (this.pending) this.fail(Object.assign(new Error(`no answer in ${answerTimeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
  }

  /** Sends `head` (request line and headers, each CRLF-terminated) and the body; resolves with the answer. */
  exchange(head: string, closeAfter: boolean, body?: string): Promise<HttpAnswer> {
    if (this.pending) return Promise.reject(new Error('HttpConnection: one request at a time'));
    if (this.dead) return Promise.reject(Object.assign(new Error('HttpConnection: closed'), { code: 'ECONNRESET', retryable: true }));
    return new Promise<HttpAnswer>((resolve, reject) => {
      this.pending = { resolve, reject, reused: this.used };
      this.parser = new AnswerParser(closeAfter);
      this.socket.ref();
      this.socket.write(body === undefined ? `${head}\r\n` : `${head}\r\n${body}`, 'utf8');
    });
  }

  close(): void {
    this.dead = true;
    this.socket.destroy();
  }

  /** `data` is a view of READ_BUFFER, valid only during this call. */
  private onData(data: Buffer): void {
    const parser = this.parser;
    if (!parser) {
      // Bytes nobody asked for: the stream is out of step, so it cannot be reused.
      this.close();
      return;
    }
    let answer: HttpAnswer | null;
    try {
      answer = parser.push(data);
    } catch (error) {
      this.fail(error as ExchangeError);
      return;
    }
    if (answer) this.finish(answer, parser.closeAfter);
  }

  private onClose(error: Error | null): void {
    this.dead = true;
    const parser = this.parser;
    if (!parser || !this.pending) return;
    const answer = parser.end();
    if (answer) return this.finish(answer, true);
    const failure: ExchangeError = error ?? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    failure.retryable = this.pending.reused && !parser.sawBytes;
    this.fail(failure);
  }

  private finish(answer: HttpAnswer, closeAfter: boolean): void {
    const pending = this.pending!;
    this.pending = null;
    this.parser = null;
    this.used = true;
    if (closeAfter) this.close();
    else this.socket.unref(); // an idle keep-alive socket does not hold the process open (as http.Agent's do not)
    pending.resolve(answer);
  }

  private fail(error: ExchangeError): void {
    const pending = this.pending!;
    this.pending = null;
    this.parser = null;
    this.close();
    pending.reject(error);
  }
}

/** An answer whose header object is built only when read (the load loop reads the status alone). */
class Answer implements HttpAnswer {
  private parsed: IncomingHttpHeaders | null = null;
  constructor(readonly status: number, readonly body: string, private readonly head: string) {}

  /** Lower-case names; set-cookie as an array; other repeated headers joined with ", " (as node:http does). */
  get headers(): IncomingHttpHeaders {
    if (this.parsed) return this.parsed;
    const headers: IncomingHttpHeaders = {};
    const lines = this.head.split('\r\n');
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'set-cookie') (headers['set-cookie'] ??= []).push(value);
      else {
        const prior = headers[name];
        headers[name] = prior === undefined ? value : `${prior as string}, ${value}`;
      }
    }
    return (this.parsed = headers);
  }
}

/** One header's value from a lower-cased head (status line first, so every header line follows a CRLF). */
function headerIn(lowerHead: string, name: string): string | undefined {
  const at = lowerHead.indexOf(`\r\n${name}:`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  const end = lowerHead.indexOf('\r\n', start);
  return lowerHead.slice(start, end < 0 ? undefined : end).trim();
}

type Framing = { kind: 'length'; remaining: number } | { kind: 'chunked'; state: 'size' | 'data' | 'data-end' | 'trailer'; remaining: number } | { kind: 'close' } | { kind: 'none' };

/** One response's bytes → status, head, body. push() returns the answer once it is complete. */
class AnswerParser {
  sawBytes = false;
  /** Bytes of a head not yet complete (owned copy). */
  private partialHead: Buffer | null = null;
  private status = 0;
  private head = '';
  private framing: Framing | null = null;
  /** Body bytes so far (owned copies). */
  private body: Buffer[] = [];
  /** Unconsumed bytes of a chunked body, such as a size line split across reads (owned copy). */
  private rest: Buffer | null = null;

  constructor(public closeAfter: boolean) {}

  /** `data` may be a view of a buffer the caller reuses: anything kept is copied. */
  push(data: Buffer): HttpAnswer | null {
    this.sawBytes = true;
    let bytes = data;
    while (!this.framing) {
      const buffered = this.partialHead ? Buffer.concat([this.partialHead, bytes]) : bytes;
      // Search only where the terminator could start among the new bytes.
      const end = buffered.indexOf(HEAD_END, this.partialHead ? Math.max(0, this.partialHead.length - 3) : 0);
      if (end < 0) {
        if (buffered.length > MAX_HEAD) throw new Error('HttpConnection: response head over 64 KiB');
        this.partialHead = Buffer.from(buffered);
        return null;
      }
      this.partialHead = null;
      this.readHead(buffered.toString('latin1', 0, end));
      bytes = buffered.subarray(end + 4);
      // After a 100 Continue (and friends) framing is still null: the real answer's head follows.
    }
    return this.consume(bytes);
  }

  /** The connection ended: an answer delimited by close is complete now; anything else unfinished is a failure. */
  end(): HttpAnswer | null {
    return this.framing?.kind === 'close' ? this.answer() : null;
  }

  private readHead(head: string): void {
    if (!head.startsWith('HTTP/1.')) throw new Error(`HttpConnection: not an HTTP/1.x answer: ${JSON.stringify(head.slice(0, 80))}`);
    this.status = Number(head.slice(9, 12));
    this.head = head;
    if (this.status < 200) return;
    const lower = head.toLowerCase();
    const connection = headerIn(lower, 'connection') ?? '';
    if (connection.includes('close') || (head.startsWith('HTTP/1.0') && !connection.includes('keep-alive'))) this.closeAfter = true;
    const length = headerIn(lower, 'content-length');
    if (this.status === 204 || this.status === 304) this.framing = { kind: 'none' };
    else if (headerIn(lower, 'transfer-encoding')?.includes('chunked')) this.framing = { kind: 'chunked', state: 'size', remaining: 0 };
    else if (length !== undefined) {
      const remaining = Number(length);
      if (!Number.isSafeInteger(remaining) || remaining < 0) throw new Error(`HttpConnection: bad Content-Length ${JSON.stringify(length)}`);
      this.framing = { kind: 'length', remaining };
    } else {
      this.framing = { kind: 'close' };
      this.closeAfter = true;
    }
  }

  private consume(bytes: Buffer): HttpAnswer | null {
    const framing = this.framing!;
    switch (framing.kind) {
      case 'none':
        return this.answer();
      case 'close':
        if (bytes.length) this.body.push(Buffer.from(bytes));
        return null;
      case 'length': {
        const take = Math.min(bytes.length, framing.remaining);
        // The usual case: the whole body in this read, decoded straight from it.
        if (this.body.length === 0 && take === framing.remaining) return new Answer(this.status, bytes.toString('utf8', 0, take), this.head);
        if (take) this.body.push(Buffer.from(bytes.subarray(0, take)));
        framing.remaining -= take;
        return framing.remaining === 0 ? this.answer() : null;
      }
      case 'chunked':
        return this.consumeChunked(framing, bytes);
    }
  }

  private consumeChunked(framing: Extract<Framing, { kind: 'chunked' }>, input: Buffer): HttpAnswer | null {
    const bytes = this.rest ? Buffer.concat([this.rest, input]) : input;
    this.rest = null;
    let at = 0;
    while (at < bytes.length) {
      if (framing.state === 'data') {
        const take = Math.min(framing.remaining, bytes.length - at);
        this.body.push(Buffer.from(bytes.subarray(at, at + take)));
        at += take;
        framing.remaining -= take;
        if (framing.remaining === 0) framing.state = 'data-end';
        continue;
      }
      const eol = bytes.indexOf(CRLF, at);
      if (eol < 0) break;
      const line = bytes.toString('latin1', at, eol);
      at = eol + 2;
      if (framing.state === 'data-end') {
        if (line !== '') throw new Error('HttpConnection: chunk data not followed by CRLF');
        framing.state = 'size';
      } else if (framing.state === 'size') {
        const size = parseInt(line, 16); // a ";ext" after the size stops parseInt
        if (!Number.isSafeInteger(size) || size < 0) throw new Error(`HttpConnection: bad chunk size ${JSON.stringify(line.slice(0, 40))}`);
        if (size === 0) framing.state = 'trailer';
        else {
          framing.state = 'data';
          framing.remaining = size;
        }
      } else if (line === '') {
        return this.answer(); // the empty line after the trailers ends the body
      }
    }
    if (at < bytes.length) {
      if (bytes.length - at > MAX_HEAD) throw new Error('HttpConnection: chunk size line over 64 KiB');
      this.rest = Buffer.from(bytes.subarray(at));
    }
    return null;
  }

  private answer(): Answer {
    const body = this.body.length === 1 ? this.body[0]!.toString('utf8') : Buffer.concat(this.body).toString('utf8');
    return new Answer(this.status, body, this.head);
  }
}
