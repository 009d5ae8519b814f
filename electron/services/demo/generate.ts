/**
 * Deterministic demo-site generator: a realistic mixed-use Chinese residential/commercial site, returned as
 * ImportRow[] (one per unit) so the demo is seeded through the same path as a real roster import.
 *
 * Layout for `units` ≈ 2,000: ~9 residential towers ("1栋".., 2–3 单元, 18–33 floors, 2–4 units a floor,
 * codes like `3-2-1502`), an office tower ("A座写字楼", `A-1203`), a business-apartment building
 * ("B座商务公寓", `B-0815`) and street shops ("商业街", `S-101`). Larger sites get more towers; the unit count
 * is always exactly `units`.
 */
import type { ImportParty, ImportRow } from '../../../shared/master/import-schema';
import type { OccupancyState, UnitUse } from '../../../shared/master/enums';
import { CREDIT_CHARS, creditCodeCheckChar, orgCodeCheckChar, residentIdCheckDigit } from '../../../shared/master/id-number';

export interface DemoOptions {
  seed: number;
  units: number;
  /** YYYY-MM-DD */
  today: string;
}

// ---------------------------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast, good enough for demo data (and the bench's query sample). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    // Mix the seed so that nearby seeds (1, 2, 3…) start far apart.
    this.next = mulberry32(Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b));
  }
  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)];
  }
  /** Roughly normal (Irwin–Hall of 4), clamped and rounded. */
  normalInt(mean: number, sd: number, min: number, max: number): number {
    const z = (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508;
    return Math.min(max, Math.max(min, Math.round(mean + z * sd)));
  }
  /** Uniform in [min, max], rounded to 2 decimals. */
  area(min: number, max: number): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }
}

/** Weighted choice with a precomputed cumulative table (binary search). */
class Weighted<T> {
  private readonly items: T[];
  private readonly cum: number[];
  private readonly total: number;
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map((e) => e[0]);
    this.cum = [];
    let s = 0;
    for (const [, w] of entries) {
      s += w;
      this.cum.push(s);
    }
    this.total = s;
  }
  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reference data

