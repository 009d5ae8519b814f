import type { DecorationDetail } from '../../../../shared/workflows/decoration/schema';

/** The completion inspection (its request, problems, closing them) and the deposit refund (checks, deductions, signatures, payout). */
export function Completion(_props: { detail: DecorationDetail; onChange: (d: DecorationDetail) => void }) {
  return null;
}
