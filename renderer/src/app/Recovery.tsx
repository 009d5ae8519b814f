import { useState } from 'react';
import { Alert, App, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/schemas/entities';
import { errorText, invoke } from '../api';
import { EmptyHint, QueryError } from '../components/feedback';
import { formatBytes, formatDateTime } from '../components/format';
import { useQuery } from '../components/use-query';
import { useSessionStore } from '../stores/use-session-store';
import { AuthLayout } from './AuthLayout';

/**
 * The database could not be opened: damaged (the file cannot be read) or too new (written by a
 * newer FrontDesk). Offers to restore a backup; the host keeps the bad file aside.
 */
export default function Recovery() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const app = useSessionStore((s) => s.app);
  const tooNew = app?.db === 'too-new';
  const backups = useQuery('recovery.backups', {});
  const [restoring, setRestoring] = useState<string | null>(null);

  const restore = (b: BackupInfo) => {
    modal.confirm({
      title: t('recovery.confirmTitle'),
      content: t('recovery.confirmBody', { time: formatDateTime(b.createdAt) }),
      okText: t('recovery.restore'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'recovery-confirm' },
      onOk: async () => {
        setRestoring(b.name);
        try {
          await invoke('recovery.restore', { name: b.name });
          message.success(t('recovery.done'));
          window.location.hash = '#/';
          window.location.reload();
        } catch (e) {
          message.error(errorText(t, e));
          setRestoring(null);
        }
      },
    });
  };

  const rows = [...(backups.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <AuthLayout
      title={tooNew ? t('recovery.tooNewTitle') : t('recovery.damagedTitle')}
      width={720}
      testId="recovery-page"
    >
      <Alert
        type={tooNew ? 'warning' : 'error'}
        showIcon
        title={tooNew ? t('recovery.tooNewBody') : t('recovery.damagedBody')}
        description={
          <div>
            <div>{tooNew ? t('recovery.tooNewAction') : t('recovery.damagedAction')}</div>
            {app?.dbMessage ? (
              <div style={{ marginTop: 8, fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>
                {t('recovery.detail')}: {t(app.dbMessage, { defaultValue: app.dbMessage })}
              </div>
            ) : null}
          </div>
        }
        style={{ marginBottom: 16 }}
      />
      <h3 style={{ fontSize: 15, margin: '8px 0 12px' }}>{t('recovery.backupsTitle')}</h3>
      <QueryError error={backups.error} onRetry={backups.reload} />
      <Table<BackupInfo>
        size="small"
        rowKey="name"
        loading={backups.loading}
        dataSource={rows}
        pagination={rows.length > 8 ? { pageSize: 8 } : false}
        onRow={() => ({ 'data-testid': 'recovery-row' }) as object}
        locale={{ emptyText: <EmptyHint title={t('recovery.noBackups')} hint={t('recovery.noBackupsHint')} /> }}
        columns={[
          {
            title: t('backup.time'),
            dataIndex: 'createdAt',
            render: (v: string, _r, i) => (
              <span>
                {formatDateTime(v)} {i === 0 ? <Tag color="green">{t('recovery.latest')}</Tag> : null}
              </span>
            ),
          },
          { title: t('backup.kind'), dataIndex: 'kind', render: (v: string) => t(`enum.backupKind.${v}`) },
          { title: t('backup.size'), dataIndex: 'sizeBytes', align: 'right', render: (v: number) => formatBytes(v) },
          {
            title: '',
            key: 'actions',
            align: 'right',
            render: (_: unknown, b, i) => (
              <Button
                type={i === 0 ? 'primary' : 'default'}
                size="small"
                loading={restoring === b.name}
                disabled={restoring !== null && restoring !== b.name}
                onClick={() => restore(b)}
                data-testid="recovery-restore"
              >
                {t('recovery.restore')}
              </Button>
            ),
          },
        ]}
      />
    </AuthLayout>
  );
}
