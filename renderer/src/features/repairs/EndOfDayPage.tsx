import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, DatePicker, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText, invoke } from '../../api';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDateTime, formatInt, todayIso } from '../../components/format';
import { base64Blob, MIME_TYPES } from '../../components/save-file';
import { useQuery } from '../../components/use-query';
import { useSessionStore } from '../../stores/use-session-store';
import { RepairTable } from './RepairsPage';
import { useRepairSettings } from './common';

const isDate = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s).isValid() ? s : null);

/**
 * `/repairs/end-of-day`: before the early shift leaves (17:00, a setting), every order received before then and
 * not returned or not finished — older days' too — for the supervisor; printable.
 */
export default function EndOfDayPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const date = isDate(params.get('date')) ?? todayIso();
  const list = useQuery('repairs.endOfDay', { date });
  const settings = useRepairSettings();
  const nativePrint = !!useSessionStore((s) => s.app?.capabilities?.nativePrint);
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<string | null>(null);
  const rows = list.data?.rows ?? [];

  const print = async () => {
    if (printing) return;
    setPrinting(true);
    setPrintError(null);
    try {
      const r = await invoke('repairs.endOfDayPdf', { date, lang: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' });
      if (nativePrint) await invoke('pdf.print', { fileName: r.fileName, pdfBase64: r.pdfBase64 });
      else {
        const url = URL.createObjectURL(base64Blob(r.pdfBase64, MIME_TYPES.pdf));
        if (!window.open(url, '_blank')) message.warning(t('slip.print.popupBlocked'));
        window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
    } catch (e) {
      setPrintError(errorText(t, e));
    } finally {
      setPrinting(false);
    }
  };

  return (
    <div data-testid="end-of-day-page">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/repairs">{t('nav.repairs')}</Link> }, { title: t('repairUi.endOfDay.title') }]} />
      <PageHeader
        title={t('repairUi.endOfDay.title')}
        sub={list.data ? t('repairUi.endOfDay.sub', { time: formatDateTime(list.data.cutoff), count: rows.length, formatted: formatInt(rows.length) }) : undefined}
        extra={
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print()} loading={printing} disabled={!list.data} data-testid="end-of-day-print">
            {t('repairUi.endOfDay.print')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          value={dayjs(date)}
          allowClear={false}
          format="YYYY-MM-DD"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(v) => setParams(v && v.format('YYYY-MM-DD') !== todayIso() ? { date: v.format('YYYY-MM-DD') } : {}, { replace: true })}
          data-testid="end-of-day-date"
          data-page-focus=""
        />
        <span style={{ color: 'rgba(0,0,0,0.55)' }}>{t('repairUi.endOfDay.explain')}</span>
      </Space>
      {printError ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={printError} data-testid="print-error" /> : null}
      <QueryError error={list.error} onRetry={list.reload} />
      <RepairTable
        rows={rows}
        loading={list.loading}
        pagination={false}
        categoryName={settings.categoryName}
        testId="end-of-day-table"
        empty={list.error ? <span /> : <EmptyHint title={t('repairUi.endOfDay.emptyTitle')} hint={t('repairUi.endOfDay.emptyHint')} />}
      />
    </div>
  );
}
