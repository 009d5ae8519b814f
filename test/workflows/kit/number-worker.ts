// Worker for the kit's concurrent-numbering test: its own host (own SQLite connection) on a shared data dir,
// taking numbers of a kind no workflow uses yet, each in its own write transaction beside a row that needs it.
import { parentPort, workerData } from 'node:worker_threads';
import { createHost } from '../../../electron/host/host';
import { nextNumber } from '../../../electron/kit/numbers';
import { appendEvent } from '../../../electron/kit/timeline';

const { dataDir, prefix, count } = workerData as { dataDir: string; prefix: string; count: number };
// Extra connections on one database on purpose (the folder's lock is held by the test's host).
const host = createHost({ dataDir, log: () => {}, lock: false });
const ctx = host.ctx(null);
const numbers: string[] = [];
for (let i = 0; i < count; i++) {
  numbers.push(
    ctx.db.transaction(() => {
      const n = nextNumber(ctx, prefix, 2026);
      appendEvent(ctx, 'kit-test', n, 'create', { n });
      return n;
    })(),
  );
}
host.close();
parentPort!.postMessage(numbers);
