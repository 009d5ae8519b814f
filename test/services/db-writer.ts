// Child process for data-folder.test.ts.
//   rw FILE N MODE      N read-then-write transactions on the app's connection (MODE: app | deferred);
//                       prints {"ok":…, "failed":…, "errors":[…]}
//   crash DIR PREFIX    creates buildings PREFIX-1, PREFIX-2, … through the service until killed, printing
//                       each code once its transaction has committed (an acknowledged write)
import { open } from '../../db/connection';
import { createHost } from '../../electron/host/host';
import { createBuilding } from '../../electron/workflows/master/service';

const [mode, target, arg, how] = process.argv.slice(2);

if (mode === 'rw') {
  const db = open(target);
  db.exec('CREATE TABLE IF NOT EXISTS counter (n INTEGER NOT NULL) STRICT');
  const step = db.transaction(() => {
    const n = db.prepare('SELECT count(*) FROM counter').pluck().get() as number;
    db.prepare('INSERT INTO counter (n) VALUES (?)').run(n);
  });
  const run = how === 'deferred' ? step.deferred : step;
  let ok = 0;
  const errors: string[] = [];
  for (let i = 0; i < Number(arg); i++) {
    try {
      run();
      ok++;
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  db.close();
  process.stdout.write(`${JSON.stringify({ ok, failed: errors.length, errors: [...new Set(errors)] })}\n`);
} else if (mode === 'crash') {
  const host = createHost({ dataDir: target, log: () => {}, lock: 'test' });
  const ctx = host.ctx(null);
  for (let i = 1; ; i++) {
    const code = `${arg}-${i}`;
    createBuilding(ctx, { code, name: code, note: null });
    process.stdout.write(`${code}\n`);
  }
}
