import { can } from '../../../shared/kernel/permissions';
import type { SearchHit } from '../../../shared/master/schema';
import type { RecordKindDef } from '../../kit/records';
import { DECORATION_FORMS } from './print';
import * as repo from './repo';
import { decorationByNumber } from './service';

/** Decoration permits in the record kit: their ZX numbers (typed, or scanned from the permit's QR), their search hits and forms. */
export const decorationRecords: RecordKindDef = {
  kind: 'decoration',
  title: { 'zh-CN': '装修申请', en: 'decoration permit' },
  byNumber: (ctx, number) => {
    const d = decorationByNumber(ctx, number.canonical);
    return d ? { id: d.id, number: d.number } : null;
  },
  search: (ctx, number): SearchHit[] => {
    if (!can(ctx.user?.role, 'decoration.read')) return [];
    const d = decorationByNumber(ctx, number.canonical);
    return d ? [{ kind: 'decoration', id: d.id, title: d.number, subtitle: d.unit_code, unitId: d.unit_id, state: d.state, route: `/decoration/${d.id}` }] : [];
  },
  forms: DECORATION_FORMS,
};

/** Worker passes (出入证): a CR number scanned at the desk opens the permit it belongs to; the gate checks it with `passes.check`. */
export const passRecords: RecordKindDef = {
  kind: 'pass',
  title: { 'zh-CN': '出入证', en: 'worker pass' },
  byNumber: (ctx, number) => {
    const p = repo.passByNumber(ctx.db, number.canonical);
    return p ? { id: p.id, number: p.number } : null;
  },
  search: (ctx, number): SearchHit[] => {
    if (!can(ctx.user?.role, 'decoration.read')) return [];
    const p = repo.passByNumber(ctx.db, number.canonical);
    if (!p) return [];
    const d = repo.byId(ctx.db, p.decoration_id)!;
    return [{ kind: 'pass', id: p.id, title: p.number, subtitle: `${d.unit_code} · ${p.name}`, unitId: d.unit_id, state: p.revoked_at ? 'revoked' : 'issued', route: `/decoration/${d.id}` }];
  },
  forms: [],
};
