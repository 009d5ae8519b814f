import type { DecorationDetail } from '../../../../shared/workflows/decoration/schema';

/** The permit's work: patrols, violations (notice calls, signatures, penalty, rectified), hot-work approvals. */
export function DuringWork(_props: { detail: DecorationDetail; onChange: (d: DecorationDetail) => void }) {
  return null;
}
