import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { mono, muted } from './format';

/**
 * The rows of a records table (`/slips`, `/decoration`, `/move-in`, …): a click opens the record at
 * `<base>/<id>`; each row carries `data-testid`, its number and its state.
 */
export function useRecordRow(base: string, testId: string) {
  const navigate = useNavigate();
  return (r: { id: string; number: string; state: string }) =>
    ({
      onClick: () => navigate(`${base}/${r.id}`),
      style: { cursor: 'pointer' },
      'data-testid': testId,
      'data-number': r.number,
      'data-state': r.state,
    }) as object;
}

/** A records table's number cell: the number, a link to the record (the row's own click is not fired as well). */
export function RecordNumberLink({ to, number }: { to: string; number: string }) {
  return (
    <Link to={to} onClick={(e) => e.stopPropagation()} style={{ ...mono, fontWeight: 600 }}>
      {number}
    </Link>
  );
}

/** A records table's unit cell: the unit's code, and its use in small grey. */
export function UnitUseCell({ code, use }: { code: string; use: string }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <strong>{code}</strong> <span style={{ ...muted, fontSize: 12 }}>{t(`enum.use.${use}`)}</span>
    </span>
  );
}
