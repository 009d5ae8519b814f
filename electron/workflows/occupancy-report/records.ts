import { AppError } from '../../../shared/kernel/errors';
import { can } from '../../../shared/kernel/permissions';
import type { RecordKindDef } from '../../kit/records';
import type { SearchHit } from '../../../shared/master/schema';
import { exportReport } from './export';
import { snapshot, snapshotByNumber } from './repo';
import { REPORT_FORMAT } from './forms/report-pdf';

/**
 * Finalised monthly reports in the record kit: each version (the original and every revision) has its YB
 * number; the number opens that version's page and prints that version, whatever was finalised since.
 */
export const occupancyReportRecords: RecordKindDef = {
  kind: 'occupancy-report',
  title: { 'zh-CN': '月度物业动态信息表', en: 'monthly occupancy report' },
  byNumber: (ctx, number) => {
    const r = snapshotByNumber(ctx.db, number.canonical);
    return r ? { id: r.id, number: r.number } : null;
  },
  search: (ctx, number): SearchHit[] => {
    if (!can(ctx.user?.role, 'occupancyReport.read')) return [];
    const r = snapshotByNumber(ctx.db, number.canonical);
    if (!r) return [];
    return [{ kind: 'report', id: r.id, title: r.number, subtitle: r.month, unitId: null, route: `/reports/occupancy?month=${r.month}&snapshot=${r.id}`, revision: r.revision }];
  },
  forms: [
    {
      name: 'occupancy-report',
      title: { 'zh-CN': '月度物业动态信息表（PDF）', en: 'Monthly occupancy report (PDF)' },
      format: REPORT_FORMAT,
      print: async (ctx, id, lang) => {
        const s = snapshot(ctx.db, id);
        if (!s) throw new AppError('NOT_FOUND');
        const file = await exportReport(ctx, { month: s.month, format: 'pdf', lang, snapshotId: id });
        // A finalised report is printed as often as it is needed: every print is the same stored version.
        return { bytes: file.bytes, copy: false };
      },
    },
  ],
};
