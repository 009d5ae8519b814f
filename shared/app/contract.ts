import { z } from 'zod';
import { done, empty, paging, type ChannelDef } from '../kernel/channel';
import { id, requiredText } from '../kernel/validation';
import { AuditEntrySchema, BackupInfoSchema, NewUserSchema, PasswordSchema, SearchHitSchema, SettingsSchema, UserSchema, UsernameSchema, pageOf } from '../master/schema';
import { RoleSchema } from '../master/enums';
import { AppStatusSchema, SessionUserSchema, TodaySchema } from './schema';

/** The app's own channels: status, setup, sign-in, recovery, settings, accounts, audit, backups, Today, search, native PDF. */
/** A file name the app proposes: letters (Chinese too), digits, '.', '-', '_' and spaces, with its extension. */
const fileName = (ext: RegExp) =>
  z
    .string()
    .max(120)
    .regex(/^[\p{L}\p{N}_.\- ]{1,110}$/u, { message: 'v.fileName' })
    .refine((n) => ext.test(n) && !n.startsWith('.'), { message: 'v.fileName' });

export const appContract = {
  // ---- before sign-in ----
  'app.status': { kind: 'read', input: empty, output: AppStatusSchema, auth: 'none' },
  'setup.init': { kind: 'write',
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
  'auth.signIn': { kind: 'write',
    input: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
    output: SessionUserSchema,
    auth: 'none',
  },
  'auth.unlock': { kind: 'write', input: z.strictObject({ password: z.string().min(1).max(200) }), output: SessionUserSchema, auth: 'none' },
  'auth.signOut': { kind: 'write', input: empty, output: done, auth: 'none' },
  'recovery.restore': { kind: 'write', input: z.strictObject({ name: z.string().min(1).max(200) }), output: done, auth: 'none' },
  'recovery.backups': { kind: 'read', input: empty, output: z.array(BackupInfoSchema.extend({ problem: z.string().nullable() })), auth: 'none' },
  /** Only on the recovery screen, confirmed, and only when no backup can be restored: the unusable file is kept aside. */
  'recovery.newSite': { kind: 'write', input: z.strictObject({ confirm: z.literal(true) }), output: done, auth: 'none' },
  // ---- session ----
  'auth.lock': { kind: 'read', input: empty, output: done },
  'auth.changePassword': { kind: 'write',
    input: z.strictObject({ current: z.string().min(1).max(200), next: PasswordSchema }),
    output: done,
  },
  'today.summary': { kind: 'read', input: empty, output: TodaySchema, permission: 'masterdata.read' },
  'search.global': { kind: 'read',
    input: z.strictObject({ q: z.string().max(50) }),
    output: z.array(SearchHitSchema),
    permission: 'masterdata.read',
  },
  'settings.get': { kind: 'read', input: empty, output: SettingsSchema },
  'settings.update': { kind: 'write', input: SettingsSchema.partial().strict(), output: SettingsSchema, permission: 'settings.write' },
  'users.list': { kind: 'read', input: empty, output: z.array(UserSchema), permission: 'users.manage' },
  'users.create': { kind: 'write', input: NewUserSchema, output: UserSchema, permission: 'users.manage' },
  'users.update': { kind: 'write',
    input: z.strictObject({ id, displayName: requiredText(50).optional(), role: RoleSchema.optional(), active: z.boolean().optional() }),
    output: UserSchema,
    permission: 'users.manage',
  },
  'users.resetPassword': { kind: 'write', input: z.strictObject({ id, password: PasswordSchema }), output: done, permission: 'users.manage' },
  'audit.list': { kind: 'read',
    input: z.strictObject({ ...paging, entity: z.string().max(40).optional(), action: z.string().max(40).optional() }),
    output: pageOf(AuditEntrySchema),
    permission: 'audit.read',
  },
  'backup.list': { kind: 'read', input: empty, output: z.array(BackupInfoSchema), permission: 'backup.create' },
  'backup.create': { kind: 'write', input: empty, output: BackupInfoSchema, permission: 'backup.create' },
  'backup.restore': { kind: 'write', input: z.strictObject({ name: z.string().min(1).max(200) }), output: done, permission: 'backup.restore' },
  /**
   * One of a record's printed forms, by the record's number (the record kit: electron/workflows/records.ts), for
   * a record the user may see (and the form's own permission, if it has one). A print after the first is a copy.
   */
  'records.print': { kind: 'write',
    input: z.strictObject({ number: z.string().min(1).max(60), form: z.string().max(60).optional(), item: id.optional(), lang: z.enum(['zh-CN', 'en']) }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), copy: z.boolean(), form: z.string() }),
    permission: 'masterdata.read',
  },
  // Native file and print dialogs: answered by the Electron shell; the browser shell downloads/opens instead.
  // A file the app made (a printed form, a report's PDF or XLSX) saved where the clerk chooses.
  'file.save': { kind: 'read',
    input: z.strictObject({ fileName: fileName(/\.(pdf|xlsx)$/), base64: z.string().min(1).max(20_000_000) }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'pdf.print': { kind: 'read',
    input: z.strictObject({ fileName: fileName(/\.pdf$/), pdfBase64: z.string().min(1).max(20_000_000) }),
    output: done,
  },
} as const satisfies Record<string, ChannelDef>;
