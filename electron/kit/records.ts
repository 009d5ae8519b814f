import type { Language as Lang } from '../../shared/i18n/index';
import { pageSizePt, type PageFormat } from '../../shared/kernel/records';
import { parseRecordNumber, type RecordNumber } from '../../shared/kernel/record-number';
import { AppError } from '../../shared/kernel/errors';
import type { Permission } from '../../shared/kernel/permissions';
import type { SearchHit } from '../../shared/master/schema';
import type { ServiceCtx } from '../host/context';
import { renderPdf, type DocDefinition } from '../pdf/engine';

/** One printed form of a kind of record: its paper, and how it is rendered. */
export interface FormDef {
  /** Stable name, for `cli print --form NAME` (kebab-case, e.g. release-slip). */
  name: string;
  title: Record<Lang, string>;
  format: PageFormat;
  /** Who may print it from the app (`records.print`); unset: whoever may see the record (its kind's `search`). */
  permission?: Permission;
  /**
   * The form of the record, rendered on the form's paper (see `renderForm`). A print after the first is a
   * copy (every part of it marked 副本 / COPY) and is logged as a reprint on the record's timeline. `item` names
   * one part of the record when the form is of that part (a permit's rectification notice is of one violation).
   */
  print(ctx: ServiceCtx, recordId: string, lang: Lang, item?: string): Promise<{ bytes: Buffer; copy: boolean }>;
}

/** A kind of numbered record, as the kit knows it: one entry per workflow record in electron/workflows/records.ts. */
export interface RecordKindDef {
  kind: string;
  title: Record<Lang, string>;
  /** The record with this number, whatever prefix it was numbered with (the setting may have changed since). */
  byNumber(ctx: ServiceCtx, number: RecordNumber): { id: string; number: string } | null;
  /** "Open by number" in the global search: its hits for the number, if the user may see them. */
  search(ctx: ServiceCtx, number: RecordNumber): SearchHit[];
  forms: readonly FormDef[];
}

/** Renders a document on the form's paper: the size (and orientation) is the form's, never the builder's. */
export function renderForm(format: PageFormat, doc: DocDefinition): Promise<Buffer> {
  return renderPdf({ ...doc, pageSize: pageSizePt(format), pageOrientation: undefined });
}

export interface FoundRecord {
  kind: RecordKindDef;
  id: string;
  number: string;
}

/** The record a typed or scanned number names, of any kind; NOT_FOUND with the number as typed. */
export function findRecord(kinds: readonly RecordKindDef[], ctx: ServiceCtx, text: string): FoundRecord {
  const n = parseRecordNumber(text);
  if (n) {
    for (const kind of kinds) {
      const r = kind.byNumber(ctx, n);
      if (r) return { kind, ...r };
    }
  }
  throw new AppError('NOT_FOUND', 'error.noRecordNumbered', { params: { number: text.trim() } });
}

/** One of a record's forms by name (the first when no name is given); BAD_STATE naming the forms there are. */
export function pickForm(found: FoundRecord, name?: string): FormDef {
  const forms = found.kind.forms;
  const form = name ? forms.find((f) => f.name === name) : forms[0];
  if (!form) throw new AppError('BAD_STATE', 'error.noSuchForm', { params: { number: found.number, form: name ?? '', forms: forms.map((f) => f.name).join(', ') } });
  return form;
}

/** Open by number: every kind's hits for a query that reads as a record number. */
export function searchByNumber(kinds: readonly RecordKindDef[], ctx: ServiceCtx, number: RecordNumber): SearchHit[] {
  return kinds.flatMap((k) => k.search(ctx, number));
}
