import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ScriptResult {
  /** The exit code; null when the process was killed by a signal. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order they arrived: for messages a test does not care which stream carries. */
  output: string;
}

export interface ScriptOptions {
  /** Added to this process's environment (which the child inherits, as a shell would pass it). */
  env?: Record<string, string>;
}

/**
 * Runs a TypeScript entry point in its own Node process (`node --import tsx script …`), as an
 * operator or a second server would, and collects what it prints. Tests use a real process
 * rather than calling the code in-process when what they check is the process itself: its exit
 * code, its messages, or two processes writing one database at once.
 */
export function runTsScript(script: string, args: string[], options: ScriptOptions = {}): Promise<ScriptResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      output += d.toString();
    });
    // 'close', not 'exit': it waits until both pipes are drained, so no last line is lost.
    child.on('close', (code) => resolve({ code, stdout, stderr, output }));
  });
}

/** Runs `npm run shenfa -- …` (server/cli/main.ts) on a database, as an admin would, and collects its output. */
export function runCli(databaseUrl: string, args: string[], options: ScriptOptions = {}): Promise<ScriptResult> {
  return runTsScript('server/cli/main.ts', args, { env: { DATABASE_URL: databaseUrl, ...options.env } });
}

/** Writes a file for a CLI run to read, under `dir`: an object as indented JSON, a string as it is (to feed it broken input). Returns its path. */
export function writeInputFile(dir: string, name: string, content: unknown): string {
  const at = path.join(dir, name);
  fs.writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return at;
}
