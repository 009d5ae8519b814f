import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, balanceOf, entryError, feeLines, isRefunded, missingItems, passAnswer, refundDueDate, refundOf, type LedgerEntry, type LedgerKind } from '../../../shared/workflows/decoration/rules';
import { DEFAULT_DECORATION_SETTINGS } from '../../../shared/workflows/decoration/settings';

describe('the deposit ledger', () => {
  const step = fc.record({ kind: fc.constantFrom<LedgerKind>('payment', 'penalty', 'utilities', 'refund'), amountFen: fc.integer({ min: -5, max: 500_000 }) });

  it('over random sequences: whatever is accepted keeps the balance equal to the sum of the entries, never negative, refunded once and then 0', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (attempts) => {
        const kept: LedgerEntry[] = [];
        for (const a of attempts) {
          // A refund is always asked for as the whole balance (the service computes it); other steps as they come.
          const next = a.kind === 'refund' && kept.length ? { kind: a.kind, amountFen: balanceOf(kept) } : a;
          if (entryError(kept, next) === null) kept.push(next);
          const sum = kept.reduce((s, e) => s + (e.kind === 'payment' ? e.amountFen : -e.amountFen), 0);
          expect(balanceOf(kept)).toBe(sum);
          expect(balanceOf(kept)).toBeGreaterThanOrEqual(0);
        }
        expect(kept.filter((e) => e.kind === 'refund').length).toBeLessThanOrEqual(1);
        expect(kept.filter((e) => e.kind === 'payment').length).toBeLessThanOrEqual(1);
        if (kept.length) expect(kept[0].kind).toBe('payment');
        if (isRefunded(kept)) {
          expect(kept.at(-1)!.kind).toBe('refund');
          expect(balanceOf(kept)).toBe(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a refund that is not the whole balance, a deduction beyond it, anything after the refund', () => {
    const paid: LedgerEntry[] = [{ kind: 'payment', amountFen: 200_000 }];
    expect(entryError([], { kind: 'penalty', amountFen: 1 })).toBe('decoration.ledger.notPaid');
    expect(entryError(paid, { kind: 'payment', amountFen: 1 })).toBe('decoration.ledger.paidTwice');
    expect(entryError(paid, { kind: 'penalty', amountFen: 200_001 })).toBe('decoration.ledger.exceedsBalance');
    expect(entryError(paid, { kind: 'refund', amountFen: 199_999 })).toBe('decoration.ledger.refundNotBalance');
    expect(entryError(paid, { kind: 'utilities', amountFen: 0.5 })).toBe('decoration.ledger.badAmount');
    expect(entryError([...paid, { kind: 'refund', amountFen: 200_000 }], { kind: 'penalty', amountFen: 1 })).toBe('decoration.ledger.refunded');
  });

  it('refund = deposit − penalties − utilities, each deduction only up to what is left', () => {
    expect(refundOf(200_000, [50_000], 12_050)).toEqual({ deducted: { penaltiesFen: 50_000, utilitiesFen: 12_050 }, uncoveredFen: 0, refundFen: 137_950 });
    expect(refundOf(200_000, [150_000, 80_000], 5_000)).toEqual({ deducted: { penaltiesFen: 200_000, utilitiesFen: 0 }, uncoveredFen: 35_000, refundFen: 0 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 6 }), fc.integer({ min: 0, max: 1_000_000 }), (dep, pens, util) => {
        const r = refundOf(dep, pens, util);
        expect(r.refundFen).toBeGreaterThanOrEqual(0);
        expect(r.refundFen + r.deducted.penaltiesFen + r.deducted.utilitiesFen).toBe(dep);
        expect(r.deducted.penaltiesFen + r.deducted.utilitiesFen + r.uncoveredFen).toBe(pens.reduce((a, b) => a + b, 0) + util);
      }),
    );
  });
});

describe('dates and answers', () => {
  it('adds calendar months keeping the day or the month’s last one', () => {
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(refundDueDate('2026-03-15', { unit: 'days', n: 15 })).toBe('2026-03-30');
  });

  it('answers a pass by its dates, its revocation and whether its permit is open', () => {
    const p = { validFrom: '2026-03-10', validTo: '2026-03-20', revokedAt: null, permitOpen: true };
    expect(passAnswer(p, '2026-03-09')).toBe('notYet');
    expect(passAnswer(p, '2026-03-10')).toBe('valid');
    expect(passAnswer(p, '2026-03-20')).toBe('valid');
    expect(passAnswer(p, '2026-03-21')).toBe('expired');
    expect(passAnswer({ ...p, permitOpen: false }, '2026-03-15')).toBe('expired');
    expect(passAnswer({ ...p, revokedAt: '2026-03-12T00:00:00Z' }, '2026-03-15')).toBe('revoked');
  });

  it('the fee schedule leaves out zero lines and multiplies the pass fee by the workers', () => {
    const f = DEFAULT_DECORATION_SETTINGS.decorationFees;
    expect(feeLines('residential', f.residential, { workers: 0, fireChange: true }).map((l) => l.code)).toEqual(['deposit', 'debris']);
    expect(feeLines('shop', f.shop, { workers: 3, fireChange: true }).find((l) => l.code === 'passes')).toEqual({ code: 'passes', quantity: 3, unitFen: 500, amountFen: 1500 });
    expect(missingItems({ use: 'residential', selfDecoration: true, applicant: 'owner' }, []).length).toBe(10);
  });
});
