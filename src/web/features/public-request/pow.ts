/**
 * The browser side of the form's proof of work (see server/modules/intake/pow.ts): find a nonce
 * such that sha256(challenge + nonce) starts with `difficulty` zero bits. A small SHA-256 of our
 * own, because WebCrypto's digest is asynchronous and far slower per call for short inputs; the
 * blocks of the challenge are hashed once (mid-state) and only the tail is hashed per nonce.
 * Pure: runs in the Web Worker (pow.worker.ts) or, without workers, in slices on the page.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** One SHA-256 compression of the 64-byte block at `offset` into `state`; `w` is scratch space. */
function compress(state: Uint32Array, w: Uint32Array, block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i += 1) {
    const j = offset + i * 4;
    w[i] = ((block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!) >>> 0;
  }
  for (let i = 16; i < 64; i += 1) {
    const a = w[i - 15]!;
    const b = w[i - 2]!;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i += 1) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) >>> 0;
  state[1] = (state[1]! + b) >>> 0;
  state[2] = (state[2]! + c) >>> 0;
  state[3] = (state[3]! + d) >>> 0;
  state[4] = (state[4]! + e) >>> 0;
  state[5] = (state[5]! + f) >>> 0;
  state[6] = (state[6]! + g) >>> 0;
  state[7] = (state[7]! + h) >>> 0;
}

const encoder = new TextEncoder();

/** Pads `tail` (the bytes after the last full block) for a message of `totalLength` bytes. */
function padTail(tail: Uint8Array, totalLength: number): Uint8Array {
  const blocks = tail.length + 9 > 64 ? 2 : 1;
  const out = new Uint8Array(blocks * 64);
  out.set(tail);
  out[tail.length] = 0x80;
  const bits = totalLength * 8;
  const view = new DataView(out.buffer);
  view.setUint32(out.length - 8, Math.floor(bits / 0x1_0000_0000));
  view.setUint32(out.length - 4, bits >>> 0);
  return out;
}

/** SHA-256 of bytes (used by the tests to compare with node:crypto). */
export function sha256(bytes: Uint8Array): Uint8Array {
  const state = new Uint32Array(INITIAL);
  const w = new Uint32Array(64);
  const full = Math.floor(bytes.length / 64);
  for (let i = 0; i < full; i += 1) compress(state, w, bytes, i * 64);
  const tail = padTail(bytes.subarray(full * 64), bytes.length);
  for (let offset = 0; offset < tail.length; offset += 64) compress(state, w, tail, offset);
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  state.forEach((word, i) => view.setUint32(i * 4, word));
  return out;
}

function zeroBits(state: Uint32Array): number {
  let bits = 0;
  for (const word of state) {
    if (word === 0) {
      bits += 32;
      continue;
    }
    return bits + Math.clz32(word);
  }
  return bits;
}

/** A search over nonces `start, start+1, …` (base 36) for one challenge, with the mid-state precomputed. */
export class NonceSearch {
  private readonly midState: Uint32Array;
  private readonly tail: Uint8Array;
  private readonly prefixLength: number;
  private readonly state = new Uint32Array(8);
  private readonly w = new Uint32Array(64);
  private readonly difficulty: number;

  constructor(challenge: string, difficulty: number) {
    const bytes = encoder.encode(challenge);
    const full = Math.floor(bytes.length / 64);
    this.midState = new Uint32Array(INITIAL);
    for (let i = 0; i < full; i += 1) compress(this.midState, this.w, bytes, i * 64);
    this.tail = bytes.slice(full * 64);
    this.prefixLength = bytes.length;
    this.difficulty = difficulty;
  }

  /** Tries `count` nonces from `start`; returns the first that solves the challenge, or null. */
  search(start: number, count: number): string | null {
    for (let n = start; n < start + count; n += 1) {
      const nonce = n.toString(36);
      const message = new Uint8Array(this.tail.length + nonce.length);
      message.set(this.tail);
      for (let i = 0; i < nonce.length; i += 1) message[this.tail.length + i] = nonce.charCodeAt(i);
      const padded = padTail(message, this.prefixLength + nonce.length);
      this.state.set(this.midState);
      for (let offset = 0; offset < padded.length; offset += 64) compress(this.state, this.w, padded, offset);
      if (zeroBits(this.state) >= this.difficulty) return nonce;
    }
    return null;
  }
}
