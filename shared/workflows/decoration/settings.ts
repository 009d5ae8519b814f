/**
 * The decoration settings (PRODUCT.md §2; procedure 二): the published fee schedule by unit use, the approval
 * deadline, the refund wait by use, the passes' prefix. Every number from the rule books is a default here.
 */
import { z } from 'zod';
import { DeadlineRuleSchema } from '../../kernel/deadlines';
import { UNIT_USES } from '../../master/enums';

const fen = z
  .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'repairSettings.v.price') })
  .int({ message: 'repairSettings.v.price' })
  .min(0, { message: 'repairSettings.v.price' })
  .max(100_000_000, { message: 'repairSettings.v.priceTooBig' });

export const FeeScheduleSchema = z.strictObject({
  depositFen: fen,
  debrisFen: fen,
  passFeeFen: fen,
  acModificationFen: fen,
  fireDrainFen: fen,
  fireLinkageFen: fen,
});

const RefundWaitSchema = z.strictObject({ unit: z.enum(['days', 'months']), n: z.number().int().min(0).max(365) });
const byUse = <T extends z.ZodType>(s: T) => z.strictObject(Object.fromEntries(UNIT_USES.map((u) => [u, s])) as { [K in (typeof UNIT_USES)[number]]: T });

export const DecorationSettingsShape = {
  decorationPrefix: z.string().regex(/^[A-Z]{1,6}$/, { message: 'v.slipPrefix' }),
  /** Worker passes (出入证) are numbered apart, so a pass scanned at the gate names the pass, not the permit. */
  passPrefix: z.string().regex(/^[A-Z]{1,6}$/, { message: 'v.slipPrefix' }),
  decorationFees: byUse(FeeScheduleSchema),
  /** 在3个工作日内审批完毕 (procedure 二 step 8), from the day the application is complete. */
  decorationApproval: DeadlineRuleSchema,
  /** 自竣工验收之日起3个月(写字楼15日) (step 14). */
  decorationRefundWait: byUse(RefundWaitSchema),
  /** Today: refunds due within this many days are listed ahead ("this week"). */
  decorationRefundAheadDays: z.number().int().min(0).max(60),
  /** Today: an approval this many working days or fewer from its deadline is "near its deadline". */
  decorationApprovalWarnDays: z.number().int().min(0).max(10),
  /** The hours work may be done, as printed on the permit on the door (施工许可证): the site's own rule, in its words. */
  decorationWorkingHours: z.string().trim().min(1, { message: 'v.required' }).max(60),
};

type DecorationSettings = { [K in keyof typeof DecorationSettingsShape]: z.infer<(typeof DecorationSettingsShape)[K]> };

const yuan = (n: number) => n * 100;

export const DEFAULT_DECORATION_SETTINGS: DecorationSettings = {
  decorationPrefix: 'ZX',
  passPrefix: 'CR',
  decorationFees: {
    // 工本费5元一证 (front-desk duties 3 ③); the other amounts are a site's published schedule, to be set by its manager.
    residential: { depositFen: yuan(2000), debrisFen: yuan(300), passFeeFen: yuan(5), acModificationFen: 0, fireDrainFen: 0, fireLinkageFen: 0 },
    office: { depositFen: yuan(5000), debrisFen: yuan(500), passFeeFen: yuan(5), acModificationFen: yuan(800), fireDrainFen: yuan(300), fireLinkageFen: yuan(500) },
    business_apartment: { depositFen: yuan(3000), debrisFen: yuan(300), passFeeFen: yuan(5), acModificationFen: 0, fireDrainFen: yuan(300), fireLinkageFen: 0 },
    shop: { depositFen: yuan(5000), debrisFen: yuan(500), passFeeFen: yuan(5), acModificationFen: 0, fireDrainFen: 0, fireLinkageFen: 0 },
  },
  decorationApproval: { kind: 'working-days', days: 3 },
  decorationRefundWait: {
    residential: { unit: 'months', n: 3 },
    office: { unit: 'days', n: 15 },
    business_apartment: { unit: 'months', n: 3 },
    shop: { unit: 'months', n: 3 },
  },
  decorationRefundAheadDays: 7,
  decorationApprovalWarnDays: 1,
  decorationWorkingHours: '08:00–12:00, 14:00–18:00',
};