/** Surnames with approximate frequency (per mille of the population), most common first. */
const SURNAMES = new Weighted<string>([
  ['王', 71], ['李', 70], ['张', 64], ['刘', 53], ['陈', 46], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 18],
  ['周', 17], ['徐', 13], ['孙', 13], ['马', 12], ['朱', 12], ['胡', 11], ['郭', 11], ['何', 11], ['林', 10],
  ['高', 10], ['罗', 9], ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 6], ['冯', 6],
  ['邓', 6], ['曹', 6], ['彭', 6], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5],
  ['蒋', 5], ['蔡', 5], ['余', 5], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4],
  ['任', 4], ['沈', 4], ['姚', 4], ['卢', 4], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3],
  ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3],
  ['邹', 3], ['孟', 3], ['熊', 3], ['秦', 3], ['邱', 3], ['江', 3], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2],
  ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2],
  ['龚', 2], ['邵', 2], ['万', 2], ['钱', 2], ['严', 2], ['覃', 2], ['武', 2], ['戴', 2], ['莫', 2], ['孔', 2],
  ['向', 1], ['汤', 1], ['常', 1], ['温', 1], ['康', 1], ['施', 1], ['文', 1], ['牛', 1], ['樊', 1], ['葛', 1],
  ['邢', 1], ['安', 1], ['齐', 1], ['易', 1], ['乔', 1], ['伍', 1], ['庞', 1], ['颜', 1], ['倪', 1], ['庄', 1],
  ['聂', 1], ['章', 1], ['鲁', 1], ['岳', 1], ['翟', 1], ['殷', 1], ['詹', 1], ['申', 1], ['耿', 1], ['关', 1],
  ['兰', 1], ['焦', 1], ['俞', 1], ['左', 1], ['柳', 1], ['甘', 1], ['祝', 1], ['包', 1], ['宁', 1], ['尚', 1],
  ['符', 1], ['舒', 1], ['阮', 1], ['柯', 1], ['纪', 1], ['梅', 1], ['童', 1], ['凌', 1], ['毕', 1], ['单', 1],
  ['季', 1], ['裴', 1], ['霍', 1], ['涂', 1], ['成', 1], ['苗', 1], ['谷', 1], ['盛', 1], ['曲', 1], ['翁', 1],
  ['冉', 1], ['骆', 1], ['蓝', 1], ['路', 1], ['游', 1], ['辛', 1], ['靳', 1], ['管', 1], ['柴', 1], ['蒙', 1],
  ['鲍', 1], ['华', 1], ['喻', 1], ['祁', 1], ['蒲', 1], ['房', 1], ['滕', 1], ['屈', 1], ['饶', 1], ['解', 1],
  ['牟', 1], ['艾', 1], ['尤', 1], ['阳', 1], ['时', 1], ['穆', 1], ['农', 1], ['司', 1], ['卓', 1], ['古', 1],
  ['吉', 1], ['缪', 1], ['简', 1], ['车', 1], ['项', 1], ['连', 1], ['芦', 1], ['麦', 1], ['褚', 1], ['娄', 1],
  ['窦', 1], ['戚', 1], ['岑', 1], ['景', 1], ['党', 1], ['宫', 1], ['费', 1], ['卜', 1], ['冷', 1], ['晏', 1],
  ['席', 1], ['卫', 1], ['米', 1], ['柏', 1], ['宗', 1], ['瞿', 1], ['桂', 1], ['全', 1], ['佟', 1], ['应', 1],
  ['臧', 1], ['闵', 1], ['苟', 1], ['邬', 1], ['边', 1], ['卞', 1], ['姬', 1], ['师', 1], ['仇', 1], ['栾', 1],
  ['隋', 1], ['商', 1], ['刁', 1], ['沙', 1], ['荣', 1], ['巫', 1], ['寇', 1], ['桑', 1], ['郎', 1], ['甄', 1],
  ['丛', 1], ['仲', 1], ['虞', 1], ['敖', 1], ['巩', 1], ['明', 1], ['佘', 1], ['池', 1], ['查', 1], ['麻', 1],
  ['苑', 1], ['迟', 1], ['邝', 1], ['欧', 0.5],
  ['欧阳', 0.6], ['司马', 0.08], ['上官', 0.08], ['诸葛', 0.06], ['司徒', 0.15], ['东方', 0.05], ['皇甫', 0.06],
  ['令狐', 0.03], ['慕容', 0.03], ['夏侯', 0.03], ['公孙', 0.03], ['端木', 0.02], ['尉迟', 0.02], ['长孙', 0.02],
]);

type Gender = 'M' | 'F';

/** Given-name characters by gender and generation (older names like 建国/秀英, younger like 子轩/梓涵). */
const GIVEN = {
  M: {
    single: [...'伟强磊军勇杰涛明超辉刚平鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳亮成峰毅昊诚彬东坤锋晨睿勋骏'],
    classic1: [...'建国志文永德学明海春振庆金立红长卫新玉光家宝忠兴富福荣万正世俊少继'],
    classic2: [...'国华军民平明强林伟东生成杰良斌刚勇辉峰荣福忠祥山才发贵彬利武江义全财'],
    modern1: [...'子浩宇俊梓博一嘉皓晨天思睿泽明逸星奕锦铭景承宏志家文昊航鹏晓振俊君修立'],
    modern2: [...'轩然宇泽豪杰睿辰航哲阳博铭涛凯宁远楠彬翔瀚恒熙森琛骁晨昊宸鑫林伟川霖栋毅诚'],
  },
  F: {
    single: [...'芳娜敏静丽艳娟霞燕萍红梅婷雪琳慧倩颖洁欣佳怡琪璐晶妍蕾蓉薇悦雯莉丹琴璇'],
    classic1: [...'秀桂玉丽春凤淑美红金翠彩素月海秋小晓爱慧兰志冬雪亚'],
    classic2: [...'英兰珍芳华梅琴云凤霞莲娟萍玲红荣芬香清燕敏霞娥莉琼仙花'],
    modern1: [...'子梓欣雨诗思佳可紫梦语若一晓安婉静雅嘉心怡依昕文美韵沐书佩舒'],
    modern2: [...'涵萱怡彤琪妍然菲琳婷悦雯瑶璐宁馨诺曦颖晴蕊倩洁薇欣月琳茜蓓岚媛萌楠'],
  },
} as const;

