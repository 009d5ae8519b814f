import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Drawer, Result, Space, Table, Tag, Tooltip } from 'antd';
import { BankOutlined, EditOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LinkView, PersonDetail } from '../../../../shared/master/schema';
import { invoke, isApiError } from '../../api';
import { EmptyHint, PageHeader, QueryError, useNotifyError } from '../../components/feedback';
import { useConfirmDiscard } from '../../components/leave-guard';
import { formatDate } from '../../components/format';
import { useCan } from '../../components/permissions';
import { RevealValue, type RevealField } from '../../components/reveal';
import { RelationTag } from '../../components/tags';
import { useQuery } from '../../components/use-query';
import { PersonForm, type RevealedValues } from './PersonForm';

const MASKED: Array<[RevealField, keyof PersonDetail]> = [
  ['phone', 'phoneMasked'],
  ['phone2', 'phone2Masked'],
  ['idNumber', 'idNumberMasked'],
  ['emergencyPhone', 'emergencyPhoneMasked'],
];

export default function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The drawer's mask, × and Esc ask before throwing a half-filled form away (its Cancel button does not).
  const confirmDiscard = useConfirmDiscard();
  const can = useCan();
  const navigate = useNavigate();
  const notify = useNotifyError();
  const person = useQuery('people.get', { id });
  const [revealed, setRevealed] = useState<RevealedValues | null>(null);
  const [preparing, setPreparing] = useState(false);
  const canEdit = can('masterdata.write') && can('pii.reveal');

  if (person.error && isApiError(person.error) && person.error.code === 'NOT_FOUND') {
    return (
      <Result
        status="404"
        title={t('person.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate('/people')}>
            {t('person.backToList')}
          </Button>
        }
      />
    );
  }
  const p = person.data;

  /** people.update takes the whole record, so the masked values are revealed (logged) to keep them. */
  const startEdit = async () => {
    if (!p || preparing) return;
    setPreparing(true);
    try {
      const values: RevealedValues = { phone: null, phone2: null, idNumber: null, emergencyPhone: null };
      await Promise.all(
        MASKED.filter(([, masked]) => p[masked]).map(async ([field]) => {
          values[field] = (await invoke('people.reveal', { id: p.id, field })).value;
        }),
      );
      setRevealed(values);
    } catch (e) {
      notify(e);
    } finally {
      setPreparing(false);
    }
  };

  return (
    <div data-testid="person-page">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/people">{t('nav.people')}</Link> }, { title: p?.name ?? '…' }]} />
      <PageHeader
        title={
          <Space>
            {p?.kind === 'company' ? <BankOutlined style={{ color: '#722ed1' }} /> : <UserOutlined />}
            <span data-testid="person-name">{p?.name ?? ''}</span>
            {p?.kind === 'company' ? <Tag color="purple">{t('enum.kind.company')}</Tag> : null}
          </Space>
        }
        extra={
          canEdit && p ? (
            <Tooltip title={t('person.editTip')}>
              <Button icon={<EditOutlined />} onClick={startEdit} loading={preparing} data-testid="edit-person">
                {t('common.edit')}
              </Button>
            </Tooltip>
          ) : null
        }
      />
      <QueryError error={person.error} onRetry={person.reload} />
      <Card loading={!p && person.loading} style={{ marginBottom: 16 }}>
        {p ? (
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="person-details">
            {p.kind === 'company' ? <Descriptions.Item label={t('person.contactPerson')}>{p.contactPerson ?? '—'}</Descriptions.Item> : null}
            <Descriptions.Item label={t('person.phone')}>
              <RevealValue personId={p.id} field="phone" masked={p.phoneMasked} />
            </Descriptions.Item>
            <Descriptions.Item label={t('person.phone2')}>
              <RevealValue personId={p.id} field="phone2" masked={p.phone2Masked} />
            </Descriptions.Item>
            <Descriptions.Item label={t('person.idType')}>{p.idType ? t(`enum.idType.${p.idType}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('person.idNumber')}>
              <RevealValue personId={p.id} field="idNumber" masked={p.idNumberMasked} />
            </Descriptions.Item>
            {p.kind === 'person' ? <Descriptions.Item label={t('person.birthday')}>{p.birthday ? formatDate(p.birthday) : '—'}</Descriptions.Item> : null}
            <Descriptions.Item label={t('person.emergencyName')}>{p.emergencyName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('person.emergencyPhone')}>
              <RevealValue personId={p.id} field="emergencyPhone" masked={p.emergencyPhoneMasked} />
            </Descriptions.Item>
            {p.note ? (
              <Descriptions.Item label={t('common.note')} span={3}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{p.note}</span>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        ) : null}
      </Card>
      <Card title={t('person.unitsTitle')}>
        <Table<LinkView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p?.links ?? []}
          onRow={(l) => ({ 'data-testid': 'person-link-row', style: l.active ? undefined : { opacity: 0.6 } }) as object}
          locale={{ emptyText: <EmptyHint title={t('person.noUnits')} hint={t('person.noUnitsHint')} /> }}
          columns={[
            {
              title: t('unit.code'),
              dataIndex: 'unitCode',
              render: (v: string, l) => (
                <Link to={`/units/${l.unitId}`} data-testid="person-unit-link">
                  <strong>{v}</strong>
                </Link>
              ),
            },
            { title: t('link.relation'), dataIndex: 'relation', render: (_: unknown, l) => <RelationTag relation={l.relation} /> },
            { title: t('link.startDate'), dataIndex: 'startDate', render: (v: string) => formatDate(v) },
            { title: t('link.endDate'), dataIndex: 'endDate', render: (v: string | null) => (v ? formatDate(v) : '—') },
            { title: t('link.status'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('link.active')}</Tag> : <Tag>{t('link.ended')}</Tag>) },
          ]}
        />
      </Card>
      <Drawer open={revealed !== null} onClose={() => confirmDiscard('close', () => setRevealed(null))} title={t('person.edit', { name: p?.name ?? '' })} size={560} destroyOnHidden data-testid="person-edit-drawer">
        {p && revealed ? (
          <PersonForm
            person={p}
            revealed={revealed}
            onCancel={() => setRevealed(null)}
            onSaved={() => {
              message.success(t('common.saved'));
              setRevealed(null);
              person.reload();
            }}
          />
        ) : null}
      </Drawer>
    </div>
  );
}
