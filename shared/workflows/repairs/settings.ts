/**
 * The repair and callback settings (PRODUCT.md §4–5; procedure 十三 and 八): categories with their callback
 * rule, public areas, pick-up limits, the price list, the technicians, the end of the day. Every number from
 * the rule books is here as a default a manager may change.
 */
import { z } from 'zod';
import { optPhone, requiredText } from '../../kernel/validation';
import { CALLBACK_FROM, CHARGE_KINDS } from './rules';

/** A setting's code, kept on the records that use it: a lower-case letter, then lower-case letters, digits or _. */
const code = z.string().min(1, { message: 'v.required', abort: true }).regex(/^[a-z][a-z0-9_]{0,29}$/, { message: 'repairSettings.v.code' });
const uniqueCodes = <T extends { code: string }>(list: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'v.codeTaken' });
    seen.add(x.code);
  });
};

export const RepairCategorySchema = z.strictObject({
  code,
  name: requiredText(20),
  /** Calendar days to the callback, from the day it was finished or (leak repairs) from its leak test. */
  callbackDays: z.number().int().min(0).max(30),
  callbackFrom: z.enum(CALLBACK_FROM),
});
export type RepairCategory = z.infer<typeof RepairCategorySchema>;

export const PublicAreaSchema = z.strictObject({ code, name: requiredText(40) });
export const PriceItemSchema = z.strictObject({
  code,
  name: requiredText(40),
  kind: z.enum(CHARGE_KINDS),
  /** 次, 个, 米… */
  unitOfCount: requiredText(6),
  /** Typed in yuan, kept in fen: text that is not an amount arrives as NaN (see the renderer's MoneyInput). */
  priceFen: z
    .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'repairSettings.v.price') })
    .int({ message: 'repairSettings.v.price' })
    .min(0, { message: 'repairSettings.v.price' })
    .max(100_000_000, { message: 'repairSettings.v.priceTooBig' }),
});
export type PriceItem = z.infer<typeof PriceItemSchema>;
export const TechnicianSchema = z.strictObject({ code, name: requiredText(30), trade: requiredText(20), phone: optPhone });
export type Technician = z.infer<typeof TechnicianSchema>;

export const RepairSettingsShape = {
  repairPrefix: z.string().regex(/^[A-Z]{1,6}$/, { message: 'v.slipPrefix' }),
  callbackPrefix: z.string().regex(/^[A-Z]{1,6}$/, { message: 'v.slipPrefix' }),
  repairCategories: z.array(RepairCategorySchema).min(1).max(50).superRefine(uniqueCodes),
  publicAreas: z.array(PublicAreaSchema).max(200).superRefine(uniqueCodes),
  repairPickupMinutes: z.strictObject({ urgent: z.number().int().min(1).max(1440), normal: z.number().int().min(1).max(1440) }),
  repairPriceList: z.array(PriceItemSchema).max(500).superRefine(uniqueCodes),
  technicians: z.array(TechnicianSchema).max(200).superRefine(uniqueCodes),
  /** The early shift checks the day's orders before it leaves (下午5:00下班前). */
  repairEndOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'v.invalidFormat' }),
  /** Unreached callback attempts before the supervisor is told (read by the callback queue, like callbackPrefix: one settings page for both). */
  callbackEscalateAfter: z.number().int().min(1).max(20),
};

type RepairSettings = { [K in keyof typeof RepairSettingsShape]: z.infer<(typeof RepairSettingsShape)[K]> };

const cat = (code: string, name: string, callbackDays = 2, callbackFrom: RepairCategory['callbackFrom'] = 'finished'): RepairCategory => ({ code, name, callbackDays, callbackFrom });

export const DEFAULT_REPAIR_SETTINGS: RepairSettings = {
  repairPrefix: 'BX',
  callbackPrefix: 'HF',
  repairCategories: [
    cat('water', '水'),
    cat('electric', '电'),
    cat('doors_windows', '门窗'),
    cat('walls', '墙面'),
    cat('appliances', '电器'),
    cat('lifts', '电梯'),
    cat('public_facilities', '公共设施'),
    // front-desk-duties 第7篇: safety facilities within 2 days, leaks 3 days after the leak test.
    cat('safety', '安全设施'),
    cat('leak', '渗漏', 3, 'leakTest'),
    cat('other', '其他'),
  ],
  publicAreas: [
    { code: 'lobby', name: '大堂' },
    { code: 'corridor', name: '走廊楼道' },
    { code: 'lift_hall', name: '电梯厅' },
    { code: 'garage', name: '地下车库' },
    { code: 'garden', name: '园区绿化' },
    { code: 'clubhouse', name: '会所' },
  ],
  repairPickupMinutes: { urgent: 10, normal: 30 },
  repairPriceList: [
    { code: 'labour_visit', name: '上门维修人工', kind: 'labour', unitOfCount: '次', priceFen: 3000 },
    { code: 'labour_hour', name: '维修人工（每小时）', kind: 'labour', unitOfCount: '小时', priceFen: 5000 },
    { code: 'tap', name: '水龙头', kind: 'material', unitOfCount: '个', priceFen: 4500 },
    { code: 'switch', name: '开关面板', kind: 'material', unitOfCount: '个', priceFen: 1800 },
    { code: 'pipe', name: 'PPR 水管', kind: 'material', unitOfCount: '米', priceFen: 1200 },
  ],
  technicians: [],
  repairEndOfDay: '17:00',
  callbackEscalateAfter: 3,
};
