import { randomBytes } from 'node:crypto';

/** Random bytes drawn from a pooled buffer: one syscall per 256 ids instead of two per id (imports make 100,000s). */
function randomPool() {
  let pool = randomBytes(4096);
  let at = 0;
  return (n: number): Buffer => {
    if (at + n > pool.length) {
      pool = randomBytes(4096);
      at = 0;
    }
    const out = pool.subarray(at, at + n);
    at += n;
    return out;
  };
}

/** Time-ordered UUIDv7 (RFC 9562), monotonic within a process so ids made in one millisecond still sort. */
export function createIds(now: () => number = Date.now): () => string {
  let lastMs = 0;
  let seq = 0;
  const random = randomPool();
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      seq++;
      if (seq > 0xfff) {
        ms = ++lastMs;
        seq = 0;
      }
    } else {
      seq = random(2).readUInt16BE(0) & 0x7ff;
    }
    lastMs = ms;
    const b = Buffer.from(random(16));
    b.writeUIntBE(ms, 0, 6);
    b[6] = 0x70 | ((seq >> 8) & 0x0f);
    b[7] = seq & 0xff;
    b[8] = 0x80 | (b[8] & 0x3f);
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}
