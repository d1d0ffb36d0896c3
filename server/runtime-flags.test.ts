import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './runtime-flags';

describe('the server runtime flags', () => {
  it('are the ones `npm start` and `npm run serve` pass to node, which runs the bundle `npm run build` makes', () => {
    const { scripts } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('npm run build && npm run serve');
    expect(scripts.build).toBe('vite build && tsx server/bundle.ts');
    expect(scripts.serve).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.mjs`);
  });
});
