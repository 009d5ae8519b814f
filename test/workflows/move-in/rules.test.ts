import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaCenti,
  handoverError,
  isOverdue,
  MOVE_IN_STEPS,
  nextStep,
  occupancyOf,
  periodEnd,
  prepaidFee,
  rectificationStep,
  revolvingDeposit,
  stepError,
  tenantGaps,
} from '../../../shared/workflows/move-in/rules';
import { DEFAULT_MOVE_IN_SETTINGS } from '../../../shared/workflows/move-in/settings';

describe('the steps', () => {
  it('are taken in order, each once, none skipped', () => {
    expect(MOVE_IN_STEPS).toEqual(['identity', 'fees', 'copies', 'archive', 'keys', 'inspection', 'handover', 'vacant']);
    expect(nextStep([])).toBe('identity');
    expect(stepError('identity', 'open', [])).toBeNull();
    expect(stepError('fees', 'open', [])).toBe('movein.why.order');
    expect(stepError('keys', 'open', ['identity', 'fees', 'copies'])).toBe('movein.why.order');
    expect(stepError('identity', 'open', ['identity'])).toBe('movein.why.stepDone');
    expect(stepError('handover', 'not_handed_over', ['identity', 'fees', 'copies', 'archive', 'keys', 'inspection'])).toBeNull();
    expect(stepError('identity', 'voided', [])).toBe('movein.why.closed');
    expect(stepError('identity', 'handed_over', [])).toBe('movein.why.closed');
    expect(nextStep(MOVE_IN_STEPS)).toBeNull();
  });

  it('only the step due is ever allowed, whatever was done before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MOVE_IN_STEPS.length }), fc.constantFrom(...MOVE_IN_STEPS), (n, s) => {
        const done = MOVE_IN_STEPS.slice(0, n);
        const ok = stepError(s, 'open', done) === null;
        expect(ok).toBe(MOVE_IN_STEPS.indexOf(s) === n);
      }),
    );
  });
});

describe('the fee maths, in fen', () => {
  it('rate (fen/m²/month) × area (two decimals) × 3 months, half up to the fen', () => {
    // ¥2.50 × 89.50 m² × 3 = ¥671.25.
    expect(prepaidFee({ rateFen: 250, areaM2: 89.5, months: 3 })).toBe(67_125);
    // ¥2.33 × 89.55 × 3 = 62,595.45 fen → 62,595; ¥2.35 × 89.55 × 3 = 63,132.75 → 63,133.
    expect(prepaidFee({ rateFen: 233, areaM2: 89.55, months: 3 })).toBe(62_595);
    expect(prepaidFee({ rateFen: 235, areaM2: 89.55, months: 3 })).toBe(63_133);
    // Exactly half a fen rounds up: 1 fen × 0.5 m² × 1 = 0.5 → 1.
    expect(prepaidFee({ rateFen: 1, areaM2: 0.5, months: 1 })).toBe(1);
    // An area with floating-point noise or a third decimal is taken to the hundredth first.
    expect(areaCenti(120.00000000001)).toBe(12_000);
    expect(areaCenti(88.8)).toBe(8_880);
    expect(prepaidFee({ rateFen: 600, areaM2: 120.456, months: 3 })).toBe(216_828);
  });

  it('is an integer, never more than half a fen from the exact product', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 10_000_00 }), fc.integer({ min: 0, max: 12 }), (rate, centi, months) => {
        const fee = prepaidFee({ rateFen: rate, areaM2: centi / 100, months });
        expect(Number.isSafeInteger(fee)).toBe(true);
        expect(Math.abs(fee * 100 - rate * centi * months)).toBeLessThanOrEqual(50);
      }),
    );
  });

  it('the revolving deposit by use: office ¥1,000 electricity, business apartment ¥200 water, none otherwise', () => {
    const d = DEFAULT_MOVE_IN_SETTINGS.moveInDeposits;
    expect(revolvingDeposit(d.office)).toEqual({ kind: 'electricity', fen: 100_000 });
    expect(revolvingDeposit(d.business_apartment)).toEqual({ kind: 'water', fen: 20_000 });
    expect(revolvingDeposit(d.residential)).toEqual({ kind: 'none', fen: 0 });
    expect(revolvingDeposit(d.shop)).toEqual({ kind: 'none', fen: 0 });
    expect(revolvingDeposit({ kind: 'water', fen: 0 })).toEqual({ kind: 'none', fen: 0 });
    expect(DEFAULT_MOVE_IN_SETTINGS.moveInPrepaidMonths).toBe(3);
  });

  it('the prepaid period runs three months from the notice date', () => {
    expect(periodEnd('2026-03-01', 3)).toBe('2026-05-31');
    expect(periodEnd('2026-03-20', 3)).toBe('2026-06-19');
    expect(periodEnd('2025-11-30', 3)).toBe('2026-02-27');
  });
});

