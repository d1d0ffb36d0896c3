/**
 * Mounted under a host's path (docs/embedding.md), only the router adds the base path by
 * itself (<A href>, navigate). Plain links and requests to the server must go through
 * appUrl(); this test finds the ones that do not, before a host does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** A server path in a string ('/api/…', "/public", `/api/${id}`) outside appUrl(…), or a plain <a href="/…">. */
const SERVER_PATH = /(['"`])\/(api|public|healthz|readyz|sitemap)\b/;
const PLAIN_ANCHOR = /<a\s[^>]*href="\//;

describe('client links under a base path', () => {
  it('sends every plain link and request to the server through appUrl', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      if (file.endsWith('mount.ts')) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.trim().startsWith('//') || line.trim().startsWith('*')) return;
          // DownloadLink takes the server path and puts it through appUrl itself.
          const throughAppUrl = line.includes('appUrl(') || line.includes('<DownloadLink path=');
          if ((SERVER_PATH.test(line) && !throughAppUrl) || PLAIN_ANCHOR.test(line)) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