/** Real district/county codes (the first 6 digits of a resident ID), a few weighted towards big cities. */
const REGION_CODES = [
  '110101', '110102', '110105', '110105', '110108', '110108', '120101', '120104', '130102', '130104', '140105',
  '150102', '210102', '210202', '220102', '230103', '310101', '310104', '310104', '310105', '310115', '310115',
  '320102', '320106', '320583', '330102', '330106', '330106', '330203', '340104', '350203', '350102', '360102',
  '370102', '370202', '370202', '410105', '420102', '420106', '420106', '430103', '430104', '440103', '440104',
  '440106', '440106', '440303', '440304', '440305', '440305', '440306', '440604', '441302', '441900', '442000',
  '445102', '450103', '460106', '500103', '500112', '510104', '510107', '510107', '520102', '530102', '610103',
  '610113', '610113', '620102', '630104', '640104', '650102', '431102', '360702', '411302', '421002', '513401',
] as const;

/** Mainland mobile prefixes (China Mobile / Unicom / Telecom / virtual), common ones repeated. */
const MOBILE_PREFIXES = [
  '138', '138', '139', '139', '137', '136', '135', '134', '150', '150', '151', '152', '157', '158', '159', '182',
  '183', '187', '188', '147', '178', '198', '130', '131', '132', '155', '156', '185', '186', '186', '176', '166',
  '145', '175', '133', '153', '180', '181', '189', '189', '177', '173', '199', '191', '170', '171',
] as const;

/** Company prefixes: [city as written in the name, district codes for the credit code]. */
const COMPANY_CITIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['深圳市', ['440303', '440304', '440305', '440306']],
  ['深圳市', ['440304', '440305']],
  ['广州', ['440103', '440104', '440106']],
  ['广州市', ['440106', '440111']],
  ['上海', ['310101', '310104', '310115']],
  ['北京', ['110105', '110108']],
  ['杭州', ['330106', '330108']],
  ['南京', ['320102', '320106']],
  ['成都', ['510104', '510107']],
  ['武汉', ['420102', '420106']],
  ['东莞市', ['441900']],
  ['佛山市', ['440604', '440606']],
  ['苏州', ['320505', '320508']],
  ['厦门', ['350203', '350206']],
  ['西安', ['610113', '610103']],
  ['长沙', ['430103', '430104']],
];

const BRAND_CHARS = [...'华信恒达盛鑫宏远嘉泰瑞通博创源海金隆安德丰汇中天宇新兴美卓越诚和合润捷锦辉鼎优佳力聚恒益腾凯明诺晟'];

