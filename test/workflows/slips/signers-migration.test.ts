import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open } from '../../../db/connection';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations/index';
import { testDir } from '../../helpers/host';

const T = '2026-01-01T00:00:00.000Z';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('migration 0080: how each signer signed, on slips issued before', () => {
  it('reads signed on screen where an image was kept, the owner’s recording where there is a reference, and guesses nothing else', () => {
    const db = open(path.join(testDir(), 'frontdesk.db'));
    try {
      const version = MIGRATIONS.findIndex((m) => m.name === '0080_slip_signers') + 1;
      expect(version).toBeGreaterThan(1);
      migrate(db, { target: version - 1 });
      const ins = (sql: string, ...p: unknown[]) => db.prepare(sql).run(...p);
      ins('INSERT INTO buildings (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', 'b1', '3', '3号楼', T, T);
      ins('INSERT INTO units (id, building_id, code, use, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', 'u1', 'b1', '3-2-1502', 'residential', T, T);
      const slip = (id: string, state: string, clerk: string | null, carrier: string | null, owner: string | null, ref: string | null) =>
        ins(
          `INSERT INTO release_slips (id, number, unit_id, state, nature, reason, carrier_type, carrier_name, sig_clerk, sig_carrier, sig_owner, recording_ref, created_at, updated_at)
           VALUES (?, ?, 'u1', ?, 'temporary', '送修', 'family', '王小明', ?, ?, ?, ?, ?, ?)`,
          id, `FX-2026-00000${id.slice(1)}`, state, clerk, carrier, owner, ref, T, T,
        );
      slip('s1', 'exited', PNG, PNG, PNG, null); // everyone signed on screen
      slip('s2', 'issued', null, PNG, null, 'REC-1'); // the owner did not sign: the recording
      slip('s3', 'issued', null, null, null, null); // nothing kept: not recorded
      slip('s4', 'issued', PNG, null, PNG, 'REC-2'); // the owner signed, and a reference was given as well
      slip('s5', 'draft', null, null, null, null);
      migrate(db);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      const rows = db.prepare('SELECT id, sign_clerk AS clerk, sign_carrier AS carrier, sign_owner AS owner, recording_ref AS ref FROM release_slips ORDER BY id').all();
      expect(rows).toEqual([
        { id: 's1', clerk: 'screen', carrier: 'screen', owner: 'screen', ref: null },
        { id: 's2', clerk: null, carrier: 'screen', owner: 'recording', ref: 'REC-1' },
        { id: 's3', clerk: null, carrier: null, owner: null, ref: null },
        { id: 's4', clerk: 'screen', carrier: null, owner: 'screen', ref: 'REC-2' },
        { id: 's5', clerk: null, carrier: null, owner: null, ref: null },
      ]);
      // Only the modes a signer may have are stored: the clerk and the carrier cannot "not sign".
      expect(() => ins("UPDATE release_slips SET sign_clerk = 'recording' WHERE id = 's3'")).toThrow(/CHECK constraint/);
      expect(() => ins("UPDATE release_slips SET sign_owner = 'phone' WHERE id = 's3'")).toThrow(/CHECK constraint/);
      ins("UPDATE release_slips SET sign_owner = 'paper' WHERE id = 's3'");
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
