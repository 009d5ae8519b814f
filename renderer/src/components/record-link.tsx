import { useState } from 'react';
import { Button, App } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText, invoke } from '../api';

/**
 * A record number (FX-…, ZX-…) that opens its record: the number is looked up the way the global search opens
 * a typed or scanned number, so the user's own permission decides whether it opens.
 */
export function RecordNumberLink({ number }: { number: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const hit = (await invoke('search.global', { q: number.slice(0, 50) })).find((h) => h.title === number && h.route);
      if (hit?.route) navigate(hit.route);
      else message.info(t('error.noRecordNumbered', { number }));
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="link" size="small" loading={busy} onClick={() => void open()} style={{ padding: 0, fontFamily: 'ui-monospace, monospace' }} data-testid="record-number-link">
      {number}
    </Button>
  );
}
