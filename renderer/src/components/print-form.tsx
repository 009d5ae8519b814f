import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Modal, Space, Tag } from 'antd';
import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, invoke } from '../api';
import { base64Blob, MIME_TYPES, saveFile } from './save-file';
import { useSessionStore } from '../stores/use-session-store';

interface Rendered {
  fileName: string;
  pdfBase64: string;
  copy: boolean;
  url: string;
}

/**
 * Prints one of a record's forms through the record kit (`records.print` by the record's number): the same
 * call for every kind of record. The first print is the original; each later one is a copy (副本) and is
 * logged on the record's timeline, so one fetched PDF serves preview, save and print until asked again.
 */
export function PrintFormButton({ number, form, item, label, onPrinted, testId = 'print-form', size }: {
  number: string;
  form?: string;
  /** One part of the record the form is of (a decoration permit's violation notice, hot-work approval): its id. */
  item?: string;
  label: string;
  onPrinted?: () => void;
  testId?: string;
  size?: 'small' | 'middle';
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const caps = useSessionStore((s) => s.app?.capabilities);
  const [open, setOpen] = useState(false);
  const [pdf, setPdf] = useState<Rendered | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const urls = useRef<string[]>([]);

  useEffect(
    () => () => {
      for (const u of urls.current) URL.revokeObjectURL(u);
    },
    [],
  );

  const render = async (): Promise<Rendered> => {
    const r = await invoke('records.print', { number, form, item, lang: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' });
    const url = URL.createObjectURL(base64Blob(r.pdfBase64, MIME_TYPES.pdf));
    urls.current.push(url);
    const out = { fileName: r.fileName, pdfBase64: r.pdfBase64, copy: r.copy, url };
    setPdf(out);
    onPrinted?.();
    return out;
  };

  const run = (what: string, fn: () => Promise<void>) => async () => {
    if (busy) return;
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      // Not printable (a voided order, a role that does not hand out work orders): say why in the dialog.
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  const print = async (doc: Rendered) => {
    if (caps?.nativePrint) await invoke('pdf.print', { fileName: doc.fileName, pdfBase64: doc.pdfBase64 });
    else if (!window.open(doc.url, '_blank')) message.warning(t('slip.print.popupBlocked'));
  };

  const start = run('open', async () => {
    setOpen(true);
    if (!pdf) await render();
  });
  const doPrint = run('print', async () => print(pdf ?? (await render())));
  const doSave = run('save', async () => {
    const doc = pdf ?? (await render());
    const r = await saveFile({ fileName: doc.fileName, base64: doc.pdfBase64, type: MIME_TYPES.pdf, url: doc.url }, !!caps?.nativeDialogs);
    if (r.via === 'dialog' && r.saved) message.success(t('slip.print.saved', { path: r.path ?? doc.fileName }));
  });
  const doReprint = run('reprint', async () => print(await render()));

  return (
    <>
      <Button size={size} icon={<PrinterOutlined />} onClick={() => void start()} loading={busy === 'open' && !open} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={open}
        title={
          <Space>
            {label}
            {pdf ? <Tag color={pdf.copy ? 'orange' : 'green'} data-testid="print-kind">{pdf.copy ? t('slip.print.isCopy') : t('slip.print.isOriginal')}</Tag> : null}
          </Space>
        }
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('common.close')}</Button>
            <Button icon={<DownloadOutlined />} onClick={() => void doSave()} loading={busy === 'save'} disabled={!!busy || !pdf} data-testid="print-save">
              {t('slip.print.save')}
            </Button>
            {pdf ? (
              <Button icon={<ReloadOutlined />} onClick={() => void doReprint()} loading={busy === 'reprint'} disabled={!!busy} data-testid="print-reprint">
                {t('slip.print.reprint')}
              </Button>
            ) : null}
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => void (pdf ? doPrint() : start())} loading={busy === 'print' || busy === 'open'} disabled={!!busy} data-testid="print-print">
              {pdf ? t('slip.print.print') : t('common.retry')}
            </Button>
          </Space>
        }
        width={860}
        destroyOnHidden={false}
      >
        {error ? <Alert type="error" showIcon title={error} data-testid="print-error" style={{ marginBottom: 12 }} /> : null}
        {pdf && !caps?.nativePrint ? (
          <iframe title={label} src={pdf.url} style={{ width: '100%', height: 620, border: '1px solid #f0f0f0', borderRadius: 6, background: '#525659' }} data-testid="print-frame" />
        ) : !error ? (
          <div style={{ color: 'rgba(0,0,0,0.55)' }}>{busy ? t('repairUi.print.rendering') : t('slip.print.explain')}</div>
        ) : null}
      </Modal>
    </>
  );
}
