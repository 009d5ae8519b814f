/** Normalisation and validation of single cell values of an import file. */
import type { IdType, OccupancyState, UnitUse } from '../../../../shared/master/enums';

/** A cell as read from the file: the text the clerk sees, plus the typed value when the spreadsheet had one. */
export interface RawCell {
  text: string;
  /** Set when the cell held a number (Excel numeric cell). */
  num?: number;
  /** Set when the cell held a date (Excel date-formatted cell), as a UTC timestamp of the displayed date/time. */
  date?: Date;
  /** Set when the cell held a formula error such as "#N/A". */
  error?: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** Trims, drops zero-width characters and collapses whitespace (incl. full-width spaces and in-cell line breaks). */
export function collapse(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** A free-text value (name, contact person…): no control characters, at most `max` characters. */
export function checkText(text: string, max: number): Checked<string> {
  const value = collapse(text);
  if (CONTROL.test(value)) return { ok: false, code: 'import.error.badText' };
  if ([...value].length > max) return { ok: false, code: 'import.error.tooLong', params: { max } };
  return { ok: true, value };
}

/** Lower-cased NFKC text without spaces, dashes or underscores — for matching enumerated values. */
export function normalizeKeyword(text: string): string {
  return collapse(text).normalize('NFKC').toLowerCase().replace(/[\s_\-–—/]/g, '');
}

function table<T extends string>(entries: Array<[T, string[]]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const w of words) map.set(normalizeKeyword(w), value);
  return map;
}

const USES = table<UnitUse>([
  ['residential', ['住宅', '住家', '住房', '普通住宅', '住宅楼', 'residential', 'residence', 'home', 'house']],
  ['office', ['写字楼', '办公', '办公室', '办公楼', '写字间', 'office']],
  ['business_apartment', ['商务公寓', '公寓', '酒店式公寓', 'business apartment', 'business_apartment', 'apartment', 'serviced apartment']],
  ['shop', ['商铺', '商业', '底商', '门面', '门市', '店铺', '铺面', 'shop', 'retail', 'store', 'commercial']],
]);

const STATES = table<OccupancyState>([
  ['not_handed_over', ['未接房', '未交房', '未交付', '未收房', '未收楼', '未接收', 'not handed over', 'not_handed_over']],
  ['vacant', ['空置', '空房', '空置房', '空关', '闲置', 'vacant', 'empty']],
  ['under_decoration', ['装修', '装修中', '在装修', '装修期', 'under decoration', 'under_decoration', 'decorating', 'renovation']],
  ['owner_occupied', ['自住', '住家', '住家户', '业主自住', 'owner-occupied', 'owner occupied', 'owner_occupied']],
  ['office_in_use', ['办公', '办公户', '办公中', '自用办公', 'office in use', 'office_in_use']],
  ['rented', ['出租', '租户', '已出租', '已租', '租住', '出租户', 'rented', 'leased', 'let']],
]);

const ID_TYPES = table<IdType>([
  ['resident_id', ['身份证', '居民身份证', '二代身份证', '身份证号', '大陆身份证', 'resident id', 'id card', 'resident_id']],
  ['passport', ['护照', '外国护照', 'passport']],
  ['hk_macao_permit', ['港澳通行证', '回乡证', '港澳居民来往内地通行证', '港澳居民居住证', 'hk macao permit', 'hk_macao_permit']],
  ['taiwan_permit', ['台胞证', '台湾居民来往大陆通行证', '台湾居民居住证', 'taiwan permit', 'taiwan_permit']],
  ['business_license', ['营业执照', '统一社会信用代码', '社会信用代码', '信用代码', '组织机构代码', 'business license', 'business_license', 'uscc']],
  ['other', ['其他', '其它', 'other']],
]);

/** 用途: empty means residential. */
export function checkUse(text: string): Checked<UnitUse> {
  const k = normalizeKeyword(text);
  if (k === '') return { ok: true, value: 'residential' };
  const use = USES.get(k);
  return use ? { ok: true, value: use } : { ok: false, code: 'import.error.badUse', params: { value: collapse(text) } };
}

/** 房屋状态 / 房屋动态: empty means unknown (null). */
export function checkState(text: string): Checked<OccupancyState | null> {
  const k = normalizeKeyword(text);
  if (k === '') return { ok: true, value: null };
  const state = STATES.get(k);
  return state ? { ok: true, value: state } : { ok: false, code: 'import.error.badState', params: { value: collapse(text) } };
}

/** 证件类型: empty means "not said" (null). */
export function checkIdType(text: string): Checked<IdType | null> {
  const k = normalizeKeyword(text);
  if (k === '') return { ok: true, value: null };
  const t = ID_TYPES.get(k);
  return t ? { ok: true, value: t } : { ok: false, code: 'import.error.badIdType', params: { value: collapse(text) } };
}

/**
 * Phone numbers: mainland mobiles (1[3-9] + 9 digits), landlines with area code (0xx/0xxx + 7–8 digits),
 * 400/800 service numbers; optional +86 / 0086 / 86 prefix; spaces, dashes, dots and brackets ignored.
 * Normalised to digits only (landlines keep their leading 0).
 */
export function checkPhone(cell: RawCell): Checked<string | null> {
  const raw = cell.num !== undefined && Number.isInteger(cell.num) ? cell.num.toFixed(0) : cell.text;
  const shown = collapse(cell.text);
  let s = collapse(raw).normalize('NFKC').replace(/[\s\-–—.()]/g, '');
  if (s === '') return { ok: true, value: null };
  let international = false;
  if (s.startsWith('+')) {
    if (!s.startsWith('+86')) return { ok: false, code: 'import.error.badPhone', params: { value: shown } };
    s = s.slice(3);
    international = true;
  } else if (s.startsWith('0086')) {
    s = s.slice(4);
    international = true;
  } else if (/^861[3-9]\d{9}$/.test(s)) {
    s = s.slice(2);
  }
  if (!/^\d+$/.test(s)) return { ok: false, code: 'import.error.badPhone', params: { value: shown } };
  if (/^1[3-9]\d{9}$/.test(s)) return { ok: true, value: s };
  if (international && /^[1-9]\d{8,10}$/.test(s)) s = '0' + s; // +86 755 1234 5678 → 075512345678
  if (/^0[1-9]\d{8,10}$/.test(s)) return { ok: true, value: s };
  if (/^[48]00\d{7}$/.test(s)) return { ok: true, value: s };
  return { ok: false, code: 'import.error.badPhone', params: { value: shown } };
}

/**
 * Area in m²: strips units (㎡, m², m2, 平米, 平方米) and thousands separators; must be > 0 and < 100000
 * with at most two decimals (as the unit form accepts — a refused value would make the unit uneditable).
 * Trailing zeros ("88.800") and binary floating-point noise of numeric cells are tolerated.
 */
export function checkArea(cell: RawCell): Checked<number | null> {
  let n: number;
  if (cell.num !== undefined) {
    n = cell.num;
  } else {
    const s = collapse(cell.text)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s,]/g, '')
      .replace(/(m2|平方米|平米|平方|sqm)$/, '');
    if (s === '') return { ok: true, value: null };
    if (!/^\d+(\.\d+)?$/.test(s)) return { ok: false, code: 'import.error.badArea', params: { value: collapse(cell.text) } };
    n = Number(s);
  }
  const cents = Math.round(n * 100);
  if (!Number.isFinite(n) || n <= 0 || n >= 100000 || Math.abs(cents - n * 100) >= 1e-6) {
    return { ok: false, code: 'import.error.badArea', params: { value: collapse(cell.text) } };
  }
  return { ok: true, value: cents / 100 };
}