const OFFICE_INDUSTRIES = [
  '科技', '信息技术', '网络科技', '贸易', '实业', '投资', '企业管理咨询', '文化传媒', '广告', '电子商务',
  '供应链管理', '人力资源', '教育咨询', '医疗器械', '建筑工程', '物流', '财务咨询', '软件',
] as const;
const SHOP_INDUSTRIES = [
  '餐饮管理', '商贸', '便利店', '超市', '美容美发', '大药房', '烘焙食品', '教育咨询', '服饰', '通讯器材', '餐饮',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoOfMs(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function parseToday(today: string): { y: number; m: number; d: number; ms: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!match) throw new Error(`generateSite: today must be YYYY-MM-DD, got "${today}"`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const ms = Date.UTC(y, m - 1, d);
  if (isoOfMs(ms) !== today) throw new Error(`generateSite: invalid date "${today}"`);
  return { y, m, d, ms };
}

// ---------------------------------------------------------------------------------------------------------------
// Site plan

interface UnitSlot {
  buildingCode: string;
  buildingName: string;
  unitCode: string;
  use: UnitUse;
  floor: number;
  areaM2: number;
}

/** Residential tower capacity bounds: 2×2×18 … 3×4×33. */
const TOWER_MIN = 72;
const TOWER_MAX = 396;

interface TowerShape {
  entrances: number;
  perFloor: number;
  floors: number;
}

function randomTower(rng: Rng): TowerShape {
  return { entrances: rng.chance(0.55) ? 2 : 3, perFloor: rng.pick([2, 2, 3, 4, 4] as const), floors: rng.int(18, 33) };
}

const cap = (t: TowerShape): number => t.entrances * t.perFloor * t.floors;

/** The tower shape with the largest capacity ≤ r (r in [TOWER_MIN, TOWER_MAX]); ties broken at random. */
function bestFitTower(rng: Rng, r: number): TowerShape {
  let best: TowerShape[] = [];
  let bestCap = -1;
  for (let e = 2; e <= 3; e++)
    for (let p = 2; p <= 4; p++)
      for (let f = 18; f <= 33; f++) {
        const c = e * p * f;
        if (c > r || c < bestCap) continue;
        if (c > bestCap) {
          bestCap = c;
          best = [];
        }
        best.push({ entrances: e, perFloor: p, floors: f });
      }
  return rng.pick(best);
}

/** Typical residential layouts (m²): 小两房 … 大平层. */
const RES_LAYOUTS = new Weighted<readonly [number, number]>([
  [[60, 75], 10],
  [[75, 95], 30],
  [[95, 130], 38],
  [[130, 150], 15],
  [[150, 180], 7],
]);

/** Adds one residential building. `limit` < full capacity trims the last floors (only for tiny sites). */
function addTower(rng: Rng, out: UnitSlot[], code: string, t: TowerShape, limit = Infinity): void {
  const name = `${code}栋`;
  const startFloor = rng.chance(0.25) ? 2 : 1; // some towers have a 架空层 on the ground floor
  let left = limit;
  for (let e = 1; e <= t.entrances; e++) {
    // The same position has the same layout on every floor; end units are often mirrored.
    const areas: number[] = [];
    for (let p = 0; p < t.perFloor; p++) {
      const [lo, hi] = RES_LAYOUTS.pick(rng);
      areas.push(rng.area(lo, hi));
    }
    if (t.perFloor >= 3 && rng.chance(0.5)) areas[t.perFloor - 1] = areas[0];
    for (let f = startFloor; f < startFloor + t.floors; f++) {
      for (let p = 1; p <= t.perFloor; p++) {
        if (left <= 0) return;
        left--;
        out.push({
          buildingCode: code,
          buildingName: name,
          unitCode: `${code}-${e}-${f}${pad2(p)}`,
          use: 'residential',
          floor: f,
          areaM2: areas[p - 1],
        });
      }
    }
  }
}

/** A commercial building with `count` units, `perFloor` a floor from `startFloor` up; codes like A-1203. */
function addCommercial(
  rng: Rng,
  out: UnitSlot[],
  code: string,
  name: string,
  use: UnitUse,
  count: number,
  perFloor: number,
  startFloor: number,
  areaOf: (pos: number) => number,
): void {
  const areas: number[] = [];
  for (let p = 0; p < perFloor; p++) areas.push(areaOf(p));
  let made = 0;
  for (let f = startFloor; made < count; f++) {
    // Every few floors a tenant split or merged units differently.
    const reshuffle = rng.chance(0.15);
    for (let p = 1; p <= perFloor && made < count; p++, made++) {
      out.push({
        buildingCode: code,
        buildingName: name,
        unitCode: `${code}-${pad2(f)}${pad2(p)}`,
        use,
        floor: f,
        areaM2: reshuffle ? areaOf(p - 1) : areas[p - 1],
      });
    }
  }
}

function planSite(rng: Rng, n: number): UnitSlot[] {
  const slots: UnitSlot[] = [];
  const office = n >= 400 ? Math.min(600, Math.max(60, Math.round(n * 0.07))) : 0;
  const apartments = n >= 400 ? Math.min(700, Math.max(40, Math.round(n * 0.05))) : 0;
  const shopsTarget = n >= 100 ? Math.min(170, Math.max(8, Math.round(n * 0.03))) : 0;

  // Residential towers. Every tower but the last is random and leaves room for at least one more; the last is
  // the best fit for what remains, and the few units it cannot take (≤ 11) go to the shops.
  const residential = n - office - apartments - shopsTarget;
  let r = residential;
  let towerNo = 0;
  if (r > 0 && r < TOWER_MIN) {
    // Tiny site: one low-rise building holding exactly r units.
    const perFloor = r > 48 ? 4 : r > 24 ? 3 : 2;
    addTower(rng, slots, '1', { entrances: 1, perFloor, floors: Math.ceil(r / perFloor) }, r);
    r = 0;
  }
  while (r >= TOWER_MIN) {
    towerNo++;
    let t: TowerShape;
    if (r <= TOWER_MAX) {
      t = bestFitTower(rng, r);
    } else {
      t = randomTower(rng);
      for (let tries = 0; tries < 20 && cap(t) > r - TOWER_MIN; tries++) t = randomTower(rng);
      if (cap(t) > r - TOWER_MIN) t = bestFitTower(rng, Math.min(r - TOWER_MIN, TOWER_MAX));
    }
    addTower(rng, slots, String(towerNo), t);
    r -= cap(t);
  }

  if (office > 0) {
    const perFloor = Math.max(rng.int(6, 12), Math.ceil(office / 40));
    const big = rng.chance(0.3);
    addCommercial(rng, slots, 'A', 'A座写字楼', 'office', office, perFloor, 3, () =>
      rng.chance(0.12) ? rng.area(300, 600) : rng.area(80, big ? 320 : 240),
    );
  }
  if (apartments > 0) {
    const perFloor = Math.max(rng.int(12, 20), Math.ceil(apartments / 33));
    addCommercial(rng, slots, 'B', 'B座商务公寓', 'business_apartment', apartments, perFloor, 2, () => rng.area(35, 60));
  }

  const shops = n - slots.length;
  const ground = Math.min(99, Math.ceil(shops * 0.62));
  for (let i = 0; i < shops; i++) {
    const floor = i < ground ? 1 : 2;
    const no = i < ground ? i + 1 : i - ground + 1;
    const x = rng.next();
    slots.push({
      buildingCode: 'S',
      buildingName: '商业街',
      unitCode: `S-${floor}${pad2(no)}`,
      use: 'shop',
      floor,
      areaM2: Math.round((30 + 270 * x * x) * 100) / 100,
    });
  }
  return slots;
}

// ---------------------------------------------------------------------------------------------------------------
// Occupancy

const STATES: Record<UnitUse, Weighted<OccupancyState>> = {
  residential: new Weighted<OccupancyState>([
    ['not_handed_over', 3], ['vacant', 12], ['under_decoration', 4], ['owner_occupied', 61], ['rented', 20],
  ]),
  office: new Weighted<OccupancyState>([
    ['not_handed_over', 3], ['vacant', 15], ['under_decoration', 3], ['office_in_use', 37], ['rented', 42],
  ]),
  business_apartment: new Weighted<OccupancyState>([
    ['not_handed_over', 3], ['vacant', 12], ['under_decoration', 3], ['owner_occupied', 27], ['rented', 55],
  ]),
  shop: new Weighted<OccupancyState>([
    ['not_handed_over', 2], ['vacant', 8], ['under_decoration', 4], ['owner_occupied', 26], ['rented', 60],
  ]),
};

// ---------------------------------------------------------------------------------------------------------------
// People and companies

interface Person {
  party: ImportParty;
  surname: string;
  gender: Gender;
  age: number;
}

interface PersonOpts {
  surname?: string;
  phone?: boolean;
  id?: boolean;
  emergency?: boolean;
}

class People {
  private readonly phones = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly companies = new Set<string>();
  private readonly creditCodes = new Set<string>();
  private readonly todayY: number;
  private readonly todayM: number;
  private readonly todayD: number;

  constructor(
    private readonly rng: Rng,
    today: { y: number; m: number; d: number },
  ) {
    this.todayY = today.y;
    this.todayM = today.m;
    this.todayD = today.d;
  }

  phone(): string {
    const rng = this.rng;
    for (;;) {
      const tail = String(Math.floor(rng.next() * 1e8)).padStart(8, '0');
      const p = rng.pick(MOBILE_PREFIXES) + tail;
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }

  givenName(gender: Gender, birthYear: number): string {
    const rng = this.rng;
    const g = GIVEN[gender];
    const singleP = birthYear < 1990 ? 0.2 : 0.1;
    if (rng.chance(singleP)) return rng.pick(g.single);
    const modernP = birthYear < 1965 ? 0.1 : birthYear < 1980 ? 0.35 : birthYear < 1990 ? 0.65 : 0.9;
    const modern = rng.chance(modernP);
    const first = rng.pick(modern ? g.modern1 : g.classic1);
    let second = rng.pick(modern ? g.modern2 : g.classic2);
    while (second === first) second = rng.pick(modern ? g.modern2 : g.classic2);
    return first + second;
  }

  randomName(): string {
    const rng = this.rng;
    const gender: Gender = rng.chance(0.5) ? 'M' : 'F';
    return SURNAMES.pick(rng) + this.givenName(gender, this.todayY - rng.int(25, 70));
  }

  private residentId(birth: string, gender: Gender): string {
    const rng = this.rng;
    const ymd = birth.slice(0, 4) + birth.slice(5, 7) + birth.slice(8, 10);
    for (;;) {
      const seq = rng.int(0, 499) * 2 + (gender === 'M' ? 1 : 0); // 17th digit: odd for men, even for women
      const first17 = rng.pick(REGION_CODES) + ymd + String(seq).padStart(3, '0');
      const id = first17 + residentIdCheckDigit(first17);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  person(gender: Gender, age: number, opts: PersonOpts = {}): Person {
    const rng = this.rng;
    // A birthday giving exactly `age` today: 1–364 days before today's date `age` years ago.
    const birthMs = Date.UTC(this.todayY - age, this.todayM - 1, this.todayD) - rng.int(1, 364) * DAY_MS;
    const birthday = isoOfMs(birthMs);
    const surname = opts.surname ?? SURNAMES.pick(rng);
    const name = surname + this.givenName(gender, Number(birthday.slice(0, 4)));
    const withId = (opts.id ?? true) && age >= 18;
    const idNumber = withId ? this.residentId(birthday, gender) : null;
    const phone = (opts.phone ?? true) ? this.phone() : null;
    let emergencyName: string | null = null;
    let emergencyPhone: string | null = null;
    if (opts.emergency) {
      emergencyName = this.randomName();
      emergencyPhone = this.phone();
    }
    return {
      party: {
        name,
        kind: 'person',
        phone,
        idType: withId ? 'resident_id' : null,
        idNumber,
        contactPerson: null,
        birthday,
        emergencyName,
        emergencyPhone,
      },
      surname,
      gender,
      age,
    };
  }

  private creditCode(districts: readonly string[]): string {
    const rng = this.rng;
    for (;;) {
      let body: string;
      if (rng.chance(0.6)) {
        // Codes issued since 2015: MA + 6 characters.
        body = 'MA';
        for (let i = 0; i < 6; i++) body += CREDIT_CHARS[rng.int(0, i < 2 ? 9 : CREDIT_CHARS.length - 1)];
      } else {
        body = String(rng.int(10_000_000, 99_999_999)); // a legacy organisation code
      }
      const first17 = '91' + rng.pick(districts) + body + orgCodeCheckChar(body);
      const code = first17 + creditCodeCheckChar(first17);
      if (!this.creditCodes.has(code)) {
        this.creditCodes.add(code);
        return code;
      }
    }
  }

  company(industries: readonly string[]): ImportParty {
    const rng = this.rng;
    for (;;) {
      const [city, districts] = rng.pick(COMPANY_CITIES);
      let brand = rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS);
      while (brand[0] === brand[1]) brand = rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS);
      const name = `${city}${brand}${rng.pick(industries)}有限公司`;
      if (this.companies.has(name)) continue;
      this.companies.add(name);
      return {
        name,
        kind: 'company',
        phone: this.phone(), // the contact person's mobile
        idType: 'business_license',
        idNumber: this.creditCode(districts),
        contactPerson: this.randomName(),
        birthday: null,
        emergencyName: null,
        emergencyPhone: null,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Generator

const INVESTOR_STATES: ReadonlySet<OccupancyState> = new Set(['rented', 'vacant', 'under_decoration']);

function pickFromPool(rng: Rng, pool: ImportParty[]): ImportParty {
  const i = rng.int(0, pool.length - 1);
  const p = pool[i];
  pool[i] = pool[pool.length - 1];
  pool.pop();
  return p;
}

export function generateSite(opts: DemoOptions): ImportRow[] {
  const n = Math.floor(opts.units);
  if (!(n >= 0)) throw new Error(`generateSite: units must be ≥ 0, got ${opts.units}`);
  const today = parseToday(opts.today);
  const rng = new Rng(opts.seed);
  const people = new People(rng, today);
  const slots = planSite(rng, n);

  // Owners who may buy a second unit (an investor); each is reused at most once.
  const personPool: ImportParty[] = [];
  const companyPool: ImportParty[] = [];

  const rows: ImportRow[] = new Array<ImportRow>(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    const state = STATES[s.use].pick(rng);
    let owner: ImportParty | null = null;
    let tenant: ImportParty | null = null;
    let tenancyStart: string | null = null;
    const coOwners: ImportParty[] = [];
    const family: ImportParty[] = [];

    if (state !== 'not_handed_over') {
      const companyOwner =
        (s.use === 'office' || s.use === 'shop') ? rng.chance(0.1) : s.use === 'business_apartment' ? rng.chance(0.03) : false;
      const pool = companyOwner ? companyPool : personPool;
      if (INVESTOR_STATES.has(state) && pool.length > 0 && rng.chance(0.08)) {
        owner = { ...pickFromPool(rng, pool) };
      } else if (companyOwner) {
        owner = people.company(s.use === 'shop' ? SHOP_INDUSTRIES : OFFICE_INDUSTRIES);
        companyPool.push(owner);
      } else {
        const gender: Gender = rng.chance(0.52) ? 'M' : 'F';
        const age = rng.normalInt(44, 10, 25, 75);
        const o = people.person(gender, age);
        owner = o.party;
        personPool.push(owner);

        let spouse: Person | null = null;
        const married = age >= 27 && rng.chance(0.85);
        const spouseAge = (): number =>
          Math.min(80, Math.max(22, gender === 'M' ? age - rng.int(-1, 5) : age + rng.int(-1, 5)));
        const spouseGender: Gender = gender === 'M' ? 'F' : 'M';

        if (s.use === 'residential' && rng.chance(0.085)) {
          if (married && rng.chance(0.8)) {
            spouse = people.person(spouseGender, spouseAge());
            coOwners.push(spouse.party);
          } else {
            // A sibling or parent on the deed.
            const sibling = age > 50 || rng.chance(0.6);
            const a = sibling ? Math.min(75, Math.max(22, age + rng.int(-6, 6))) : Math.min(88, age + rng.int(24, 32));
            coOwners.push(people.person(rng.chance(0.5) ? 'M' : 'F', a, { surname: o.surname }).party);
          }
        }

        if (s.use === 'residential' && state === 'owner_occupied' && rng.chance(0.6)) {
          const members: ImportParty[] = [];
          if (!spouse && married && rng.chance(0.8)) {
            spouse = people.person(spouseGender, spouseAge(), { phone: rng.chance(0.95) });
            members.push(spouse.party);
          }
          const fatherSurname = gender === 'M' ? o.surname : spouse ? spouse.surname : SURNAMES.pick(rng);
          const youngerParent = spouse ? Math.min(age, spouse.age) : age;
          const kids = youngerParent >= 25 ? rng.pick([0, 1, 1, 1, 2, 2] as const) : 0;
          for (let k = 0; k < kids && members.length < 3; k++) {
            const childAge = youngerParent - rng.int(23, 34);
            if (childAge < 0) continue;
            const phone = childAge >= 18 ? rng.chance(0.9) : childAge >= 12 ? rng.chance(0.5) : false;
            const surname = rng.chance(0.92) ? fatherSurname : (gender === 'F' ? o.surname : spouse?.surname) ?? fatherSurname;
            members.push(people.person(rng.chance(0.51) ? 'M' : 'F', childAge, { surname, phone }).party);
          }
          if (members.length < 3 && age <= 55 && (members.length === 0 || rng.chance(0.25))) {
            // A parent living with them (often to look after the grandchildren).
            const father = rng.chance(0.4);
            const pAge = Math.min(92, age + rng.int(23, 33));
            const surname = father ? o.surname : SURNAMES.pick(rng);
            members.push(people.person(father ? 'M' : 'F', pAge, { surname, phone: rng.chance(0.75) }).party);
          }
          if (members.length === 0) {
            members.push(people.person(spouseGender, spouseAge()).party);
          }
          family.push(...members.slice(0, 3));
        }

        // Emergency contact: the spouse when there is one with a phone, otherwise someone else.
        if (rng.chance(0.88)) {
          if (spouse && spouse.party.phone) {
            owner.emergencyName = spouse.party.name;
            owner.emergencyPhone = spouse.party.phone;
          } else {
            owner.emergencyName = people.randomName();
            owner.emergencyPhone = people.phone();
          }
        }
      }
    }

    if (state === 'rented') {
      const companyTenant =
        s.use === 'office' ? rng.chance(0.65) : s.use === 'shop' ? rng.chance(0.35) : s.use === 'business_apartment' ? rng.chance(0.05) : false;
      tenant = companyTenant
        ? people.company(s.use === 'shop' ? SHOP_INDUSTRIES : OFFICE_INDUSTRIES)
        : people.person(rng.chance(0.55) ? 'M' : 'F', rng.normalInt(33, 8, 20, 65), { emergency: rng.chance(0.8) }).party;
      tenancyStart = isoOfMs(today.ms - rng.int(0, 1095) * DAY_MS);
    }

    const row: ImportRow = {
      line: i + 2, // row 1 is the header
      buildingCode: s.buildingCode,
      buildingName: s.buildingName,
      unitCode: s.unitCode,
      use: s.use,
      floor: s.floor,
      areaM2: s.areaM2,
      state,
      owner,
      tenant,
      tenancyStart,
    };
    if (coOwners.length > 0) row.coOwners = coOwners;
    if (family.length > 0) row.family = family;
    rows[i] = row;
  }
  return rows;
}