describe('rectification items and the handover gate', () => {
  it('open → fixed → accepted, or reopened; nothing else', () => {
    expect(rectificationStep('fix', 'open')).toEqual({ to: 'fixed' });
    expect(rectificationStep('accept', 'fixed')).toEqual({ to: 'accepted' });
    expect(rectificationStep('reopen', 'fixed')).toEqual({ to: 'open' });
    expect(rectificationStep('accept', 'open')).toEqual({ error: 'movein.why.rect.accept' });
    expect(rectificationStep('fix', 'accepted')).toEqual({ error: 'movein.why.rect.fix' });
    expect(rectificationStep('reopen', 'accepted')).toEqual({ error: 'movein.why.rect.reopen' });
  });

  it('overdue when still open after its due date', () => {
    expect(isOverdue({ state: 'open', dueDate: '2026-03-30' }, '2026-03-31')).toBe(true);
    expect(isOverdue({ state: 'open', dueDate: '2026-03-31' }, '2026-03-31')).toBe(false);
    expect(isOverdue({ state: 'fixed', dueDate: '2026-03-01' }, '2026-03-31')).toBe(false);
  });

  it('open critical defects refuse the handover unless accepted in writing', () => {
    expect(handoverError(0, false)).toBeNull();
    expect(handoverError(2, false)).toBe('movein.error.criticalOpen');
    expect(handoverError(2, true)).toBeNull();
  });
});

describe('moving in', () => {
  it('sets the state by use and occupant', () => {
    expect(occupancyOf('residential', 'owner')).toBe('owner_occupied');
    expect(occupancyOf('business_apartment', 'owner')).toBe('owner_occupied');
    expect(occupancyOf('office', 'owner')).toBe('office_in_use');
    expect(occupancyOf('shop', 'owner')).toBe('office_in_use');
    for (const u of ['residential', 'office', 'business_apartment', 'shop'] as const) expect(occupancyOf(u, 'tenant')).toBe('rented');
  });

  it("a tenant needs the owner's agreement, the pledge, and a lease covering the day", () => {
    const ok = { ownerAnswer: 'agreed' as const, pledgeSigned: true, leaseFrom: '2026-04-01', leaseTo: '2027-03-31', date: '2026-04-02' };
    expect(tenantGaps(ok)).toEqual({});
    expect(tenantGaps({ ...ok, ownerAnswer: null })).toEqual({ 'ownerConfirmation.answer': 'v.required' });
    expect(tenantGaps({ ...ok, ownerAnswer: 'refused' })).toEqual({ 'ownerConfirmation.answer': 'movein.v.ownerNotAgreed' });
    expect(tenantGaps({ ...ok, pledgeSigned: false })).toEqual({ pledgeSigned: 'movein.v.pledge' });
    expect(tenantGaps({ ...ok, leaseTo: '2026-03-01' })).toEqual({ leaseTo: 'v.endBeforeStart' });
    expect(tenantGaps({ ...ok, date: '2026-03-31' })).toEqual({ date: 'movein.v.outsideLease' });
    expect(tenantGaps({ ...ok, leaseFrom: null })).toEqual({ leaseFrom: 'v.required' });
  });
});
