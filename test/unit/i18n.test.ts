import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from '../../shared/i18n/zh-CN';
import en from '../../shared/i18n/en';
import { ERROR_CODES } from '../../shared/kernel/errors';
import { ID_TYPES, OCCUPANCY_STATES, RELATIONS, ROLES, UNIT_USES } from '../../shared/master/enums';
import { BackupInfoSchema } from '../../shared/master/schema';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else flatten(v, key, out);
  }
  return out;
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]))].sort();

const zh = flatten(zhCN as Tree);
const enFlat = flatten(en as Tree);

describe('i18n messages', () => {
  it('are split the same way in every language: one file a workflow, with the same keys', () => {
    const dir = path.resolve(__dirname, '../../shared/i18n');
    const files = (lang: string) => fs.readdirSync(path.join(dir, lang)).filter((f) => f !== 'index.ts').sort();
    expect(files('en')).toEqual(files('zh-CN'));
    expect(files('en')).toEqual(['app.ts', 'callbacks.ts', 'dashboard.ts', 'decoration.ts', 'master.ts', 'move-in-forms.ts', 'move-in-lists.ts', 'move-in-print.ts', 'move-in-ui.ts', 'move-in.ts', 'occupancy-report.ts', 'repairs.ts', 'slips.ts']);
    for (const f of files('en')) {
      const top = (lang: string) => [...fs.readFileSync(path.join(dir, lang, f), 'utf8').matchAll(/^ {2}([A-Za-z]+): \{$/gm)].map((m) => m[1]).sort();
      expect(top('en'), f).toEqual(top('zh-CN'));
    }
  });

  it('zh-CN and en have exactly the same keys', () => {
    const zhKeys = Object.keys(zh).sort();
    const enKeys = Object.keys(enFlat).sort();
    expect(zhKeys.filter((k) => !(k in enFlat))).toEqual([]);
    expect(enKeys.filter((k) => !(k in zh))).toEqual([]);
  });

  it('every key has the same {{placeholders}} in both languages', () => {
    const diff = Object.keys(zh)
      .filter((k) => k in enFlat && placeholders(zh[k]).join() !== placeholders(enFlat[k]).join())
      .map((k) => `${k}: zh ${placeholders(zh[k]).join(',')} / en ${placeholders(enFlat[k]).join(',')}`);
    expect(diff).toEqual([]);
  });

  it('no message is empty and none uses single-brace placeholders', () => {
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(enFlat)]) {
      expect(v.trim(), k).not.toBe('');
      expect(/(^|[^{])\{[a-zA-Z_]+\}([^}]|$)/.test(v), `${k}: ${v}`).toBe(false);
    }
  });

  it('has a message for every error code, service error, validation key and enum value', () => {
    const required = [
      ...ERROR_CODES.map((c) => `error.${c}`),
      ...['badCredentials', 'accountLocked', 'lastManager', 'buildingHasUnits', 'importHasErrors', 'busyImporting', 'dbDamaged', 'dbTooNew', 'setupDone', 'backupNotFound', 'backupInvalid'].map((k) => `error.${k}`),
      ...[
        'required', 'invalidType', 'tooShort', 'tooLong', 'tooFewItems', 'tooManyItems', 'tooSmall', 'tooBig', 'invalidFormat', 'invalidChoice',
        'unknownField', 'invalid', 'controlChars', 'date', 'phone', 'code', 'twoDecimals', 'residentId', 'creditCode', 'documentNumber',
        'endBeforeStart', 'logoTooBig', 'logoFormat', 'passwordShort', 'passwordWeak', 'usernameFormat', 'usernameTaken', 'codeTaken',
        'notFound', 'notInFuture', 'companyRelationNeedsCompany', 'alreadyLinked', 'passwordMismatch',
      ].map((k) => `v.${k}`),
      ...[
        'unsupportedFormat', 'xlsNotSupported', 'unreadable', 'noHeader', 'missingColumns', 'empty', 'required', 'badPhone', 'badIdChecksum',
        'idMangledByExcel', 'badIdNumber', 'badUse', 'badState', 'badArea', 'badFloor', 'badDate', 'badText', 'tooLong', 'duplicateUnit', 'badName',
      ].map((k) => `import.error.${k}`),
      ...UNIT_USES.map((k) => `enum.use.${k}`),
      ...OCCUPANCY_STATES.map((k) => `enum.state.${k}`),
      ...RELATIONS.map((k) => `enum.relation.${k}`),
      ...ID_TYPES.map((k) => `enum.idType.${k}`),
      ...ROLES.map((k) => `enum.role.${k}`),
      ...BackupInfoSchema.shape.kind.options.map((k) => `enum.backupKind.${k}`),
    ];
    expect(required.filter((k) => !(k in zh))).toEqual([]);
    expect(placeholders(zh['error.accountLocked'])).toEqual(['until']);
    expect(placeholders(zh['error.buildingHasUnits'])).toEqual(['count']);
    expect(placeholders(zh['v.tooShort'])).toEqual(['min']);
    expect(placeholders(zh['v.tooLong'])).toEqual(['max']);
    expect(placeholders(zh['import.error.missingColumns'])).toEqual(['columns']);
    expect(placeholders(zh['import.error.badUse'])).toEqual(['value']);
    expect(placeholders(zh['import.error.badState'])).toEqual(['value']);
    expect(placeholders(zh['import.error.tooLong'])).toEqual(['max']);
    expect(placeholders(zh['import.error.duplicateUnit'])).toContain('firstLine');
  });

  it('has a label for every occupancy source a service writes (no raw key in the unit’s history)', () => {
    const dir = path.resolve(__dirname, '../../electron/workflows');
    const sources = new Set<string>();
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const f = path.join(d, e.name);
        if (e.isDirectory()) walk(f);
        else if (f.endsWith('.ts'))
          for (const m of fs.readFileSync(f, 'utf8').matchAll(/recordOccupancy\(([^;]*?)\);/g)) {
            // recordOccupancy(ctx, unitId, state, date, source, note): the source when it is written literally.
            const source = /^'([a-z-]+)'$/.exec(m[1].split(',').map((a) => a.trim())[4] ?? '');
            if (source) sources.add(source[1]);
          }
      }
    };
    walk(dir);
    // The import passes its source on: 'import', or 'demo' for the demo site.
    for (const k of ['import', 'demo']) sources.add(k);
    expect([...sources].sort()).toEqual(['decoration', 'demo', 'import', 'manual', 'slip']);
    expect([...sources].filter((k) => !(`occupancy.source.${k}` in zh) || !(`occupancy.source.${k}` in enFlat))).toEqual([]);
  });

  it('has every import error code the import parser can produce', () => {
    const dir = path.resolve(__dirname, '../../electron/workflows/master/import');
    expect(fs.existsSync(dir)).toBe(true);
    const codes = new Set<string>();
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/'(import\.error\.[A-Za-z]+)'/g)) codes.add(m[1]);
    }
    expect([...codes].filter((k) => !(k in zh))).toEqual([]);
  });

  it('has every key the renderer asks for by name', () => {
    const root = path.resolve(__dirname, '../../renderer/src');
    const missing: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) {
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_.-]+)'/g)) if (!(m[1] in zh)) missing.push(`${path.relative(root, p)}: ${m[1]}`);
        }
      }
    };
    walk(root);
    expect(missing).toEqual([]);
  });
});
