import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a module given as its .ts source URL. Run from source (tsx), the worker registers
 * tsx's loader itself, since a worker does not inherit the loader from --import; run bundled, the .js beside it.
 */
export function startWorker(sourceUrl: URL, workerData: unknown, transferList: ArrayBuffer[] = []): Worker {
  if (!sourceUrl.href.endsWith('.ts'))
    throw new Error(`startWorker wants a .ts source URL: ${sourceUrl.href}`);
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) {
    return new Worker(new URL(sourceUrl.href.replace(/\.ts$/, '.js')), { workerData, transferList });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(sourceUrl.href)}); })`;
  return new Worker(code, { eval: true, workerData, transferList });
}

/**
 * The memory of `bytes` to hand to a thread instead of copying it, when `bytes` is all of it (a large upload is
 * read into a buffer of its own; a small one may share Node's buffer pool, which must not be handed over).
 */
export function ownMemory(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : [];
}

/**
 * Lowers this thread's CPU priority (Linux, where a thread has its own nice value; threads it starts inherit it),
 * so that background work takes the CPU the server's main thread leaves. Elsewhere it does nothing.
 */
export function runInBackground(nice = 19): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId)) setPriority(threadId, nice);
  } catch {
    // Not Linux, or not allowed: the work runs at the usual priority.
  }
}
