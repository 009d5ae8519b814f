import { useEffect, useRef, useState } from 'react';
import { Button, Tooltip } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api';
import { useCan } from './permissions';
import { useNotifyError } from './feedback';

export type RevealField = 'phone' | 'phone2' | 'idNumber' | 'emergencyPhone';

const SHOW_MS = 30_000;

/**
 * A masked phone or ID number, with an eye button (for roles with `pii.reveal`) that asks the
 * host for the clear value — a logged action — and shows it for 30 seconds.
 */
export function RevealValue({ personId, field, masked }: { personId: string; field: RevealField; masked: string | null }) {
  return <RevealText masked={masked} testId={field} resetKey={personId} load={async () => (await invoke('people.reveal', { id: personId, field })).value} />;
}

/**
 * The same for any record's masked value: `load` asks the host's reveal channel (which logs it);
 * `resetKey` names the record, so another record's value is never left on screen.
 */
export function RevealText({ masked, load, testId, resetKey }: { masked: string | null; load: () => Promise<string | null>; testId: string; resetKey: string }) {
  const { t } = useTranslation();
  const allowed = useCan()('pii.reveal');
  const notify = useNotifyError();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    setValue(null);
    window.clearTimeout(timer.current);
  }, [resetKey, masked]);

  if (!masked) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>—</span>;

  const reveal = async () => {
    if (busy) return;
    setBusy(true);
    try {
      setValue((await load()) ?? '');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setValue(null), SHOW_MS);
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };
  const hide = () => {
    window.clearTimeout(timer.current);
    setValue(null);
  };

  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <span data-testid={`value-${testId}`} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}>
        {value ?? masked}
      </span>
      {allowed ? (
        value === null ? (
          <Tooltip title={t('person.revealTip')}>
            <Button size="small" type="text" icon={<EyeOutlined />} loading={busy} onClick={reveal} aria-label={t('person.reveal')} data-testid={`reveal-${testId}`} />
          </Tooltip>
        ) : (
          <Tooltip title={t('person.hide')}>
            <Button size="small" type="text" icon={<EyeInvisibleOutlined />} onClick={hide} aria-label={t('person.hide')} data-testid={`hide-${testId}`} />
          </Tooltip>
        )
      ) : null}
    </span>
  );
}
