import { z } from 'zod';
import { empty, voidInput, type ChannelDef } from '../../kernel/channel';
import type { Permission } from '../../kernel/permissions';
import { id } from '../../kernel/validation';
import { pageOf } from '../../master/schema';
import {
  ArchiveInputSchema,
  CopiesInputSchema,
  FeeConfirmInputSchema,
  FeeOverrideInputSchema,
  HandoverInputSchema,
  IdentityInputSchema,
  InspectInputSchema,
  KeysInputSchema,
  MoveInCreateSchema,
  MoveInDetailSchema,
  MoveInListInputSchema,
  MoveInRowSchema,
  MovingInCreateSchema,
  MovingInDetailSchema,
  MovingInListInputSchema,
  MovingInReceiptInputSchema,
  MovingInRowSchema,
  NoticeBatchSchema,
  NoticeCommitSchema,
  NoticeImportCommitInputSchema,
  NoticeImportPreviewInputSchema,
  NoticeListInputSchema,
  NoticePreviewSchema,
  NoticeRowSchema,
  RectAcceptInputSchema,
  RectFixInputSchema,
  RectificationListInputSchema,
  RectificationSchema,
  RectReopenInputSchema,
  RegisterInputSchema,
  RegisterSchema,
} from './schema';

const detail = MoveInDetailSchema;
const w = <I extends z.ZodType, P extends Permission = 'move-in.write'>(input: I, permission?: P) =>
  ({ kind: 'write', input, output: detail, permission: (permission ?? 'move-in.write') as P }) as const;
const mw = <I extends z.ZodType, P extends Permission = 'move-in.write'>(input: I, permission?: P) =>
  ({ kind: 'write', input, output: MovingInDetailSchema, permission: (permission ?? 'move-in.write') as P }) as const;

/** Move-in (入伙, procedure 一): the RH record and its eight steps, the rectification items, the notices, the handover register; moving in (入住, procedure 三). */
export const moveInContract = {
  'moveIn.list': { kind: 'read', input: MoveInListInputSchema, output: pageOf(MoveInRowSchema), permission: 'move-in.read' },
  'moveIn.get': { kind: 'read', input: z.strictObject({ id }), output: detail, permission: 'move-in.read' },
  'moveIn.create': w(MoveInCreateSchema),
  'moveIn.identity': w(IdentityInputSchema),
  /** The computed property fee changed, with a reason, before the cashier confirms. */
  'moveIn.overrideFee': w(FeeOverrideInputSchema),
  /** The cashier confirms the fees paid, with the receipt (a clerk cannot). */
  'moveIn.confirmFees': w(FeeConfirmInputSchema, 'move-in.fees'),
  'moveIn.copies': w(CopiesInputSchema),
  'moveIn.archive': w(ArchiveInputSchema),
  'moveIn.keys': w(KeysInputSchema),
  'moveIn.inspect': w(InspectInputSchema),
  'moveIn.handover': w(HandoverInputSchema),
  'moveIn.void': w(voidInput, 'move-in.void'),

  'moveIn.rectifications': { kind: 'read', input: RectificationListInputSchema, output: pageOf(RectificationSchema), permission: 'move-in.read' },
  'moveIn.rectFixed': w(RectFixInputSchema),
  'moveIn.rectAccepted': w(RectAcceptInputSchema),
  'moveIn.rectReopen': w(RectReopenInputSchema),

  /** 房屋交接汇总表: every unit of a building or of an imported batch, handed over or not (with the reason), with counts. */
  'moveIn.register': { kind: 'read', input: RegisterInputSchema, output: RegisterSchema, permission: 'move-in.read' },
  /** The register as a printable A4 landscape PDF (for pdf.print / file.save). */
  'moveIn.printRegister': {
    kind: 'read',
    input: z
      .strictObject({ buildingId: id.optional(), batchId: id.optional(), lang: z.enum(['zh-CN', 'en']).optional() })
      .refine((r) => !!r.buildingId !== !!r.batchId, { path: ['buildingId'], message: 'movein.v.registerScope' }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), count: z.number() }),
    permission: 'move-in.read',
  },

  /** 入伙通知书 from the developer's XLSX/CSV: a preview with per-row errors, kept until committed. */
  'moveIn.importPreview': { kind: 'write', input: NoticeImportPreviewInputSchema, output: NoticePreviewSchema, permission: 'move-in.write' },
  'moveIn.importCommit': { kind: 'write', input: NoticeImportCommitInputSchema, output: NoticeCommitSchema, permission: 'move-in.write' },
  /** The owners expected: imported notices not started yet (the waiting list), or all of a batch. */
  'moveIn.notices': { kind: 'read', input: NoticeListInputSchema, output: pageOf(NoticeRowSchema), permission: 'move-in.read' },
  /** The imported batches of notices, newest first, each with its counts (the batch pickers of the notices and the register). */
  'moveIn.batches': { kind: 'read', input: empty, output: z.array(NoticeBatchSchema), permission: 'move-in.read' },

  'movingIn.list': { kind: 'read', input: MovingInListInputSchema, output: pageOf(MovingInRowSchema), permission: 'move-in.read' },
  'movingIn.get': { kind: 'read', input: z.strictObject({ id }), output: MovingInDetailSchema, permission: 'move-in.read' },
  'movingIn.create': mw(MovingInCreateSchema),
  /** 入住知会单: one department's receipt. */
  'movingIn.receipt': mw(MovingInReceiptInputSchema),
  'movingIn.void': mw(voidInput, 'move-in.void'),
} as const satisfies Record<string, ChannelDef>;
