import { useState } from 'react';
import { Alert, App, Button, Card, Table, Tag } from 'antd';
import { CloudUploadOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RESTORED_FLAG } from '../../app/session';
import type { BackupInfo } from '../../../../shared/master/schema';
import { errorText, invoke } from '../../api';
import { EmptyHint, PageHeader, QueryError, useNotifyError } from '../../components/feedback';
import { formatBytes, formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import { useQuery } from '../../components/use-query';

const KIND_COLORS: Record<BackupInfo['kind'], string> = { daily: 'blue', manual: 'green', 'pre-migration': 'purple', 'pre-restore': 'orange', 'pre-import': 'cyan' };

export default function BackupPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const notify = useNotifyError();
  const can = useCan();
  const list = useQuery('backup.list', {});
  const settings = useQuery('settings.get', {});
  const [creating, setCreating] = useState(false);
  const rows = [...(list.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const create = async () => {
    if (creating) return;
    setCreating(true);
    try {
      const b = await invoke('backup.create', {});
      message.success(t('backup.created', { time: formatDateTime(b.createdAt), size: formatBytes(b.sizeBytes) }));
      list.reload();
    } catch (e) {
      notify(e);
    } finally {
      setCreating(false);
    }
  };

  const restore = (b: BackupInfo) => {
    modal.confirm({
      title: t('backup.restoreTitle', { time: formatDateTime(b.createdAt) }),
      content: (
        <div>
          <p>{t('backup.restoreBody1')}</p>
          <p style={{ marginBottom: 0 }}>{t('backup.restoreBody2')}</p>
        </div>
      ),
      okText: t('backup.restore'),
      okButtonProps: { danger: true, 'data-testid': 'backup-restore-confirm' },
      cancelText: t('common.cancel'),
      width: 480,
      onOk: async () => {
        try {
          await invoke('backup.restore', { name: b.name });
          // Everyone is signed out and every cached page is stale: start the app afresh at once, and let
          // the sign-in page say why (a delayed reload would wipe a sign-in typed in the meantime).
          sessionStorage.setItem(RESTORED_FLAG, '1');
          window.location.hash = '#/';
          window.location.reload();
        } catch (e) {
          message.error(errorText(t, e));
        }
      },
    });
  };

  const s = settings.data;

  return (
    <div data-testid="backup-page">
      <PageHeader
        title={t('nav.backup')}
        extra={
          <Button type="primary" icon={<CloudUploadOutlined />} loading={creating} onClick={create} data-testid="backup-now">
            {t('backup.now')}
          </Button>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('backup.policyTitle')}
        description={t('backup.policy', { days: s?.backupKeepDaily ?? 14, months: s?.backupKeepMonthly ?? 12 })}
        data-testid="backup-policy"
      />
      <QueryError error={list.error} onRetry={list.reload} />
      <Card>
        <Table<BackupInfo>
          rowKey="name"
          loading={list.loading}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(b) => ({ 'data-testid': 'backup-row', 'data-kind': b.kind }) as object}
          locale={{
            emptyText: list.error ? (
            <span />
          ) : (
              <EmptyHint
                title={t('backup.empty')}
                hint={t('backup.emptyHint')}
                action={
                  <Button type="primary" icon={<CloudUploadOutlined />} loading={creating} onClick={create}>
                    {t('backup.now')}
                  </Button>
                }
              />
            ),
          }}
          columns={[
            { title: t('backup.time'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, true) },
            { title: t('backup.kind'), dataIndex: 'kind', render: (v: BackupInfo['kind']) => <Tag color={KIND_COLORS[v]}>{t(`enum.backupKind.${v}`)}</Tag> },
            { title: t('backup.size'), dataIndex: 'sizeBytes', align: 'right', render: (v: number) => formatBytes(v) },
            { title: t('backup.file'), dataIndex: 'name', render: (v: string) => <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{v}</span> },
            ...(can('backup.restore')
              ? [
                  {
                    title: '',
                    key: 'actions',
                    align: 'right' as const,
                    render: (_: unknown, b: BackupInfo) => (
                      <Button size="small" icon={<RollbackOutlined />} onClick={() => restore(b)} data-testid="backup-restore">
                        {t('backup.restore')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
