import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/en';
import { changeParts, changeText } from '../../renderer/src/features/audit/describe';

/** A `t` over the English messages, like i18next's (with defaultValue). */
function t(key: string, options?: Record<string, unknown>): string {
  let node: unknown = en;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : String(options?.defaultValue ?? key);
}

const entry = (entity: string, before: unknown, after: unknown) => ({
  entity,
  before: before === null ? null : JSON.stringify(before),
  after: after === null ? null : JSON.stringify(after),
});
const text = (entity: string, before: unknown, after: unknown) => changeText(changeParts(t, entry(entity, before, after)));

describe('audit change column', () => {
  it('shows enum values by their labels, by record kind', () => {
    expect(text('slip', { state: 'awaiting_verification' }, { answer: 'agreed', state: 'ready_to_issue', contact: '王五' })).toBe(
      'state: Awaiting verification → Ready to issue · answer: Agreed · contact: 王五',
    );
    expect(text('unit', { state: 'vacant', date: '2026-01-05' }, { state: 'rented', date: '2026-01-05', note: '' })).toBe('state: Vacant → Rented');
    expect(text('link', null, { unit: '1-101', person: '张三', relation: 'co_owner', startDate: '2026-01-05', endDate: null })).toBe(
      'unit: 1-101 · person: 张三 · relation: Co-owner · startDate: 2026-01-05',
    );
    expect(text('user', { displayName: '李', role: 'clerk', active: true }, { displayName: '李', role: 'supervisor', active: true })).toBe(
      'role: Front-desk clerk → Service supervisor',
    );
    expect(text('person', null, { field: 'idNumber', name: '王经理' })).toBe('field: ID number · name: 王经理');
    // How each signer signed, at issue.
    expect(text('slip', { state: 'ready_to_issue' }, { state: 'issued', signClerk: 'screen', signCarrier: 'paper', signOwner: 'recording', recordingRef: 'REC-1' })).toBe(
      'state: Ready to issue → Issued · signClerk: signed on screen · signCarrier: signs on paper · signOwner: does not sign (phone recording) · recordingRef: REC-1',
    );
  });

  it('shortens ids, flattens nested values and lists, and keeps what names the record', () => {
    const unitId = '01a206db-f73f-7094-8100-90a2e95dd01a';
    expect(
      text('slip', null, {
        number: 'FX-2026-000001',
        unitId,
        nature: 'moving_out',
        reason: null,
        carrier: { type: 'tenant', name: '赵六', phone: '138****5678' },
        items: ['沙发×1件', '冰箱×1台'],
        tenantMoveOut: true,
      }),
    ).toBe('number: FX-2026-000001 · unitId: …e95dd01a · nature: Moving out · carrier: Tenant 赵六 138****5678 · items: 沙发×1件, 冰箱×1台 · tenantMoveOut: true');
    // An update: only what changed, plus the code that says which unit.
    expect(
      text('unit', { buildingId: unitId, code: '1-101', use: 'residential', floor: 1, areaM2: 88.5, note: null }, { buildingId: unitId, code: '1-101', use: 'shop', floor: 1, areaM2: 88.88, note: '临街' }),
    ).toBe('code: 1-101 · use: Residential → Shop · areaM2: 88.5 → 88.88 · note: — → 临街');
    // A void: what it was, and why.
    expect(text('building', { code: '3', name: '3栋' }, { reason: '录错' })).toBe('code: 3 · name: 3栋 · reason: 录错');
  });

  it('falls back to the raw text for entries that are not objects', () => {
    expect(changeParts(t, { entity: 'x', before: null, after: '[1,2]' })).toEqual([{ key: '', before: undefined, after: '[1,2]' }]);
    expect(changeParts(t, { entity: 'x', before: null, after: null })).toEqual([]);
  });
});
