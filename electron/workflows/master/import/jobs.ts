import { AppError } from '../../../../shared/kernel/errors';
import type { ImportProgress, ImportSummary } from '../../../../shared/contract';
import type { ImportRow, ParsedImport } from '../../../../shared/master/import-schema';
import type { ServiceCtx } from '../../../host/context';
import type { Logger } from '../../../host/log';
import { parseImportFile } from './parse';
import { commitRows, type ImportCounts } from './commit';

interface Job {
  id: string;
  userId: string;
  fileName: string;
  parsed: ParsedImport;
  progress: ImportProgress;
}

const CHUNK = 500;
const MAX_JOBS = 5;

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
    this.jobs.set(id, {
      id,
      userId: ctx.user!.id,
      fileName,
      parsed,
      progress: { jobId: id, phase: 'ready', done: 0, total, result: null, error: null },
    });
    // Keep only the newest few previews in memory.
    while (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    const errorLines = new Set(parsed.errors.map((e) => e.line));
    return {
      jobId: id,
      fileName,
      totalLines: parsed.totalLines,
      validRows: parsed.rows.length,
      errorRows: errorLines.size,
      encoding: parsed.encoding,
      columns: parsed.columns,
      fileErrors: parsed.fileErrors.map((e) => ({ ...e, column: e.column ?? null })),
      errors: parsed.errors.slice(0, 500).map((e) => ({ ...e, column: e.column ?? null })),
      preview: parsed.rows.slice(0, 20).map((r) => ({
        line: r.line,
        unitCode: r.unitCode,
        buildingCode: r.buildingCode,
        use: r.use,
        state: r.state,
        owner: r.owner?.name ?? null,
        tenant: r.tenant?.name ?? null,
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
    const counts: ImportCounts = { buildings: 0, units: 0, people: 0, links: 0, skipped: 0 };
    const db = ctx.db;
    db.exec('BEGIN IMMEDIATE');
    try {
      for (let i = 0; i < rows.length; i += CHUNK) {
        if (this.cancelled) throw new Error('import cancelled');
        commitRows(ctx, rows.slice(i, i + CHUNK), counts);
        job.progress = { ...job.progress, done: Math.min(i + CHUNK, rows.length) };
        await new Promise((r) => setImmediate(r));
      }
      ctx.audit('import', 'import', job.id, null, { file: job.fileName, rows: rows.length, errorRows: job.parsed.errors.length, ...counts });
      db.exec('COMMIT');
      job.progress = { ...job.progress, phase: 'done', done: rows.length, result: counts };
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
