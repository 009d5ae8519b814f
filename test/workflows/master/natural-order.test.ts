/** Unit and building codes sort naturally in every list (issue 7): 1-1-902 before 1-1-1001, 2-… after 1-10-…. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir, testEnv } from '../../helpers/host';

const UNIT = { use: 'residential', floor: null, areaM2: null, note: null } as const;

describe('natural order of codes', () => {
  it('the unit and building lists', async () => {
    const env = testEnv();
    await env.init();
    const ids: Record<string, string> = {};
    for (const code of ['10', '9', '1', '2']) ids[code] = (await env.ok('buildings.create', { code, name: `${code}号楼`, note: null })).id;
    expect((await env.ok('buildings.list', { includeVoided: false })).map((b) => b.code)).toEqual(['1', '2', '9', '10']);
    for (const [b, code] of [['1', '1-1-1001'], ['1', '1-1-902'], ['1', '1-10-101'], ['1', '1-2-101'], ['2', '2-1-101'], ['10', '10-1-101'], ['9', '9-1-101'], ['1', '1-1-902A']] as const) {
      await env.ok('units.create', { ...UNIT, buildingId: ids[b], code });
    }
    const list = await env.ok('units.list', { offset: 0, limit: 50 });
    expect(list.rows.map((u) => u.code)).toEqual(['1-1-902', '1-1-902A', '1-1-1001', '1-2-101', '1-10-101', '2-1-101', '9-1-101', '10-1-101']);
    // A renamed code moves to its new place.
    const u = list.rows.find((r) => r.code === '1-10-101')!;
    await env.ok('units.update', { ...UNIT, id: u.id, buildingId: ids['1'], code: '1-1-95' });
    expect((await env.ok('units.list', { offset: 0, limit: 3 })).rows.map((r) => r.code)).toEqual(['1-1-95', '1-1-902', '1-1-902A']);
  });

  it('units already in a file from before get their keys when it is migrated', async () => {
    const dir = testDir();
    const env = testEnv({ dir });
    await env.init();
    const b = await env.ok('buildings.create', { code: '1', name: '1号楼', note: null });
    for (const code of ['1-1-1001', '1-1-902']) await env.ok('units.create', { ...UNIT, buildingId: b.id, code });
    env.host.close();
    // As a schema-5 file had them: no keys, version 5.
    const raw = new Database(path.join(dir, 'frontdesk.db'));
    raw.exec('DROP INDEX units_code_key; DROP INDEX buildings_code_key; ALTER TABLE units DROP COLUMN code_key; ALTER TABLE buildings DROP COLUMN code_key; PRAGMA user_version = 5;');
    raw.close();
    env.restart();
    await env.signIn('admin', 'mgr');
    expect((await env.ok('units.list', { offset: 0, limit: 5 })).rows.map((u) => u.code)).toEqual(['1-1-902', '1-1-1001']);
    expect(fs.readdirSync(env.paths.backups).some((n) => n.endsWith('-pre-migration.db'))).toBe(true);
  });
});
