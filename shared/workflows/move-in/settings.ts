/**
 * The move-in settings (PRODUCT.md §1; procedure 一 and 三): the property fee rate by unit use, how many months are
 * prepaid, the revolving deposit by use, the key list and inspection templates, the rectification wait, the
 * record prefixes. Every number from the rule books is a default here; the rates are a site's own schedule.
 */
import { z } from 'zod';
import { UNIT_USES } from '../../master/enums';
import { DEPOSIT_KINDS, METER_KINDS } from './rules';

const fen = z
  .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'repairSettings.v.price') })
  .int({ message: 'repairSettings.v.price' })
  .min(0, { message: 'repairSettings.v.price' })
  .max(100_000_000, { message: 'repairSettings.v.priceTooBig' });
const byUse = <T extends z.ZodType>(s: T) => z.strictObject(Object.fromEntries(UNIT_USES.map((u) => [u, s])) as { [K in (typeof UNIT_USES)[number]]: T });
const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'v.code' });

export const KeyTemplateSchema = z.array(z.strictObject({ kind: code, count: z.number().int().min(0).max(50) })).max(30);
export const InspectionTemplateSchema = z.array(z.strictObject({ area: code, item: code })).min(1).max(200);

export const MoveInSettingsShape = {
  moveInPrefix: z.string().regex(/^[A-Z]{1,6}$/, { message: 'v.slipPrefix' }),
  /** Moving in (入住) records are numbered apart: a 入住知会单 names its own record. */
  movingInPrefix: z.string().regex(/^[A-Z]{1,6}$/, { message: 'v.slipPrefix' }),
  /** 物业管理费: fen per m² per month, by the unit's use. */
  moveInFeeRates: byUse(fen),
  /** 预收三个月物业管理费 (procedure 一 step 2), from the date on the move-in notice. */
  moveInPrepaidMonths: z.number().int().min(0).max(24),
  /** 写字楼收取1000元的电费流转金、商务公寓收取200元水费流转金. */
  moveInDeposits: byUse(z.strictObject({ kind: z.enum(DEPOSIT_KINDS), fen })),
  /** 钥匙签收表: the keys handed over, by unit use (editable on each record). */
  moveInKeyTemplates: byUse(KeyTemplateSchema),
  /** 房屋验收记录表: the items checked, by area of the unit. */
  moveInInspectionTemplate: InspectionTemplateSchema,
  /** The meters read at handover. */
  moveInMeters: z.array(z.enum(METER_KINDS)).max(3),
  /** A rectification item is due this many calendar days after the inspection, unless a date is given. */
  moveInRectificationDays: z.number().int().min(1).max(180),
};

type MoveInSettings = { [K in keyof typeof MoveInSettingsShape]: z.infer<(typeof MoveInSettingsShape)[K]> };

const yuan = (n: number) => n * 100;
const AREAS = {
  entrance: ['door', 'lock', 'walls', 'floor'],
  living: ['windows', 'walls', 'floor', 'ceiling', 'electrics'],
  bedroom: ['door', 'windows', 'walls', 'floor', 'ceiling', 'electrics'],
  kitchen: ['windows', 'walls', 'floor', 'ceiling', 'plumbing', 'electrics'],
  bathroom: ['door', 'walls', 'floor', 'ceiling', 'plumbing', 'electrics'],
  balcony: ['windows', 'floor', 'plumbing'],
} as const;

export const DEFAULT_MOVE_IN_SETTINGS: MoveInSettings = {
  moveInPrefix: 'RH',
  movingInPrefix: 'RZ',
  // The rule books give no rate: a site sets its published schedule (these are placeholders of that order).
  moveInFeeRates: { residential: 250, office: 600, business_apartment: 400, shop: 800 },
  moveInPrepaidMonths: 3,
  moveInDeposits: {
    residential: { kind: 'none', fen: 0 },
    office: { kind: 'electricity', fen: yuan(1000) },
    business_apartment: { kind: 'water', fen: yuan(200) },
    shop: { kind: 'none', fen: 0 },
  },
  moveInKeyTemplates: {
    residential: [{ kind: 'entrance', count: 3 }, { kind: 'room', count: 4 }, { kind: 'mailbox', count: 2 }, { kind: 'meter_box', count: 1 }],
    office: [{ kind: 'entrance', count: 2 }, { kind: 'room', count: 2 }, { kind: 'mailbox', count: 1 }, { kind: 'access_card', count: 2 }],
    business_apartment: [{ kind: 'entrance', count: 2 }, { kind: 'mailbox', count: 1 }, { kind: 'access_card', count: 2 }],
    shop: [{ kind: 'entrance', count: 2 }, { kind: 'shutter', count: 2 }],
  },
  moveInInspectionTemplate: Object.entries(AREAS).flatMap(([area, items]) => items.map((item) => ({ area, item }))),
  moveInMeters: ['water', 'electricity', 'gas'],
  moveInRectificationDays: 15,
};
