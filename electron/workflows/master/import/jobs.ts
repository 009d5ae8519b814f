import { AppError } from '../../../../shared/kernel/errors';
import type { ImportProgress, ImportSummary } from '../../../../shared/contract';
import type { ImportResult, UnitChange } from '../../../../shared/master/contract';
import { SKIP_REASONS, type ImportParty, type ImportRow, type ParsedImport, type SkipReason } from '../../../../shared/master/import-schema';
import { maskIdNumber, maskPhone } from '../../../../shared/master/id-number';
import type { ServiceCtx } from '../../../host/context';
import type { Logger } from '../../../host/log';
import { parseImportFile } from './parse';
import { commitRows, existingUnit, isChange, planExisting, type ImportCounts } from './commit';

interface Job {
  id: string;
  userId: string;
  fileName: string;
  parsed: ParsedImport;
  /** Lines the parse left out (blank, totals, notes, rows with errors), by reason: skipped by any run. */
  leftOut: Map<SkipReason, number[]>;
  progress: ImportProgress;
}

const CHUNK = 500;
const MAX_JOBS = 5;
const PREVIEW_ROWS = 20;
const EXISTING_ROWS = 500;
const SKIPPED_LINES = 50;

function partyPreview(p: ImportParty | null): ImportSummary['preview'][number]['owner'] {
  if (!p) return null;
  return {
    name: p.name,
    kind: p.kind,
    phoneMasked: p.phone ? maskPhone(p.phone) : null,
    idType: p.idNumber ? (p.idType ?? 'resident_id') : null,
    idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null,
    birthday: p.birthday ?? null,
    birthdayFromId: p.birthdayFromId === true,
    note: p.note ?? null,
  };
}

/** Lines the parse leaves out, by reason: blank / total / note lines, and rows with errors (a repeated unit, or any other). */
function leftOutLines(parsed: ParsedImport): Map<SkipReason, number[]> {
  const out = new Map<SkipReason, number[]>();
  const add = (reason: SkipReason, line: number) => {
    const lines = out.get(reason) ?? [];
    lines.push(line);
    out.set(reason, lines);
  };
  for (const s of parsed.skipped) add(s.reason, s.line);
  const byLine = new Map<number, boolean>();
  for (const e of parsed.errors) byLine.set(e.line, (byLine.get(e.line) ?? false) || e.code === 'import.error.duplicateUnit');
  for (const [line, duplicate] of byLine) add(duplicate ? 'duplicate' : 'error', line);
  return out;
}

function ordered<T>(by: Map<SkipReason, T>): Array<[SkipReason, T]> {
  return SKIP_REASONS.filter((r) => by.has(r)).map((r) => [r, by.get(r)!]);
}

/**
 * Import jobs: preview parses and keeps the rows in memory; commit writes them in ONE transaction so a
 * failure leaves nothing half-imported, yielding to the event loop between chunks so progress can be
 * polled. While a job holds the transaction the host refuses other writes (they would share it).
 */
export class ImportJobs {
  private jobs = new Map<string, Job>();
  private running: string | null = null;
  private cancelled = false;

  constructor(
    private ctxFor: (user: ServiceCtx['user']) => ServiceCtx,
    private backupFirst: () => unknown,
    private log: Logger,
  ) {}

  busy(): boolean {
    return this.running !== null;
  }

  cancelAll() {
    this.cancelled = true;
  }

