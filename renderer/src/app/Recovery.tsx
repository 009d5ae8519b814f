import { useState } from 'react';
import { Alert, App, Button, Checkbox, Modal, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppStatus, ChannelOutput } from '../../../shared/contract';
import { errorText, invoke, isApiError } from '../api';
import { EmptyHint, QueryError } from '../components/feedback';
import { formatBytes, formatDateTime } from '../components/format';
import { useQuery } from '../components/use-query';
import { useSessionStore } from '../stores/use-session-store';
import { AuthLayout } from './AuthLayout';
import { RESTORED_FLAG } from './session';

type RecoveryBackup = ChannelOutput<'recovery.backups'>[number];
type RecoveryState = Exclude<AppStatus['db'], 'ok' | 'unavailable'>;

/** The title, explanation and advice for each reason the data file cannot be used. */
const TEXTS: Record<RecoveryState, { title: string; body: string; action: string; alert: 'error' | 'warning' }> = {
  damaged: { title: 'recovery.damagedTitle', body: 'recovery.damagedBody', action: 'recovery.damagedAction', alert: 'error' },
  'too-new': { title: 'recovery.tooNewTitle', body: 'recovery.tooNewBody', action: 'recovery.tooNewAction', alert: 'warning' },
  foreign: { title: 'recovery.foreignTitle', body: 'recovery.foreignBody', action: 'recovery.foreignAction', alert: 'error' },
  missing: { title: 'recovery.missingTitle', body: 'recovery.missingBody', action: 'recovery.missingAction', alert: 'warning' },
  'no-manager': { title: 'recovery.noManagerTitle', body: 'recovery.noManagerBody', action: 'recovery.noManagerAction', alert: 'error' },
};

function textsFor(db: AppStatus['db'] | undefined) {
  return db && db in TEXTS ? TEXTS[db as RecoveryState] : TEXTS.damaged;
}

/**
 * The database cannot be used as it is: damaged, written by a newer FrontDesk, not FrontDesk's
 * (empty or another program's), missing, or without a manager who could sign in. Offers the backups
 * that can be restored (the host keeps the bad file aside) and, only when there is none, a new site.
 */
export default function Recovery() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const app = useSessionStore((s) => s.app);
  const texts = textsFor(app?.db);
  const backups = useQuery('recovery.backups', {});
  const [restoring, setRestoring] = useState<string | null>(null);
  // Backups the host refused at restore (its page-by-page check runs only then), with its reason.
  const [refused, setRefused] = useState<Record<string, string>>({});
  // Kept as the error, translated when shown: it follows a language switch.
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const [newSiteOpen, setNewSiteOpen] = useState(false);

  const problemOf = (b: RecoveryBackup): string | null => b.problem ?? refused[b.name] ?? null;
  const rows = [...(backups.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const newest = rows.find((b) => !problemOf(b))?.name ?? null;
  // A new site only when nothing can be restored; never for a newer FrontDesk's file (it is fine, only newer).
  const offerNewSite = !!backups.data && !backups.error && newest === null && app?.db !== 'too-new';
  // "Restore the latest good backup" only when there is one; a newer FrontDesk's advice (install it) always.
  const showAction = newest !== null || app?.db === 'too-new';

  const restore = (b: RecoveryBackup) => {
    modal.confirm({
      title: t('recovery.confirmTitle'),
      content: t('recovery.confirmBody', { time: formatDateTime(b.createdAt) }),
      okText: t('recovery.restore'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'recovery-confirm' },
      onOk: async () => {
        setRestoring(b.name);
        setRestoreError(null);
        try {
          await invoke('recovery.restore', { name: b.name });
          message.success(t('recovery.done'));
          sessionStorage.setItem(RESTORED_FLAG, '1');
          window.location.hash = '#/';
          window.location.reload();
        } catch (e) {
          setRestoreError(e);
          const reason = isApiError(e) && e.message === 'error.backupInvalid' ? e.params?.reason : undefined;
          if (reason !== undefined) setRefused((r) => ({ ...r, [b.name]: String(reason) }));
          setRestoring(null);
          backups.reload();
        }
      },
    });
  };

  return (
    <AuthLayout title={t(texts.title)} width={720} testId="recovery-page">
      <div data-testid="recovery-state" data-state={app?.db} hidden />
      <Alert
        type={texts.alert}
        showIcon
        title={t(texts.body)}
        description={
          showAction || app?.dbMessage ? (
            <div>
              {showAction ? <div style={{ marginBottom: 8 }}>{t(texts.action)}</div> : null}
              {app?.dbMessage ? (
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>
                  {t('recovery.detail')}: {t(app.dbMessage, { defaultValue: app.dbMessage })}
                </div>
              ) : null}
            </div>
          ) : undefined
        }
        style={{ marginBottom: 16 }}
      />
      {restoreError !== null ? (
        <Alert
          type="error"
          showIcon
          title={t('recovery.restoreFailed')}
          description={errorText(t, restoreError)}
          closable={{ onClose: () => setRestoreError(null) }}
          style={{ marginBottom: 16 }}
          data-testid="recovery-error"
        />
      ) : null}
      <h3 style={{ fontSize: 15, margin: '8px 0 12px' }}>{t('recovery.backupsTitle')}</h3>
      <QueryError error={backups.error} onRetry={backups.reload} />
      <Table<RecoveryBackup>
        size="small"
        rowKey="name"
        loading={backups.loading}
        dataSource={rows}
        pagination={rows.length > 8 ? { pageSize: 8 } : false}
        onRow={(b) => ({ 'data-testid': 'recovery-row', 'data-name': b.name, 'data-problem': problemOf(b) ?? '' }) as object}
        locale={{ emptyText: <EmptyHint title={t('recovery.noBackups')} hint={t('recovery.noBackupsHint')} /> }}
        columns={[
          {
            title: t('backup.time'),
            dataIndex: 'createdAt',
            render: (v: string, b) => {
              const problem = problemOf(b);
              return (
                <div>
                  <span style={problem ? { color: 'rgba(0,0,0,0.45)' } : undefined}>{formatDateTime(v)}</span>{' '}
                  {b.name === newest ? (
                    <Tag color="green" data-testid="recovery-latest">
                      {t('recovery.latest')}
                    </Tag>
                  ) : null}
                  {problem ? (
                    <div style={{ marginTop: 2 }}>
                      <Tag color="red" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }} data-testid="recovery-problem">
                        {t('recovery.problem', { reason: t(`enum.fileProblem.${problem}`, { defaultValue: problem }) })}
                      </Tag>
                    </div>
                  ) : null}
                </div>
              );
            },
          },
          { title: t('backup.kind'), dataIndex: 'kind', width: 130, render: (v: string) => t(`enum.backupKind.${v}`) },
          { title: t('backup.size'), dataIndex: 'sizeBytes', width: 100, align: 'right', render: (v: number) => formatBytes(v) },
          {
            title: '',
            key: 'actions',
            width: 150,
            align: 'right',
            render: (_: unknown, b) => (
              <Button
                type={b.name === newest ? 'primary' : 'default'}
                size="small"
                loading={restoring === b.name}
                disabled={!!problemOf(b) || (restoring !== null && restoring !== b.name)}
                onClick={() => restore(b)}
                data-testid="recovery-restore"
              >
                {t('recovery.restore')}
              </Button>
            ),
          },
        ]}
      />
      {offerNewSite ? (
        <NewSite hasBackups={rows.length > 0} open={newSiteOpen} onOpen={() => setNewSiteOpen(true)} onClose={() => setNewSiteOpen(false)} onRefused={backups.reload} />
      ) : null}
    </AuthLayout>
  );
}

