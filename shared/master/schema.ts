import { z } from 'zod';
import { CalendarOverridesSchema, OfficeHoursSchema } from '../kernel/deadlines';
import { normaliseIdNumber } from '../kernel/normalise';
import {
  IdTypeSchema,
  OccupancyStateSchema,
  PersonKindSchema,
  RelationSchema,
  RoleSchema,
  UnitUseSchema,
} from './enums';
import { RepairSettingsShape } from '../workflows/repairs/settings';
import { DecorationSettingsShape } from '../workflows/decoration/settings';
import { MoveInSettingsShape } from '../workflows/move-in/settings';
import { id, isoDate, isValidCreditCode, isValidResidentId, note, optDate, optPhone, optText, requiredText, text } from '../kernel/validation';

// ---------- inputs ----------

export const BuildingInputSchema = z.strictObject({
  code: requiredText(20).refine((s) => /^[\p{L}\p{N}_.#-]+$/u.test(s), { message: 'v.code' }),
  name: requiredText(50),
  note: note(500),
});
export type BuildingInput = z.infer<typeof BuildingInputSchema>;

export const UnitInputSchema = z.strictObject({
  buildingId: id,
  code: requiredText(30).refine((s) => /^[\p{L}\p{N}_.#-]+$/u.test(s), { message: 'v.code' }),
  use: UnitUseSchema,
  floor: z.number().int().min(-10).max(200).nullable(),
  areaM2: z
    .number()
    .positive()
    .max(100000)
    .refine((n) => Math.round(n * 100) === n * 100 || Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'v.twoDecimals' })
    .nullable(),
  note: note(500),
});
export type UnitInput = z.infer<typeof UnitInputSchema>;

const PersonBase = z.strictObject({
  kind: PersonKindSchema,
  name: requiredText(100),
  phone: optPhone,
  phone2: optPhone,
  idType: IdTypeSchema.nullable().optional().transform((v) => v ?? null),
  // Full-width digits and x from a Chinese IME, spaces between groups: the same number, upper-cased.
  idNumber: optText(30).transform((v) => (v ? normaliseIdNumber(v) : null)),
  contactPerson: optText(50),
  emergencyName: optText(50),
  emergencyPhone: optPhone,
  birthday: optDate,
  note: note(500),
});

/** The ID number must fit its type; a birthday must be in the past. */
export const PersonInputSchema = PersonBase.superRefine((p, ctx) => {
  if (p.idNumber && !p.idType) ctx.addIssue({ code: 'custom', path: ['idType'], message: 'v.required' });
  if (p.idNumber && p.idType === 'resident_id' && !isValidResidentId(p.idNumber))
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'v.residentId' });
  if (p.idNumber && p.idType === 'business_license' && !isValidCreditCode(p.idNumber))
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'v.creditCode' });
  if (p.idNumber && p.idType && !['resident_id', 'business_license'].includes(p.idType) && !/^[A-Z0-9]{5,20}$/.test(p.idNumber))
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'v.documentNumber' });
  if (p.kind === 'company' && !p.contactPerson)
    ctx.addIssue({ code: 'custom', path: ['contactPerson'], message: 'v.required' });
});
export type PersonInput = z.infer<typeof PersonInputSchema>;

export const LinkInputSchema = z
  .strictObject({
    unitId: id,
    personId: id,
    relation: RelationSchema,
    startDate: isoDate,
    endDate: optDate,
  })
  .refine((l) => !l.endDate || l.endDate >= l.startDate, { path: ['endDate'], message: 'v.endBeforeStart' });
export type LinkInput = z.infer<typeof LinkInputSchema>;

export const SettingsSchema = z.strictObject({
  siteName: requiredText(60),
  siteAddress: text(120),
  hotline: text(30),
  formHeader: text(120),
  logoDataUrl: z
    .string()
    .max(400_000, { message: 'v.logoTooBig' })
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, { message: 'v.logoFormat' })
    .nullable(),
  language: z.enum(['auto', 'zh-CN', 'en']),
  idleLockMinutes: z.number().int().min(1).max(240),
  signInMaxAttempts: z.number().int().min(3).max(20),
  signInLockMinutes: z.number().int().min(1).max(120),
  backupKeepDaily: z.number().int().min(1).max(365),
  backupKeepMonthly: z.number().int().min(0).max(120),
  slowQueryMs: z.number().int().min(1).max(10_000),
  slipPrefix: z.string().regex(/^[A-Z]{1,6}$/, { message: 'v.slipPrefix' }),
  frequentCarryOutThreshold: z.number().int().min(2).max(50),
  frequentCarryOutDays: z.number().int().min(1).max(365),
  /** The monthly occupancy report: its number prefix, and from which day of the next month Today reminds the manager, overdue after which. */
  occupancyReportPrefix: z.string().regex(/^[A-Z]{1,6}$/, { message: 'v.slipPrefix' }),
  occupancyReportRemindFromDay: z.number().int().min(1).max(28),
  occupancyReportDueDay: z.number().int().min(1).max(28),
  /** The manager's additions to the official working-day calendar (convention 13), and years confirmed by hand. */
  calendarOverrides: CalendarOverridesSchema,
  /** When the service centre is open: deadlines in hours ("half a day") run only inside them. */
  officeHours: OfficeHoursSchema,
  /** Repairs and callbacks (shared/workflows/repairs/settings.ts). */
  ...RepairSettingsShape,
  /** Decoration permits and deposits (shared/workflows/decoration/settings.ts). */
  ...DecorationSettingsShape,
  /** Move-in and moving in (shared/workflows/move-in/settings.ts). */
  ...MoveInSettingsShape,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const PasswordSchema = z
  .string()
  .min(8, { message: 'v.passwordShort' })
  .max(200)
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), { message: 'v.passwordWeak' });

