/** Unit and building codes sort naturally in every list (issue 7): 1-1-902 before 1-1-1001, 2-… after 1-10-…. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
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
    // A schema-5 file (before the keys), with units written as that build wrote them.
    const raw = open(path.join(dir, 'frontdesk.db'));
    migrate(raw, { target: 5 });
    const T = '2026-01-01T00:00:00.000Z';
    raw.prepare('INSERT INTO buildings (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('b1', '1', '1号楼', T, T);
    for (const [id, code] of [['u1', '1-1-1001'], ['u2', '1-1-902']]) {
      raw.prepare('INSERT INTO units (id, building_id, code, use, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, 'b1', code, 'residential', T, T);
    }
    raw.close();
    const env = testEnv({ dir });
    await env.init();
    expect((await env.ok('units.list', { offset: 0, limit: 5 })).rows.map((u) => u.code)).toEqual(['1-1-902', '1-1-1001']);
    expect(fs.readdirSync(env.paths.backups).some((n) => n.endsWith('-pre-migration.db'))).toBe(true);
  });
});
