import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Modal, Progress, Space } from 'antd';
import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, invoke } from '../../api';
import { formatInt } from '../../components/format';
import { base64Blob, MIME_TYPES, saveFile } from '../../components/save-file';
import { useSessionStore } from '../../stores/use-session-store';

interface Rendered {
  fileName: string;
  pdfBase64: string;
  count: number;
  url: string;
  /** How long the host took to make it, from the click (ms). */
  ms: number;
}

/** About how long the host takes a unit (≈1 s for 2,000): the bar's pace while the register is made. */
const MS_PER_UNIT = 0.6;

/**
 * The printed 房屋交接汇总表 of the building or imported batch on screen (`moveIn.printRegister`, A4 landscape, one
 * row a unit): a dialog with a progress bar while the host makes it, then the preview (browser shell), save and print —
 * the same dialog as a record's forms, without 正本/副本 (the register is nobody's record). One fetched PDF serves
 * preview, save and print until the scope changes or “make again” is clicked.
 */
export function RegisterPrintButton({ scope, units, disabled }: { scope: { buildingId: string } | { batchId: string } | null; units: number; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const caps = useSessionStore((s) => s.app?.capabilities);
  const [open, setOpen] = useState(false);
  const [pdf, setPdf] = useState<Rendered | null>(null);
  const [busy, setBusy] = useState<'render' | 'save' | 'print' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [percent, setPercent] = useState(0);
  const urls = useRef<string[]>([]);
  const key = scope ? `${JSON.stringify(scope)} ${i18n.language}` : '';

  useEffect(
    () => () => {
      for (const u of urls.current) URL.revokeObjectURL(u);
    },
    [],
  );
  // Another building or batch (or language): the PDF made for the last one is not this one's.
  useEffect(() => setPdf(null), [key]);

  const render = async (): Promise<Rendered | null> => {
    if (!scope) return null;
    setBusy('render');
    setError(null);
    setPercent(0);
    const started = Date.now();
    const expected = Math.max(400, units * MS_PER_UNIT);
    const timer = window.setInterval(() => setPercent(Math.min(95, Math.round(((Date.now() - started) / expected) * 100))), 100);
    try {
      const r = await invoke('moveIn.printRegister', { ...scope, lang: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' });
      const url = URL.createObjectURL(base64Blob(r.pdfBase64, MIME_TYPES.pdf));
      urls.current.push(url);
      const out = { fileName: r.fileName, pdfBase64: r.pdfBase64, count: r.count, url, ms: Date.now() - started };
      setPercent(100);
      setPdf(out);
      return out;
    } catch (e) {
      setError(errorText(t, e));
      return null;
    } finally {
      window.clearInterval(timer);
      setBusy(null);
    }
  };

  const start = async () => {
    setOpen(true);
    if (!pdf && !busy) await render();
  };

  const run = async (what: 'save' | 'print', fn: (doc: Rendered) => Promise<void>) => {
    if (busy) return;
    const doc = pdf ?? (await render());
    if (!doc) return;
    setBusy(what);
    setError(null);
    try {
      await fn(doc);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };
  const doSave = () =>
    run('save', async (doc) => {
      const r = await saveFile({ fileName: doc.fileName, base64: doc.pdfBase64, type: MIME_TYPES.pdf, url: doc.url }, !!caps?.nativeDialogs);
      if (r.via === 'dialog' && r.saved) message.success(t('slip.print.saved', { path: r.path ?? doc.fileName }));
    });
  const doPrint = () =>
    run('print', async (doc) => {
      if (caps?.nativePrint) await invoke('pdf.print', { fileName: doc.fileName, pdfBase64: doc.pdfBase64 });
      else if (!window.open(doc.url, '_blank')) message.warning(t('slip.print.popupBlocked'));
    });

  const title = t('moveinPrint.register.title');
  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => void start()} disabled={disabled || !scope} loading={busy === 'render' && !open} data-testid="register-print">
        {t('moveinPrint.register.button')}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('common.close')}</Button>
            <Button icon={<ReloadOutlined />} onClick={() => void render()} disabled={!!busy} data-testid="register-print-again">
              {t('moveinPrint.register.again')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void doSave()} loading={busy === 'save'} disabled={!!busy || !pdf} data-testid="print-save">
              {t('slip.print.save')}
            </Button>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => void doPrint()} loading={busy === 'print'} disabled={!!busy || !pdf} data-testid="print-print">
              {t('slip.print.print')}
            </Button>
          </Space>
        }
        width={1000}
        destroyOnHidden={false}
      >
        {error ? <Alert type="error" showIcon title={error} data-testid="print-error" style={{ marginBottom: 12 }} /> : null}
        {busy === 'render' ? (
          <div data-testid="register-print-progress" style={{ padding: '24px 0' }}>
            <div style={{ marginBottom: 8, color: 'rgba(0,0,0,0.65)' }}>{t('moveinPrint.register.rendering', { count: units, formatted: formatInt(units) })}</div>
            <Progress percent={percent} status="active" />
          </div>
        ) : pdf ? (
          <>
            <div style={{ marginBottom: 8, color: 'rgba(0,0,0,0.55)' }} data-testid="register-print-count" data-count={pdf.count} data-ms={pdf.ms}>
              {t('moveinPrint.register.ready', { count: pdf.count, formatted: formatInt(pdf.count) })}
            </div>
            {!caps?.nativePrint ? (
              <iframe title={title} src={pdf.url} style={{ width: '100%', height: 560, border: '1px solid #f0f0f0', borderRadius: 6, background: '#525659' }} data-testid="print-frame" />
            ) : null}
          </>
        ) : null}
      </Modal>
    </>
  );
}