/** Floor: "15", "15层", "15F", "第15层", "-1", "B1", "负1", "地下1层" → integers. */
export function checkFloor(cell: RawCell): Checked<number | null> {
  const shown = collapse(cell.text);
  let n: number;
  if (cell.num !== undefined) {
    n = cell.num;
  } else {
    let s = shown.normalize('NFKC').toUpperCase().replace(/\s/g, '');
    if (s === '') return { ok: true, value: null };
    s = s.replace(/^第/, '').replace(/(层|楼|F)$/, '');
    let sign = 1;
    const neg = /^(-|B|负|地下)/.exec(s);
    if (neg) {
      sign = -1;
      s = s.slice(neg[0].length);
    }
    if (!/^\d{1,3}$/.test(s)) return { ok: false, code: 'import.error.badFloor', params: { value: shown } };
    n = sign * Number(s);
  }
  if (!Number.isInteger(n) || n < -20 || n > 300) return { ok: false, code: 'import.error.badFloor', params: { value: shown } };
  return { ok: true, value: n };
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The calendar date of a JS Date as exceljs returns it (the displayed date/time stored as UTC). */
export function dateToIso(date: Date): string | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  const rounded = new Date(t + 500); // absorb floating-point noise just below midnight
  return isoDate(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
}

/** Excel serial day number (1900 date system) → ISO date. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 73051) return null;
  const ms = Math.round((serial - 25569) * 86400000);
  return dateToIso(new Date(ms));
}

/** Dates: 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日, 20260105, Excel date cells and serial numbers. */
export function checkDate(cell: RawCell): Checked<string | null> {
  const shown = collapse(cell.text);
  const bad = { ok: false as const, code: 'import.error.badDate', params: { value: shown } };
  if (cell.date) {
    const iso = dateToIso(cell.date);
    return iso ? { ok: true, value: iso } : bad;
  }
  if (cell.num !== undefined) {
    const n = cell.num;
    if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) {
      const iso = isoDate(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
      return iso ? { ok: true, value: iso } : bad;
    }
    const iso = n >= 20000 ? serialToIso(Math.floor(n)) : null;
    return iso ? { ok: true, value: iso } : bad;
  }
  const s = shown.normalize('NFKC');
  if (s === '') return { ok: true, value: null };
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, value: iso } : bad;
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, value: iso } : bad;
  }
  // A serial number that lost its date format on the way through CSV (20000 ≈ 1954, 73050 ≈ 2099).
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const n = Number(s);
    if (n >= 20000 && n < 73051) {
      const iso = serialToIso(Math.floor(n));
      if (iso) return { ok: true, value: iso };
    }
  }
  return bad;
}

