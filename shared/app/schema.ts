import { z } from 'zod';
import { RepairRowSchema } from '../workflows/repairs/schema';
import { CallbackRowSchema } from '../workflows/callbacks/schema';
import { DecorationRowSchema } from '../workflows/decoration/schema';
import { MovingInRowSchema, NoticeRowSchema, RectificationSchema } from '../workflows/move-in/schema';
import { AuditEntrySchema, BackupInfoSchema } from '../master/schema';
import { RoleSchema } from '../master/enums';
import { SlipRowSchema } from '../workflows/slips/schema';
import { ReportDueSchema } from '../workflows/occupancy-report/schema';
import { TileSchema } from '../kernel/dashboard';

export const SessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const AppStatusSchema = z.object({
  /**
   * ok; damaged (unreadable or failed its check); too-new (a newer FrontDesk's); foreign (empty, not
   * SQLite, or another program's); missing (no data file, but backups); no-manager (set up, but no
   * active manager is left); unavailable (closed). Every state but ok and unavailable is the recovery screen.
   */
  db: z.enum(['ok', 'damaged', 'too-new', 'foreign', 'missing', 'no-manager', 'unavailable']),
  dbMessage: z.string().nullable(),
  setupNeeded: z.boolean(),
  siteName: z.string().nullable(),
  language: z.enum(['auto', 'zh-CN', 'en']),
  version: z.string(),
  schemaVersion: z.number(),
  session: z.object({ user: SessionUserSchema, locked: z.boolean(), idleLockMinutes: z.number() }).nullable(),
  capabilities: z.object({ nativeDialogs: z.boolean(), nativePrint: z.boolean() }),
  latestBackup: BackupInfoSchema.nullable(),
  /** Shown once to the manager who signs in first after an unclean stop. */
  notice: z.object({ kind: z.literal('unclean-stop'), lastActiveAt: z.string(), intact: z.boolean() }).nullable(),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;

export const TodaySchema = z.object({
  date: z.string(),
  slips: z.object({
    awaitingVerification: z.array(SlipRowSchema),
    readyToIssue: z.array(SlipRowSchema),
    /** Moving-out slips waiting for the cashier to confirm the fees (the cashier's queue). */
    feesToConfirm: z.array(SlipRowSchema),
    exitedToday: z.array(SlipRowSchema),
  }),
  counts: z.object({ buildings: z.number(), units: z.number(), people: z.number(), byState: z.record(z.string(), z.number()) }),
  recent: z.array(AuditEntrySchema),
  /** For the manager: the year whose official holiday schedule is not known yet (deadlines in it are estimated), or null. */
  scheduleNotice: z.object({ year: z.number().int() }).nullable(),
  /** For the manager: last month's occupancy report, due from the 1st, overdue after the 3rd (settings), until finalised. */
  occupancyReport: ReportDueSchema,
  /** Repairs, each list only for the roles it is for (empty otherwise): see electron/workflows/repairs/today.ts. */
  repairs: z.object({
    notPickedUp: z.array(RepairRowSchema),
    chargesToCollect: z.array(RepairRowSchema),
    endOfDay: z.object({ cutoff: z.string(), open: z.number() }).nullable(),
  }),
  /** The callback queue's items due today or overdue (at most 50, overdue first) and how many, for callbacks.read (empty otherwise): electron/workflows/callbacks/today.ts. */
  callbacks: z.object({ due: z.array(CallbackRowSchema), dueTotal: z.number() }),
  /** Decoration permits (electron/workflows/decoration/today.ts), each list only for the roles it is for. */
  decoration: z.object({ today: z.string(), approvalsNearDeadline: z.array(DecorationRowSchema), noPatrolToday: z.array(DecorationRowSchema), refundsDue: z.array(DecorationRowSchema) }),
  /** Move-in (electron/workflows/move-in/today.ts): owners expected today (imported notices not started), rectification items overdue, 入住知会单 not received by every department. */
  moveIn: z.object({
    waitingNotices: z.array(NoticeRowSchema),
    waitingTotal: z.number(),
    overdueRectifications: z.array(RectificationSchema),
    overdueTotal: z.number(),
    noticesNotReceived: z.array(MovingInRowSchema),
  }),
  /** For the manager: the site's dashboard, the tiles each workflow contributes, in a fixed order; [] for everyone else. */
  tiles: z.array(TileSchema),
});

