// Worker for the concurrent-numbering test: its own host (own SQLite connection) on a shared data dir.
import { parentPort, workerData } from 'node:worker_threads';
import { createHost } from '../../../electron/host/host';
import { createSlip } from '../../../electron/workflows/slips/service';
import type { SessionUser } from '../../../shared/contract';
import type { SlipDraft } from '../../../shared/workflows/slips/schema';

const { dataDir, user, draft, count } = workerData as { dataDir: string; user: SessionUser; draft: SlipDraft; count: number };
// Extra connections on one database on purpose (the folder's lock is held by the test's host).
const host = createHost({ dataDir, log: () => {}, lock: false });
const numbers: string[] = [];
for (let i = 0; i < count; i++) numbers.push(createSlip(host.ctx(user), draft).number);
host.close();
parentPort!.postMessage(numbers);
