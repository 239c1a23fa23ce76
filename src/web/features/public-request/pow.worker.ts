/** Solves one proof-of-work challenge off the page's thread (see pow.ts). */
import { NonceSearch } from './pow.ts';

interface Task {
  challenge: string;
  difficulty: number;
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Task>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (event) => {
  const search = new NonceSearch(event.data.challenge, event.data.difficulty);
  const slice = 50_000;
  for (let start = 0; start < Number.MAX_SAFE_INTEGER; start += slice) {
    const nonce = search.search(start, slice);
    if (nonce !== null) {
      scope.postMessage({ nonce });
      return;
    }
  }
};