  async preview(ctx: ServiceCtx, fileName: string, data: Uint8Array): Promise<ImportSummary> {
    const parsed = await parseImportFile(fileName, data);
    const id = ctx.newId();
    const total = parsed.rows.length;
    const leftOut = leftOutLines(parsed);
    this.jobs.set(id, {
      id,
      userId: ctx.user!.id,
      fileName,
      parsed,
      leftOut,
      progress: { jobId: id, phase: 'ready', done: 0, total, result: null, error: null },
    });
    // Keep only the newest few previews in memory.
    while (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value!);

    // Units already on file: what importing each row does to it, decided as the commit will decide it.
    const today = ctx.today();
    const plans = new Map<number, UnitChange[]>();
    for (const r of parsed.rows) {
      const unit = existingUnit(ctx.db, r.unitCode);
      if (unit) plans.set(r.line, planExisting(ctx.db, r, unit, today));
    }
    const skippedBy = new Map(leftOut);
    const unchanged = [...plans].filter(([, changes]) => !changes.some(isChange)).map(([line]) => line);
    if (unchanged.length) skippedBy.set('unchanged', unchanged);
    const skipped = ordered(skippedBy).map(([reason, lines]) => ({ reason, count: lines.length, lines: [...lines].sort((x, y) => x - y).slice(0, SKIPPED_LINES) }));

    const errorLines = new Set(parsed.errors.map((e) => e.line));
    return {
      jobId: id,
      fileName,
      totalLines: parsed.totalLines,
      validRows: parsed.rows.length,
      errorRows: errorLines.size,
      encoding: parsed.encoding,
      columns: parsed.columns,
      ignoredColumns: parsed.ignoredColumns,
      fileErrors: parsed.fileErrors.map((e) => ({ ...e, column: e.column ?? null })),
      errors: parsed.errors.slice(0, 500).map((e) => ({ ...e, column: e.column ?? null })),
      newUnits: parsed.rows.length - plans.size,
      existingUnits: plans.size,
      skipped,
      skippedRows: skipped.reduce((n, s) => n + s.count, 0),
      existing: parsed.rows
        .filter((r) => plans.has(r.line))
        .slice(0, EXISTING_ROWS)
        .map((r) => ({ line: r.line, unitCode: r.unitCode, changes: plans.get(r.line)! })),
      preview: parsed.rows.slice(0, PREVIEW_ROWS).map((r) => ({
        line: r.line,
        unitCode: r.unitCode,
        buildingCode: r.buildingCode,
        use: r.use,
        useDefaulted: r.useDefaulted === true,
        floor: r.floor,
        floorFromCode: r.floorFromCode === true,
        areaM2: r.areaM2,
        state: r.state,
        note: r.note ?? null,
        owner: partyPreview(r.owner),
        tenant: partyPreview(r.tenant),
        tenancyStart: r.tenancyStart,
        changes: plans.get(r.line) ?? null,
      })),
    };
  }

  private job(ctx: ServiceCtx, jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job || job.userId !== ctx.user?.id) throw new AppError('NOT_FOUND');
    return job;
  }

  progress(ctx: ServiceCtx, jobId: string): ImportProgress {
    return this.job(ctx, jobId).progress;
  }

  commit(ctx: ServiceCtx, jobId: string, onlyValid: boolean): ImportProgress {
    const job = this.job(ctx, jobId);
    if (job.progress.phase !== 'ready') throw new AppError('BAD_STATE', 'error.importAlreadyRun');
    if (job.parsed.fileErrors.length) throw new AppError('BAD_STATE', 'error.importHasErrors');
    if (job.parsed.errors.length && !onlyValid) throw new AppError('BAD_STATE', 'error.importHasErrors');
    if (this.running) throw new AppError('BAD_STATE', 'error.busyImporting');
    this.backupFirst();
    job.progress = { ...job.progress, phase: 'importing' };
    this.running = job.id;
    this.cancelled = false;
    void this.run(this.ctxFor(ctx.user), job);
    return job.progress;
  }

  private async run(ctx: ServiceCtx, job: Job) {
    const rows: ImportRow[] = job.parsed.rows;
    const counts: ImportCounts = { buildings: 0, units: 0, people: 0, links: 0, skipped: 0, updated: 0 };
    const db = ctx.db;
    db.exec('BEGIN IMMEDIATE');
    try {
      for (let i = 0; i < rows.length; i += CHUNK) {
        if (this.cancelled) throw new Error('import cancelled');
        commitRows(ctx, rows.slice(i, i + CHUNK), counts);
        job.progress = { ...job.progress, done: Math.min(i + CHUNK, rows.length) };
        await new Promise((r) => setImmediate(r));
      }
      const result = resultOf(counts, job.leftOut);
      ctx.audit('import', 'import', job.id, null, { file: job.fileName, rows: rows.length, errorRows: job.parsed.errors.length, ...result });
      db.exec('COMMIT');
      job.progress = { ...job.progress, phase: 'done', done: rows.length, result };
      this.log('info', `import ${job.fileName}: ${JSON.stringify(counts)}`);
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      job.progress = { ...job.progress, phase: 'failed', error: 'error.importFailed' };
      this.log('error', `import ${job.fileName} failed, rolled back: ${(e as Error).stack ?? String(e)}`);
    } finally {
      this.running = null;
      job.parsed = { ...job.parsed, rows: [] };
    }
  }
}

/** The run's result: what was added and updated, and every line left out — by the parse, or as an unchanged existing unit. */
function resultOf(counts: ImportCounts, leftOut: Map<SkipReason, number[]>): ImportResult {
  const by = new Map<SkipReason, number>([...leftOut].map(([reason, lines]) => [reason, lines.length]));
  if (counts.skipped) by.set('unchanged', counts.skipped);
  const skippedBy = ordered(by).map(([reason, count]) => ({ reason, count }));
  return {
    buildings: counts.buildings,
    units: counts.units,
    updated: counts.updated ?? 0,
    people: counts.people,
    links: counts.links,
    skipped: skippedBy.reduce((n, s) => n + s.count, 0),
    skippedBy,
  };
}