export const UsernameSchema = z
  .string()
  .trim()
  .min(3, { message: 'v.usernameFormat' })
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, { message: 'v.usernameFormat' })
  .transform((s) => s.toLowerCase());

export const NewUserSchema = z.strictObject({
  username: UsernameSchema,
  displayName: requiredText(50),
  role: RoleSchema,
  password: PasswordSchema,
});
export type NewUser = z.infer<typeof NewUserSchema>;

// ---------- outputs ----------

export const BuildingSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  note: z.string().nullable(),
  unitCount: z.number(),
  voided: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Building = z.infer<typeof BuildingSchema>;

export const UnitRowSchema = z.object({
  id: z.string(),
  buildingId: z.string(),
  buildingCode: z.string(),
  code: z.string(),
  use: UnitUseSchema,
  floor: z.number().nullable(),
  areaM2: z.number().nullable(),
  state: OccupancyStateSchema.nullable(),
  stateSince: z.string().nullable(),
  ownerNames: z.string().nullable(),
  note: z.string().nullable(),
  voided: z.boolean(),
});
export type UnitRow = z.infer<typeof UnitRowSchema>;

export const LinkViewSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  personId: z.string(),
  personName: z.string(),
  personKind: PersonKindSchema,
  phoneMasked: z.string().nullable(),
  relation: RelationSchema,
  startDate: z.string(),
  endDate: z.string().nullable(),
  active: z.boolean(),
});
export type LinkView = z.infer<typeof LinkViewSchema>;

export const OccupancyEntrySchema = z.object({
  id: z.string(),
  state: OccupancyStateSchema,
  effectiveDate: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type OccupancyEntry = z.infer<typeof OccupancyEntrySchema>;

export const UnitDetailSchema = UnitRowSchema.extend({
  links: z.array(LinkViewSchema),
  history: z.array(OccupancyEntrySchema),
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

export const PersonRowSchema = z.object({
  id: z.string(),
  kind: PersonKindSchema,
  name: z.string(),
  phoneMasked: z.string().nullable(),
  idType: IdTypeSchema.nullable(),
  idNumberMasked: z.string().nullable(),
  contactPerson: z.string().nullable(),
  units: z.string().nullable(),
});
export type PersonRow = z.infer<typeof PersonRowSchema>;

export const PersonDetailSchema = PersonRowSchema.extend({
  phone2Masked: z.string().nullable(),
  emergencyName: z.string().nullable(),
  emergencyPhoneMasked: z.string().nullable(),
  birthday: z.string().nullable(),
  note: z.string().nullable(),
  links: z.array(LinkViewSchema),
  updatedAt: z.string(),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

/**
 * One hit of the global search. `slip` (and later kinds of numbered records) comes from a workflow's number finder
 * (electron/workflows/master/service.ts registerNumberFinder): title is the record number, subtitle the unit code,
 * `state` the record's state (the renderer shows it translated); absent for units and people.
 */
export const SearchHitSchema = z.object({
  kind: z.enum(['unit', 'person', 'slip', 'report', 'repair', 'callback', 'decoration', 'pass', 'move-in', 'moving-in']),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  unitId: z.string().nullable(),
  state: z.string().optional(),
  /** Where the hit opens, when it is not its kind's own page (a report version opens its month's page). */
  route: z.string().optional(),
  /** A monthly report's version: 0 the original, then its revisions. */
  revision: z.number().int().optional(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userName: z.string().nullable(),
  /** 'cli' for the admin command line, with the operating-system user who ran it. */
  via: z.enum(['app', 'cli']),
  osUser: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const BackupInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-migration', 'pre-restore', 'pre-import']),
  createdAt: z.string(),
  sizeBytes: z.number(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const pageOf = <T extends z.ZodTypeAny>(row: T) =>
  z.object({ rows: z.array(row), total: z.number(), offset: z.number() });
