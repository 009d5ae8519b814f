import { z } from 'zod';
import './kernel/validation';
import {
  AuditEntrySchema,
  BackupInfoSchema,
  BuildingInputSchema,
  BuildingSchema,
  LinkInputSchema,
  LinkViewSchema,
  NewUserSchema,
  PasswordSchema,
  PersonDetailSchema,
  PersonInputSchema,
  PersonRowSchema,
  SearchHitSchema,
  SettingsSchema,
  UnitDetailSchema,
  UnitInputSchema,
  UnitRowSchema,
  UserSchema,
  UsernameSchema,
  pageOf,
} from './master/schema';
import { OccupancyStateSchema, RoleSchema, UnitUseSchema } from './master/enums';
import type { Permission } from './kernel/permissions';
import { IssueInputSchema, SlipDetailSchema, SlipDraftSchema, SlipListInputSchema, SlipRowSchema, VerificationInputSchema } from './workflows/slips/schema';
import { id, isoDate, note, requiredText } from './kernel/validation';

/**
 * Every channel, declared once: name `domain.verb`, zod input and output, and who may call it.
 * `auth: 'none'` channels work before sign-in (status, setup, sign-in, recovery);
 * every other channel needs a signed-in, unlocked session, plus `permission` when given.
 */
interface ChannelDef {
  input: z.ZodTypeAny;
  output: z.ZodTypeAny;
  auth?: 'none' | 'session';
  permission?: Permission;
}

const empty = z.strictObject({});
const paging = { offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(50) };
const voidInput = z.strictObject({ id, reason: requiredText(200) });
const done = z.object({ done: z.literal(true) });

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

