import { describe, it, expect, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import type { ImportParty, ImportRow } from '../../shared/master/import-schema';
import type { OccupancyState, UnitUse } from '../../shared/master/enums';
import { generateSite } from '../../electron/services/demo/generate';
import {
  creditCodeCheckChar,
  isValidCreditCode,
  isValidResidentId,
  orgCodeCheckChar,
  residentIdCheckDigit,
} from '../../shared/master/id-number';
import { ROSTER_HEADERS, USE_LABELS, rowsToXlsx } from '../helpers/write-xlsx';

const TODAY = '2025-06-15';
const MOBILE = /^1[3-9]\d{9}$/;

function partiesOf(r: ImportRow): ImportParty[] {
  const out: ImportParty[] = [];
  if (r.owner) out.push(r.owner);
  if (r.tenant) out.push(r.tenant);
  if (r.coOwners) out.push(...r.coOwners);
  if (r.family) out.push(...r.family);
  return out;
}

function ageOn(birthday: string, today: string): number {
  const [by, bm, bd] = birthday.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function share(rows: ImportRow[], pred: (r: ImportRow) => boolean): number {
  return rows.filter(pred).length / rows.length;
}

describe('id-number', () => {
  it('computes the GB 11643 check digit', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('11010119900307803')).toBe('X');
    expect(residentIdCheckDigit('44030519880808123')).toMatch(/^[\dX]$/);
    expect(() => residentIdCheckDigit('1101051949123100')).toThrow();
  });

  it('accepts valid resident IDs', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(isValidResidentId('11010119900307803X')).toBe(true);
    const first17 = '44030519880808123';
    expect(isValidResidentId(first17 + residentIdCheckDigit(first17))).toBe(true);
  });

  it('rejects invalid resident IDs', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false); // wrong check digit
    expect(isValidResidentId('11010519491231002')).toBe(false); // 17 digits
    expect(isValidResidentId('11010519491231002XX')).toBe(false);
    expect(isValidResidentId('110105194902300028')).toBe(false); // 30 February
    expect(isValidResidentId('440524188001010014')).toBe(false); // before 1900
    expect(isValidResidentId('11010519491231002Y')).toBe(false);
    expect(isValidResidentId('')).toBe(false);
  });

  it('checks unified social credit codes (GB 32100)', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
    expect(isValidCreditCode('91350100m000100y43')).toBe(true); // case-insensitive
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false); // wrong check character
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false); // 17 characters
    expect(isValidCreditCode('91350100M0001O0Y43')).toBe(false); // O is not allowed
    expect(isValidCreditCode('9135A100M000100Y43')).toBe(false); // region must be digits
    const first17 = '91440300MA5FQWE1X';
    expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(true);
  });

  it('computes GB 11714 organisation-code check characters', () => {
    // The organisation codes inside 91110000600037341L and 91350100M000100Y43.
    expect(orgCodeCheckChar('60003734')).toBe('1');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });
});

