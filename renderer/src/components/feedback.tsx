import { useCallback, useEffect, type ReactNode } from 'react';
import { Alert, App, Button, Empty, Result } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError } from '../api';

/** A failed read, with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(t, error)}
      data-testid="query-error"
      style={{ marginBottom: 16 }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** Shows an error as a toast, translated. */
export function useNotifyError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback((e: unknown) => void message.error({ content: errorText(t, e), duration: 6 }), [message, t]);
}

/** An empty table: what it means and what to do next. */
export function EmptyHint({ title, hint, action, testId = 'empty' }: { title: ReactNode; hint?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <Empty
      data-testid={testId}
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          <div style={{ fontWeight: 500, color: 'rgba(0,0,0,0.75)' }}>{title}</div>
          {hint ? <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>{hint}</div> : null}
        </div>
      }
    >
      {action}
    </Empty>
  );
}

/** Page title with the page's actions on the right. */
export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, marginBottom: 16, flexWrap: 'wrap' }}>
      <div>
        <h1 style={{ fontSize: 20, fontWeight: 600, margin: 0 }} data-testid="page-title">
          {title}
        </h1>
        {sub ? <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 2 }}>{sub}</div> : null}
      </div>
      {extra ? <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{extra}</div> : null}
    </div>
  );
}

/** Whether a record's read failed because there is no such record (or, with `invalid`, the id is not one). */
export function isNotFound(error: unknown, invalid = false): boolean {
  return !!error && isApiError(error) && (error.code === 'NOT_FOUND' || (invalid && error.code === 'VALIDATION'));
}

/** A record's page when there is no such record: the message and the way back to its list. */
export function RecordNotFound({ title, backText, to }: { title: ReactNode; backText: ReactNode; to: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={title}
      extra={
        <Button type="primary" onClick={() => navigate(to)}>
          {backText}
        </Button>
      }
    />
  );
}

/**
 * A record page that a new-record form navigated to (`state: { saved: true }`) says "saved" once, on arrival.
 */
export function useSavedNotice(text: string) {
  const { message } = App.useApp();
  const location = useLocation();
  useEffect(() => {
    if ((location.state as { saved?: boolean } | null)?.saved) message.success(text);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