export const ImportSummarySchema = z.object({
  jobId: z.string(),
  fileName: z.string(),
  totalLines: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  encoding: z.string().nullable(),
  columns: z.record(z.string(), z.string()),
  fileErrors: z.array(z.object({ line: z.number(), column: z.string().nullable(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  errors: z.array(z.object({ line: z.number(), column: z.string().nullable(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  preview: z.array(z.object({ line: z.number(), unitCode: z.string(), buildingCode: z.string(), use: z.string(), state: z.string().nullable(), owner: z.string().nullable(), tenant: z.string().nullable() })),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportProgressSchema = z.object({
  jobId: z.string(),
  phase: z.enum(['parsing', 'ready', 'importing', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  result: z
    .object({ buildings: z.number(), units: z.number(), people: z.number(), links: z.number(), skipped: z.number() })
    .nullable(),
  error: z.string().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const TodaySchema = z.object({
  date: z.string(),
  slips: z.object({
    awaitingVerification: z.array(SlipRowSchema),
    readyToIssue: z.array(SlipRowSchema),
    exitedToday: z.array(SlipRowSchema),
  }),
  counts: z.object({ buildings: z.number(), units: z.number(), people: z.number(), byState: z.record(z.string(), z.number()) }),
  recent: z.array(AuditEntrySchema),
});

export const contract = {
  // ---- before sign-in ----
  'app.status': { input: empty, output: AppStatusSchema, auth: 'none' },
  'setup.init': {
    input: z.strictObject({
      siteName: requiredText(60),
      username: UsernameSchema,
      displayName: requiredText(50),
      password: PasswordSchema,
      demo: z.boolean(),
    }),
    output: SessionUserSchema,
    auth: 'none',
  },
  'auth.signIn': {
    input: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
    output: SessionUserSchema,
    auth: 'none',
  },
  'auth.unlock': { input: z.strictObject({ password: z.string().min(1).max(200) }), output: SessionUserSchema, auth: 'none' },
  'auth.signOut': { input: empty, output: done, auth: 'none' },
  'recovery.restore': { input: z.strictObject({ name: z.string().min(1).max(200) }), output: done, auth: 'none' },
  'recovery.backups': { input: empty, output: z.array(BackupInfoSchema.extend({ problem: z.string().nullable() })), auth: 'none' },
  /** Only on the recovery screen, confirmed, and only when no backup can be restored: the unusable file is kept aside. */
  'recovery.newSite': { input: z.strictObject({ confirm: z.literal(true) }), output: done, auth: 'none' },

  // ---- session ----
  'auth.lock': { input: empty, output: done },
  'auth.changePassword': {
    input: z.strictObject({ current: z.string().min(1).max(200), next: PasswordSchema }),
    output: done,
  },
  'today.summary': { input: empty, output: TodaySchema, permission: 'masterdata.read' },
  'search.global': {
    input: z.strictObject({ q: z.string().max(50) }),
    output: z.array(SearchHitSchema),
    permission: 'masterdata.read',
  },

  'settings.get': { input: empty, output: SettingsSchema },
  'settings.update': { input: SettingsSchema.partial().strict(), output: SettingsSchema, permission: 'settings.write' },

  'users.list': { input: empty, output: z.array(UserSchema), permission: 'users.manage' },
  'users.create': { input: NewUserSchema, output: UserSchema, permission: 'users.manage' },
  'users.update': {
    input: z.strictObject({ id, displayName: requiredText(50).optional(), role: RoleSchema.optional(), active: z.boolean().optional() }),
    output: UserSchema,
    permission: 'users.manage',
  },
  'users.resetPassword': { input: z.strictObject({ id, password: PasswordSchema }), output: done, permission: 'users.manage' },

  'buildings.list': { input: z.strictObject({ includeVoided: z.boolean().default(false) }), output: z.array(BuildingSchema), permission: 'masterdata.read' },
  'buildings.create': { input: BuildingInputSchema, output: BuildingSchema, permission: 'masterdata.write' },
  'buildings.update': { input: BuildingInputSchema.extend({ id }), output: BuildingSchema, permission: 'masterdata.write' },
  'buildings.void': { input: voidInput, output: done, permission: 'masterdata.void' },

  'units.list': {
    input: z.strictObject({
      ...paging,
      buildingId: id.optional(),
      use: UnitUseSchema.optional(),
      state: OccupancyStateSchema.optional(),
      q: z.string().max(50).optional(),
    }),
    output: pageOf(UnitRowSchema),
    permission: 'masterdata.read',
  },
  'units.get': { input: z.strictObject({ id }), output: UnitDetailSchema, permission: 'masterdata.read' },
  'units.create': { input: UnitInputSchema, output: UnitRowSchema, permission: 'masterdata.write' },
  'units.update': { input: UnitInputSchema.extend({ id }), output: UnitRowSchema, permission: 'masterdata.write' },
  'units.void': { input: voidInput, output: done, permission: 'masterdata.void' },
  'units.setOccupancy': {
    input: z.strictObject({ unitId: id, state: OccupancyStateSchema, effectiveDate: isoDate, note: note(200) }),
    output: UnitDetailSchema,
    permission: 'occupancy.set',
  },
  'occupancy.onDate': {
    input: z.strictObject({ date: isoDate, buildingId: id.optional() }),
    output: z.object({ date: z.string(), counts: z.record(z.string(), z.number()), units: z.number() }),
    permission: 'masterdata.read',
  },

  'people.list': { input: z.strictObject({ ...paging, q: z.string().max(50).optional() }), output: pageOf(PersonRowSchema), permission: 'masterdata.read' },
  'people.get': { input: z.strictObject({ id }), output: PersonDetailSchema, permission: 'masterdata.read' },
  'people.create': { input: PersonInputSchema, output: PersonDetailSchema, permission: 'masterdata.write' },
  'people.update': { input: z.strictObject({ id, person: PersonInputSchema }), output: PersonDetailSchema, permission: 'masterdata.write' },
  'people.reveal': {
    input: z.strictObject({ id, field: z.enum(['phone', 'phone2', 'idNumber', 'emergencyPhone']) }),
    output: z.object({ value: z.string().nullable() }),
    permission: 'pii.reveal',
  },

  'links.create': { input: LinkInputSchema, output: LinkViewSchema, permission: 'masterdata.write' },
  'links.end': { input: z.strictObject({ id, endDate: isoDate }), output: LinkViewSchema, permission: 'masterdata.write' },
  'links.void': { input: voidInput, output: done, permission: 'masterdata.void' },

  'import.preview': {
    input: z.strictObject({ fileName: z.string().min(1).max(255), contentBase64: z.string().min(1).max(70_000_000) }),
    output: ImportSummarySchema,
    permission: 'import.run',
  },
  'import.commit': { input: z.strictObject({ jobId: z.string().max(64), onlyValid: z.boolean() }), output: ImportProgressSchema, permission: 'import.run' },
  'import.progress': { input: z.strictObject({ jobId: z.string().max(64) }), output: ImportProgressSchema, permission: 'import.run' },

  'audit.list': {
    input: z.strictObject({ ...paging, entity: z.string().max(40).optional(), action: z.string().max(40).optional() }),
    output: pageOf(AuditEntrySchema),
    permission: 'audit.read',
  },

  'backup.list': { input: empty, output: z.array(BackupInfoSchema), permission: 'backup.create' },
  'backup.create': { input: empty, output: BackupInfoSchema, permission: 'backup.create' },
  'backup.restore': { input: z.strictObject({ name: z.string().min(1).max(200) }), output: done, permission: 'backup.restore' },

  // ---- goods-release slips (物品放行条) ----
  'slips.list': { input: SlipListInputSchema, output: pageOf(SlipRowSchema), permission: 'slips.read' },
  'slips.get': { input: z.strictObject({ id }), output: SlipDetailSchema, permission: 'slips.read' },
  'slips.create': { input: SlipDraftSchema, output: SlipDetailSchema, permission: 'slips.write' },
  'slips.update': { input: z.strictObject({ id, draft: SlipDraftSchema }), output: SlipDetailSchema, permission: 'slips.write' },
  'slips.submit': { input: z.strictObject({ id }), output: SlipDetailSchema, permission: 'slips.write' },
  'slips.recordCall': { input: VerificationInputSchema, output: SlipDetailSchema, permission: 'slips.write' },
  'slips.confirmFees': { input: z.strictObject({ slipId: id, receipt: requiredText(40) }), output: SlipDetailSchema, permission: 'slips.fees' },
  'slips.issue': { input: IssueInputSchema, output: SlipDetailSchema, permission: 'slips.write' },
  'slips.refuse': { input: voidInput, output: SlipDetailSchema, permission: 'slips.write' },
  'slips.void': { input: voidInput, output: SlipDetailSchema, permission: 'slips.void' },
  'slips.print': {
    input: z.strictObject({ id, lang: z.enum(['zh-CN', 'en']) }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), copy: z.boolean() }),
    permission: 'slips.write',
  },
  // Native file and print dialogs: answered by the Electron shell; the browser shell downloads/opens instead.
  'pdf.save': {
    input: z.strictObject({ fileName: z.string().regex(/^[\w.\- ]{1,80}\.pdf$/, { message: 'v.fileName' }), pdfBase64: z.string().min(1).max(20_000_000) }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'pdf.print': {
    input: z.strictObject({ fileName: z.string().regex(/^[\w.\- ]{1,80}\.pdf$/, { message: 'v.fileName' }), pdfBase64: z.string().min(1).max(20_000_000) }),
    output: done,
  },
  'gate.lookup': { input: z.strictObject({ number: z.string().min(1).max(60) }), output: SlipDetailSchema, permission: 'gate.exit' },
  'gate.exit': { input: z.strictObject({ number: z.string().min(1).max(60) }), output: SlipDetailSchema, permission: 'gate.exit' },
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