/** A date of birth: a date (as checkDate reads it) that is not in the future (the person form refuses one). */
export function checkBirthday(cell: RawCell, today: Date = new Date()): Checked<string | null> {
  const r = checkDate(cell);
  if (!r.ok || r.value === null) return r;
  const todayIso = isoDate(today.getFullYear(), today.getMonth() + 1, today.getDate());
  if (todayIso !== null && r.value > todayIso) return { ok: false, code: 'import.error.futureBirthday', params: { value: collapse(cell.text) } };
  return r;
}

/** Unit / building code text: half-width, no spaces, unified dashes, upper case. */
export function normalizeCode(text: string): string {
  return collapse(text)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―－_]/g, '-')
    .toUpperCase();
}

/** "3栋", "3号楼", "3幢", "A座", "3#", "第3栋" → "3" / "A"; anything else stays as written. */
export function normalizeBuilding(text: string): string {
  const s = normalizeCode(text);
  const m = /^第?([0-9A-Z]+(?:-[0-9A-Z]+)?)(?:号楼|号栋|号幢|栋|幢|座|楼|号|#)$/.exec(s);
  return m ? m[1] : s;
}

/** "2单元", "二单元"(kept), "2" → "2". */
export function normalizeUnitNo(text: string): string {
  const s = normalizeCode(text);
  const m = /^第?([0-9A-Z]+)(?:单元|号)$/.exec(s);
  return m ? m[1] : s;
}

/** "1502室", "1502号", "1502房" → "1502". */
export function normalizeRoom(text: string): string {
  const s = normalizeCode(text);
  const m = /^([0-9A-Z][0-9A-Z-]*)(?:室|号|房)$/.exec(s);
  return m ? m[1] : s;
}

/** A unit written as a Chinese address: "1栋2单元1502室", "A座1201", "2单元1502". */
export interface UnitAddress {
  building: string | null;
  unitNo: string | null;
  room: string;
}

const ADDRESS = /^(?:第?([0-9A-Z]+?)(?:号楼|号栋|号幢|栋|幢|座|#)-?)?(?:第?([0-9A-Z]+?)单元-?)?([0-9A-Z]+?)(?:室|号|房)?$/;

/** Splits a unit written as a Chinese address (input already passed through normalizeCode); null when it is not one. */
export function parseUnitAddress(code: string): UnitAddress | null {
  const m = ADDRESS.exec(code);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return { building: m[1] ?? null, unitNo: m[2] ?? null, room: m[3] };
}

const COMPANY = /公司|有限|集团|企业|中心|工作室|事务所|合伙|商行|银行|医院|学校|研究院|研究所|协会|委员会|合作社|\bco\.|\bco\b|\bltd\b|\binc\b|\bcorp\b|\bllc\b|\bgmbh\b/i;

/** Whether a party name looks like a company (公司, 有限, 集团, Co., Ltd, Inc…). */
export function looksLikeCompany(name: string): boolean {
  return COMPANY.test(name.normalize('NFKC'));
}

/** The text Excel shows for a number in a General-formatted cell (without the 11-digit scientific switch). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * The floor a room number implies, for files without a 楼层 value: the digits of the last part of the
 * unit code except the last two ("902" → 9, "1001" → 10, "1-1-902" → 9, "3-2-1502" → 15).
 * Only 3- and 4-digit room numbers: "S01", "B101" or "10101" (floor 101 or 10?) say nothing sure.
 */
export function floorFromRoom(unitCode: string): number | null {
  const room = unitCode.split('-').at(-1) ?? '';
  if (!/^\d{3,4}$/.test(room)) return null;
  const floor = Math.floor(Number(room) / 100);
  return floor >= 1 ? floor : null;
}

/** The date of birth held in a mainland resident ID (18 digits: YYYYMMDD at 7–14; 15 digits: YYMMDD, 19xx), or null. */
export function birthdayFromResidentId(id: string): string | null {
  const s = id.toUpperCase();
  if (/^\d{17}[\dX]$/.test(s)) return isoDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)));
  if (/^\d{15}$/.test(s)) return isoDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
  return null;
}
