/**
 * Solves the form's proof of work in a Web Worker, so the page stays responsive; where workers
 * are not available, in small slices on the page between frames.
 */
import { NonceSearch } from './pow.ts';

function solveInSlices(challenge: string, difficulty: number, signal: AbortSignal): Promise<string> {
  const search = new NonceSearch(challenge, difficulty);
  return new Promise((resolve, reject) => {
    let start = 0;
    const step = () => {
      if (signal.aborted) return reject(new DOMException('aborted', 'AbortError'));
      const nonce = search.search(start, 5_000);
      if (nonce !== null) return resolve(nonce);
      start += 5_000;
      setTimeout(step, 0);
    };
    step();
  });
}

export function solvePow(challenge: string, difficulty: number, signal: AbortSignal): Promise<string> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return solveInSlices(challenge, difficulty, signal);
  }
  return new Promise((resolve, reject) => {
    const stop = () => worker.terminate();
    signal.addEventListener('abort', () => {
      stop();
      reject(new DOMException('aborted', 'AbortError'));
    });
    worker.onmessage = (event: MessageEvent<{ nonce: string }>) => {
      stop();
      resolve(event.data.nonce);
    };
    worker.onerror = () => {
      stop();
      solveInSlices(challenge, difficulty, signal).then(resolve, reject);
    };
    worker.postMessage({ challenge, difficulty });
  });
}
