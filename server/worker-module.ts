import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker module `name` that sits beside the calling module (`caller`: its
 * import.meta.url): the TypeScript source through tsx when the caller runs from source (tests,
 * the CLI), or the `.js` that server/bundle.ts builds beside the bundle.
 * @example startModuleWorker(import.meta.url, 'scale-worker', { workerData })
 */
export function startModuleWorker(caller: string, name: string, options: WorkerOptions): Worker {
  const here = new URL(`./${name}`, caller);
  if (!caller.endsWith('.ts')) return new Worker(new URL(`${here.href}.js`), options);
  // A worker thread does not inherit the loader hooks that let this process import .ts files.
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(`${here.href}.ts`)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