/**
 * Starting over with an empty site: offered only when no backup can be restored, behind an explicit
 * confirmation (the OK button waits for "I understand"). The host keeps the unusable file aside.
 */
function NewSite({ hasBackups, open, onOpen, onClose, onRefused }: { hasBackups: boolean; open: boolean; onOpen(): void; onClose(): void; onRefused(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [understood, setUnderstood] = useState(false);
  const [working, setWorking] = useState(false);

  const close = () => {
    if (working) return;
    setUnderstood(false);
    onClose();
  };

  const start = async () => {
    setWorking(true);
    try {
      await invoke('recovery.newSite', { confirm: true });
      message.success(t('recovery.newSiteDone'));
      window.location.hash = '#/';
      window.location.reload();
    } catch (e) {
      message.error(errorText(t, e));
      setWorking(false);
      setUnderstood(false);
      onClose();
      // The host found a backup to restore after all (e.g. one was copied in meanwhile): show it.
      onRefused();
    }
  };

  return (
    <div style={{ marginTop: 20 }} data-testid="recovery-new-site-section">
      <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>{t('recovery.newSiteTitle')}</h3>
      <p style={{ margin: '0 0 12px', color: 'rgba(0,0,0,0.65)' }}>{hasBackups ? t('recovery.newSiteBodyUnusable') : t('recovery.newSiteBody')}</p>
      <Button danger onClick={onOpen} data-testid="recovery-new-site">
        {t('recovery.newSite')}
      </Button>
      <Modal
        open={open}
        title={t('recovery.newSiteConfirmTitle')}
        onCancel={close}
        onOk={() => void start()}
        okText={t('recovery.newSiteOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: !understood, loading: working, 'data-testid': 'recovery-new-site-ok' }}
        cancelButtonProps={{ disabled: working }}
        closable={!working}
        mask={{ closable: false }}
        destroyOnHidden
        rootClassName="recovery-new-site-modal"
      >
        <p>{t('recovery.newSiteConfirmBody')}</p>
        <Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)} disabled={working} data-testid="recovery-new-site-understand">
          {t('recovery.newSiteUnderstand')}
        </Checkbox>
      </Modal>
    </div>
  );
}