describe('generateSite', () => {
  let big: ImportRow[] = [];
  let small: ImportRow[] = [];
  let bigMs = 0;

  beforeAll(() => {
    small = generateSite({ seed: 42, units: 2000, today: TODAY });
    generateSite({ seed: 1, units: 5000, today: TODAY }); // warm up the JIT before timing
    const t0 = performance.now();
    big = generateSite({ seed: 20250615, units: 50_000, today: TODAY });
    bigMs = performance.now() - t0;
  });

  // Speed is a budget for `npm run bench` (which seeds with this generator), not for a unit test on a shared machine.
  it('generates a 50,000-unit site with about two parties a unit', () => {
    const people = big.reduce((n, r) => n + partiesOf(r).length, 0);
    console.log(`generateSite: 50,000 units, ${people} parties in ${bigMs.toFixed(0)} ms`);
    expect(big.length).toBe(50_000);
    expect(people).toBeGreaterThan(80_000);
    expect(people).toBeLessThan(150_000);
  });

  it('is deterministic for a seed', () => {
    const again = generateSite({ seed: 42, units: 2000, today: TODAY });
    expect(again).toEqual(small);
    const other = generateSite({ seed: 43, units: 2000, today: TODAY });
    expect(other).not.toEqual(small);
    expect(other.map((r) => r.owner?.name ?? '').join()).not.toBe(small.map((r) => r.owner?.name ?? '').join());
  });

  it('produces exactly the requested number of units', () => {
    expect(small).toHaveLength(2000);
    expect(big).toHaveLength(50_000);
    for (const n of [0, 1, 7, 71, 72, 99, 100, 397, 400, 1234, 2001, 9999]) {
      expect(generateSite({ seed: n, units: n, today: TODAY })).toHaveLength(n);
    }
  });

  it('numbers lines like a spreadsheet with a header row', () => {
    expect(small[0].line).toBe(2);
    expect(small.every((r, i) => r.line === i + 2)).toBe(true);
  });

  it('gives every unit a unique, well-formed code', () => {
    const pattern: Record<UnitUse, RegExp> = {
      residential: /^\d+-[1-3]-\d{1,2}0[1-4]$/,
      office: /^A-\d{4}$/,
      business_apartment: /^B-\d{4}$/,
      shop: /^S-[12]\d{2}$/,
    };
    for (const rows of [small, big]) {
      expect(new Set(rows.map((r) => r.unitCode)).size).toBe(rows.length);
      const bad = rows.filter((r) => {
        if (!r.unitCode.startsWith(`${r.buildingCode}-`) || !pattern[r.use].test(r.unitCode)) return true;
        if (r.use === 'residential') {
          return r.buildingName !== `${r.buildingCode}栋` || !r.unitCode.endsWith(`-${r.floor}${r.unitCode.slice(-2)}`);
        }
        const floor = r.use === 'shop' ? Number(r.unitCode[2]) : Number(r.unitCode.slice(2, 4));
        return floor !== r.floor;
      });
      expect(bad).toEqual([]);
    }
  });

  it('mixes residential towers, an office tower, business apartments and street shops', () => {
    const buildings = new Map<string, string | null>();
    for (const r of small) buildings.set(r.buildingCode, r.buildingName);
    expect(buildings.get('A')).toBe('A座写字楼');
    expect(buildings.get('B')).toBe('B座商务公寓');
    expect(buildings.get('S')).toBe('商业街');
    const towers = [...buildings.keys()].filter((c) => /^\d+$/.test(c));
    expect(towers.length).toBeGreaterThanOrEqual(8);
    expect(towers.length).toBeLessThanOrEqual(12);
    const uses = new Set(small.map((r) => r.use));
    expect([...uses].sort()).toEqual(['business_apartment', 'office', 'residential', 'shop']);
    expect(share(small, (r) => r.use === 'residential')).toBeGreaterThan(0.75);

    const bigTowers = new Set(big.filter((r) => r.use === 'residential').map((r) => r.buildingCode));
    expect(bigTowers.size).toBeGreaterThan(150);
    expect(new Set(big.map((r) => r.use)).size).toBe(4);

    // Towers: 2–3 单元, 18–33 floors (tiny sites aside), 2–4 units a floor.
    const floors = new Map<string, Set<number>>();
    for (const r of small.filter((x) => x.use === 'residential')) {
      const key = r.buildingCode;
      if (!floors.has(key)) floors.set(key, new Set());
      floors.get(key)?.add(r.floor ?? -1);
      const [, entrance] = r.unitCode.split('-');
      expect(Number(entrance)).toBeGreaterThanOrEqual(1);
      expect(Number(entrance)).toBeLessThanOrEqual(3);
    }
    for (const set of floors.values()) {
      expect(set.size).toBeGreaterThanOrEqual(18);
      expect(set.size).toBeLessThanOrEqual(33);
    }
  });

  it('uses realistic areas with at most 2 decimals', () => {
    const range: Record<UnitUse, [number, number]> = {
      residential: [60, 180],
      office: [80, 600],
      business_apartment: [35, 60],
      shop: [30, 300],
    };
    const bad = big.filter((r) => {
      const a = r.areaM2 ?? -1;
      const [lo, hi] = range[r.use];
      return a < lo || a > hi || Math.abs(a * 100 - Math.round(a * 100)) > 1e-6;
    });
    expect(bad).toEqual([]);
  });

  it('has a realistic occupancy distribution', () => {
    for (const rows of [small, big]) {
      const s = (st: OccupancyState) => share(rows, (r) => r.state === st);
      expect(s('not_handed_over')).toBeGreaterThan(0.01);
      expect(s('not_handed_over')).toBeLessThan(0.06);
      expect(s('vacant')).toBeGreaterThan(0.08);
      expect(s('vacant')).toBeLessThan(0.17);
      expect(s('under_decoration')).toBeGreaterThan(0.02);
      expect(s('under_decoration')).toBeLessThan(0.07);
      expect(s('rented')).toBeGreaterThan(0.17);
      expect(s('rented')).toBeLessThan(0.3);
      const res = rows.filter((r) => r.use === 'residential');
      expect(share(res, (r) => r.state === 'owner_occupied')).toBeGreaterThan(0.5);
      expect(share(res, (r) => r.state === 'rented')).toBeGreaterThan(0.15);
      expect(share(res, (r) => r.state === 'rented')).toBeLessThan(0.25);
    }
    expect(big.filter((r) => (r.use === 'office' ? r.state === 'owner_occupied' : r.state === 'office_in_use'))).toEqual([]);
    const offices = big.filter((r) => r.use === 'office');
    expect(share(offices, (r) => r.state === 'office_in_use' || r.state === 'rented')).toBeGreaterThan(0.6);
    const shops = big.filter((r) => r.use === 'shop');
    expect(share(shops, (r) => r.state === 'rented' || r.state === 'owner_occupied')).toBeGreaterThan(0.7);
  });

  it('has an owner on every handed-over unit and none on not_handed_over units', () => {
    const bad = big.filter((r) =>
      r.state === 'not_handed_over'
        ? r.owner !== null || r.tenant !== null || r.coOwners !== undefined || r.family !== undefined
        : r.owner === null,
    );
    expect(bad).toEqual([]);
  });

  it('has tenants exactly on rented units, started within 3 years and not after today', () => {
    const earliest = addDaysIso(TODAY, -3 * 366);
    const bad = big.filter((r) => {
      if (r.state !== 'rented') return r.tenant !== null || r.tenancyStart !== null;
      const start = r.tenancyStart ?? '';
      return r.tenant === null || !/^\d{4}-\d{2}-\d{2}$/.test(start) || start > TODAY || start < earliest;
    });
    expect(bad).toEqual([]);
    const offices = big.filter((r) => r.use === 'office' && r.tenant);
    expect(share(offices, (r) => r.tenant?.kind === 'company')).toBeGreaterThan(0.4);
  });

  it('gives every resident ID a valid checksum matching the birthday', () => {
    let ids = 0;
    const bad: ImportParty[] = [];
    for (const r of big) {
      for (const p of partiesOf(r)) {
        if (p.kind !== 'person') continue;
        const birthday = p.birthday ?? '';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(birthday)) bad.push(p);
        else if (p.idNumber === null) {
          // Only minors go without an ID.
          if (p.idType !== null || ageOn(birthday, TODAY) >= 18) bad.push(p);
        } else {
          ids++;
          if (
            p.idType !== 'resident_id' ||
            !isValidResidentId(p.idNumber) ||
            p.idNumber.slice(6, 14) !== birthday.replace(/-/g, '') ||
            ageOn(birthday, TODAY) < 18
          )
            bad.push(p);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(ids).toBeGreaterThan(50_000);
  });

  it('gives owners ages 25–75', () => {
    const ages = big.filter((r) => r.owner?.kind === 'person').map((r) => ageOn(r.owner?.birthday ?? '', TODAY));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(25);
    expect(Math.max(...ages)).toBeLessThanOrEqual(75);
    const mean = ages.reduce((a, b) => a + b, 0) / ages.length;
    expect(mean).toBeGreaterThan(35);
    expect(mean).toBeLessThan(52);
  });

  it('gives companies a valid credit code and a contact person', () => {
    let companies = 0;
    const bad: ImportParty[] = [];
    for (const r of big) {
      for (const p of [r.owner, r.tenant]) {
        if (p?.kind !== 'company') continue;
        companies++;
        if (
          p.idType !== 'business_license' ||
          !isValidCreditCode(p.idNumber ?? '') ||
          !/^\p{Script=Han}{4,}有限公司$/u.test(p.name) ||
          !/^\p{Script=Han}{2,4}$/u.test(p.contactPerson ?? '') ||
          !MOBILE.test(p.phone ?? '')
        )
          bad.push(p);
      }
    }
    expect(bad).toEqual([]);
    expect(companies).toBeGreaterThan(100);
    expect(big.filter((r) => r.owner?.kind === 'company' && r.use === 'residential')).toEqual([]);
    const commercialOwners = big.filter((r) => (r.use === 'office' || r.use === 'shop') && r.owner);
    const companyShare = share(commercialOwners, (r) => r.owner?.kind === 'company');
    expect(companyShare).toBeGreaterThan(0.05);
    expect(companyShare).toBeLessThan(0.16);
  });

  it('uses valid mainland mobile numbers, unique per person', () => {
    const holder = new Map<string, string>(); // phone → name
    const bad: string[] = [];
    const see = (phone: string, name: string): void => {
      if (!MOBILE.test(phone)) bad.push(`${name} ${phone}: not a mobile number`);
      const prev = holder.get(phone);
      if (prev !== undefined && prev !== name) bad.push(`${phone}: ${prev} and ${name}`);
      holder.set(phone, name);
    };
    for (const r of big) {
      for (const p of partiesOf(r)) {
        if (p.phone !== null) see(p.phone, p.name);
        if (p.emergencyPhone) {
          if (!/^\p{Script=Han}{2,4}$/u.test(p.emergencyName ?? '')) bad.push(`emergency name ${p.emergencyName}`);
          see(p.emergencyPhone, p.emergencyName ?? '');
        }
      }
    }
    expect(bad).toEqual([]);
    const owners = big.filter((r) => r.owner?.kind === 'person');
    expect(share(owners, (r) => !!r.owner?.emergencyPhone)).toBeGreaterThan(0.75);
  });

  it('reuses the same party for ~3% of owners (investors with two units)', () => {
    const byId = new Map<string, ImportParty[]>();
    for (const r of big) {
      if (!r.owner?.idNumber) continue;
      const list = byId.get(r.owner.idNumber) ?? [];
      list.push(r.owner);
      byId.set(r.owner.idNumber, list);
    }
    const multi = [...byId.values()].filter((l) => l.length > 1);
    for (const l of multi) {
      expect(l).toHaveLength(2);
      expect(l[1]).toEqual(l[0]);
    }
    const rate = multi.length / byId.size;
    expect(rate).toBeGreaterThan(0.015);
    expect(rate).toBeLessThan(0.05);

    // Apart from those, an ID number always belongs to one person.
    const idOwner = new Map<string, string>();
    const clashes: string[] = [];
    for (const r of big) {
      for (const p of partiesOf(r)) {
        if (!p.idNumber) continue;
        const key = `${p.name}|${p.birthday ?? ''}|${p.phone ?? ''}`;
        const prev = idOwner.get(p.idNumber);
        if (prev !== undefined && prev !== key) clashes.push(`${p.idNumber}: ${prev} / ${key}`);
        idOwner.set(p.idNumber, key);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('adds co-owners to ~8% and family to ~60% of owner-occupied residential units', () => {
    const res = big.filter((r) => r.use === 'residential');
    const co = share(res, (r) => (r.coOwners?.length ?? 0) > 0);
    expect(co).toBeGreaterThan(0.05);
    expect(co).toBeLessThan(0.11);
    const occupied = res.filter((r) => r.state === 'owner_occupied');
    const fam = share(occupied, (r) => (r.family?.length ?? 0) > 0);
    expect(fam).toBeGreaterThan(0.5);
    expect(fam).toBeLessThan(0.7);
    const bad = big.filter(
      (r) =>
        (r.family &&
          (r.use !== 'residential' || r.state !== 'owner_occupied' || r.family.length < 1 || r.family.length > 3)) ||
        (r.coOwners && (r.owner?.kind !== 'person' || r.coOwners.length === 0)),
    );
    expect(bad).toEqual([]);
    // Some family members are children without a phone or ID.
    expect(big.some((r) => r.family?.some((p) => p.phone === null && p.idNumber === null))).toBe(true);
  });

  it('uses realistic, varied Chinese names', () => {
    const names: string[] = [];
    for (const r of big) for (const p of partiesOf(r)) if (p.kind === 'person') names.push(p.name);
    expect(names.filter((n) => !/^\p{Script=Han}{2,4}$/u.test(n))).toEqual([]);
    expect(new Set(names).size / names.length).toBeGreaterThan(0.7);
    const surnames = new Map<string, number>();
    for (const n of names) surnames.set(n[0], (surnames.get(n[0]) ?? 0) + 1);
    const top = [...surnames].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([s]) => s);
    expect(top.filter((s) => '王李张刘陈'.includes(s)).length).toBeGreaterThanOrEqual(4);
    expect(names.some((n) => /^(欧阳|司马|上官|诸葛|司徒|皇甫)/.test(n))).toBe(true);
  });
});

describe('rowsToXlsx', () => {
  it('writes a roster with a merged title, Chinese headers and text IDs/phones', async () => {
    const rows = generateSite({ seed: 5, units: 400, today: TODAY });
    const bytes = await rowsToXlsx(rows, { titleRow: '幸福里小区房屋信息表' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer); // a fresh, exactly-sized ArrayBuffer
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(rows.length + 2);
    expect(ws.model.merges).toEqual(['A1:M1']);
    expect(ws.getRow(1).getCell(1).value).toBe('幸福里小区房屋信息表');
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual([...ROSTER_HEADERS]);
    const i = rows.findIndex((r) => r.state === 'rented' && r.tenant?.kind === 'person');
    const r = rows[i];
    const x = ws.getRow(i + 3);
    expect(x.getCell(1).value).toBe(r.buildingName);
    expect(x.getCell(2).value).toBe(r.unitCode);
    expect(x.getCell(3).value).toBe(USE_LABELS[r.use]);
    expect(x.getCell(4).value).toBe(r.floor);
    expect(x.getCell(5).value).toBe(r.areaM2);
    expect(x.getCell(6).value).toBe('出租');
    expect(x.getCell(8).value).toBe(r.owner?.phone);
    expect(x.getCell(9).value).toBe(r.owner?.idNumber);
    expect(x.getCell(11).value).toBe(r.tenant?.phone);
    expect(x.getCell(12).value).toBe(r.tenant?.idNumber);
    expect(x.getCell(9).numFmt).toBe('@');
    expect((x.getCell(13).value as Date).toISOString().slice(0, 10)).toBe(r.tenancyStart);
  });

  it('writes 50,000 rows in a few seconds', async () => {
    const rows = generateSite({ seed: 9, units: 50_000, today: TODAY });
    const t0 = performance.now();
    const bytes = await rowsToXlsx(rows);
    const ms = performance.now() - t0;
    console.log(`rowsToXlsx: 50,000 rows, ${(bytes.byteLength / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
    expect(bytes[0]).toBe(0x50); // "PK": a zip container
    expect(bytes[1]).toBe(0x4b);
    expect(ms).toBeLessThan(10_000);
  });
});
