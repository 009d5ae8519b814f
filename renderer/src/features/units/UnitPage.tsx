import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Drawer, Grid, Input, Modal, Result, Select, Space, Table, Tag, Timeline, Tooltip } from 'antd';
import { BankOutlined, EditOutlined, HistoryOutlined, StopOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { LinkView, OccupancyEntry } from '../../../../shared/master/schema';
import { OCCUPANCY_STATES, type OccupancyState } from '../../../../shared/master/enums';
import { applyFieldErrors, errorText, invoke, isApiError } from '../../api';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { useConfirmDiscard } from '../../components/leave-guard';
import { DateInput, Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { formatArea, formatDate, formatDateTime, todayIso } from '../../components/format';
import { useCan } from '../../components/permissions';
import { RelationTag, StateTag } from '../../components/tags';
import { useQuery } from '../../components/use-query';
import { VoidModal } from '../../components/void-modal';
import { UnitDecorations } from '../decoration/UnitDecorations';
import { UnitMoveIns } from '../move-in/UnitMoveIns';
import { UnitSlips } from '../slips/UnitSlips';
import { LinkPersonDrawer } from './LinkPersonDrawer';
import { UnitForm } from './UnitForm';

const SetOccupancySchema = contract['units.setOccupancy'].input.omit({ unitId: true });
const EndLinkSchema = contract['links.end'].input.pick({ endDate: true });

function SetOccupancyForm({ unitId, current, onDone, onCancel }: { unitId: string; current: OccupancyState | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError } = useForm({
    resolver: zodResolver(SetOccupancySchema),
    defaultValues: { state: (current ?? 'vacant') as OccupancyState, effectiveDate: todayIso(), note: '' },
  });
  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      await invoke('units.setOccupancy', { ...values, unitId });
      onDone();
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['state', 'effectiveDate', 'note'] })) setError(errorText(t, e));
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="occupancy-form">
      <Field control={control} name="state" label={t('unit.state')} required>
        {(field, p) => (
          <Select {...p} autoFocus value={field.value} onChange={field.onChange} onBlur={field.onBlur} options={OCCUPANCY_STATES.map((s) => ({ value: s, label: t(`enum.state.${s}`) }))} />
        )}
      </Field>
      <Field control={control} name="effectiveDate" label={t('unit.effectiveDate')} required extra={t('unit.effectiveDateHint')}>
        {(field, p) => <DateInput {...p} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} disabledFuture allowClear={false} />}
      </Field>
      <Field control={control} name="note" label={t('common.note')} max={200}>
        {(field, p) => <Input.TextArea {...p} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} rows={2} />}
      </Field>
      <FormActions submitting={formState.isSubmitting} onCancel={onCancel} />
    </FormShell>
  );
}

function EndLinkForm({ link, onDone, onCancel }: { link: LinkView; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError } = useForm({
    resolver: zodResolver(EndLinkSchema),
    defaultValues: { endDate: todayIso() },
  });
  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      await invoke('links.end', { id: link.id, endDate: values.endDate });
      onDone();
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['endDate'] })) setError(errorText(t, e));
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="end-link-form">
      <p>{t('link.endExplain', { name: link.personName, relation: t(`enum.relation.${link.relation}`), start: formatDate(link.startDate) })}</p>
      <Field control={control} name="endDate" label={t('link.endDate')} required>
        {(field, p) => <DateInput {...p} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} allowClear={false} />}
      </Field>
      <FormActions submitting={formState.isSubmitting} onCancel={onCancel} submitText={t('link.end')} testId="end-link-submit" />
    </FormShell>
  );
}

export default function UnitPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The drawer's mask, × and Esc ask before throwing a half-filled form away (its Cancel button does not).
  const confirmDiscard = useConfirmDiscard();
  const can = useCan();
  const navigate = useNavigate();
  const unit = useQuery('units.get', { id });
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const [ending, setEnding] = useState<LinkView | null>(null);
  const [settingState, setSettingState] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [voidingLink, setVoidingLink] = useState<LinkView | null>(null);
  const canWrite = can('masterdata.write');
  const canVoid = can('masterdata.void');
  // The details in equal columns (antd sizes them by content otherwise, which pushes the last one to the far right).
  const screens = Grid.useBreakpoint();
  const detailColumns = screens.lg ? 3 : screens.sm ? 2 : 1;
  const cell = { width: `${100 / detailColumns}%` };

  if (unit.error && isApiError(unit.error) && unit.error.code === 'NOT_FOUND') {
    return (
      <Result
        status="404"
        title={t('unit.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate('/units')}>
            {t('unit.backToList')}
          </Button>
        }
      />
    );
  }
  const u = unit.data;
  const history = [...(u?.history ?? [])].sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.createdAt.localeCompare(a.createdAt));

  return (
    <div data-testid="unit-page">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/units">{t('nav.units')}</Link> }, { title: u?.code ?? '…' }]} />
      <PageHeader
        title={
          <Space>
            <span data-testid="unit-code">{u?.code ?? ''}</span>
            {/* Not bold like the heading: the tag and its "since …" date are secondary. */}
            {u ? (
              <span style={{ fontWeight: 'normal', fontSize: 14 }}>
                <StateTag state={u.state} since={u.stateSince} />
              </span>
            ) : null}
          </Space>
        }
        extra={
          u ? (
            <>
              {can('occupancy.set') ? (
                <Button icon={<HistoryOutlined />} onClick={() => setSettingState(true)} data-testid="set-occupancy">
                  {t('unit.setState')}
                </Button>
              ) : null}
              {canWrite ? (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-unit">
                  {t('common.edit')}
                </Button>
              ) : null}
              {canVoid ? (
                <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="void-unit">
                  {t('common.void')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <QueryError error={unit.error} onRetry={unit.reload} />
      <Card loading={!u && unit.loading} style={{ marginBottom: 16 }}>
        {u ? (
          <Descriptions column={detailColumns} size="small" style={{ maxWidth: 960 }} data-testid="unit-details">
            <Descriptions.Item label={t('unit.building')} style={cell}>
              {u.buildingCode}
            </Descriptions.Item>
            <Descriptions.Item label={t('unit.use')} style={cell}>
              {t(`enum.use.${u.use}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('unit.floor')} style={cell}>
              {u.floor ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('unit.area')} style={cell}>{u.areaM2 === null ? '—' : `${formatArea(u.areaM2)} m²`}</Descriptions.Item>
            <Descriptions.Item label={t('unit.state')} style={cell}>
              <StateTag state={u.state} since={u.stateSince} />
            </Descriptions.Item>
            <Descriptions.Item label={t('unit.owners')} style={cell}>{u.ownerNames ?? '—'}</Descriptions.Item>
            {u.note ? (
              <Descriptions.Item label={t('common.note')} span={detailColumns}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{u.note}</span>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        ) : null}
      </Card>

      <Card
        title={t('unit.people')}
        style={{ marginBottom: 16 }}
        extra={
          canWrite && u ? (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setLinking(true)} data-testid="link-person">
              {t('link.add')}
            </Button>
          ) : null
        }
      >
        <Table<LinkView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={!u && unit.loading}
          dataSource={u?.links ?? []}
          onRow={(l) => ({ 'data-testid': 'link-row', 'data-active': String(l.active), style: l.active ? undefined : { opacity: 0.6 } }) as object}
          locale={{
            emptyText: (
              <EmptyHint
                title={t('link.emptyTitle')}
                hint={t('link.emptyHint')}
                action={
                  canWrite ? (
                    <Button type="primary" icon={<UserAddOutlined />} onClick={() => setLinking(true)}>
                      {t('link.add')}
                    </Button>
                  ) : undefined
                }
              />
            ),
          }}
          columns={[
            { title: t('link.relation'), dataIndex: 'relation', width: 130, render: (_: unknown, l) => <RelationTag relation={l.relation} /> },
            {
              title: t('person.name'),
              dataIndex: 'personName',
              render: (_: unknown, l) => (
                <Link to={`/people/${l.personId}`} data-testid="link-person-name">
                  {l.personKind === 'company' ? <BankOutlined /> : <UserOutlined />} {l.personName}
                </Link>
              ),
            },
            { title: t('person.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{v ?? '—'}</span> },
            { title: t('link.startDate'), dataIndex: 'startDate', width: 120, render: (v: string) => formatDate(v) },
            { title: t('link.endDate'), dataIndex: 'endDate', width: 120, render: (v: string | null) => (v ? formatDate(v) : '—') },
            {
              title: t('link.status'),
              dataIndex: 'active',
              width: 100,
              render: (v: boolean) => (v ? <Tag color="green">{t('link.active')}</Tag> : <Tag>{t('link.ended')}</Tag>),
            },
            {
              title: '',
              key: 'actions',
              width: 150,
              align: 'right',
              render: (_: unknown, l) => (
                <Space size={0}>
                  {canWrite && l.active && !l.endDate ? (
                    <Button size="small" type="link" onClick={() => setEnding(l)} data-testid="end-link">
                      {t('link.end')}
                    </Button>
                  ) : null}
                  {canVoid ? (
                    <Tooltip title={t('link.voidTip')}>
                      <Button size="small" type="text" danger icon={<StopOutlined />} onClick={() => setVoidingLink(l)} aria-label={t('common.void')} data-testid="void-link" />
                    </Tooltip>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      {u ? <UnitSlips unitId={u.id} /> : null}
      {u ? <UnitMoveIns unitId={u.id} state={u.state} /> : null}
      {u ? <UnitDecorations unitId={u.id} /> : null}

      <Card title={t('unit.history')} data-testid="occupancy-history">
        {history.length === 0 ? (
          <EmptyHint title={t('unit.noHistory')} />
        ) : (
          <Timeline
            items={history.map((h: OccupancyEntry, i) => ({
              key: h.id,
              color: i === 0 ? 'blue' : 'gray',
              content: (
                <div data-testid="history-item">
                  <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                    <strong style={{ minWidth: 90 }}>{formatDate(h.effectiveDate)}</strong>
                    <StateTag state={h.state} />
                    <span style={{ color: 'rgba(0,0,0,0.55)' }}>{t(`occupancy.source.${h.source}`, { defaultValue: h.source })}</span>
                  </div>
                  <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 2 }}>
                    {h.createdByName ? `${h.createdByName} · ` : ''}
                    {t('unit.recordedAt', { time: formatDateTime(h.createdAt) })}
                  </div>
                  {h.note ? <div style={{ color: 'rgba(0,0,0,0.65)', marginTop: 2, whiteSpace: 'pre-wrap' }}>{h.note}</div> : null}
                </div>
              ),
            }))}
          />
        )}
      </Card>

      {u ? (
        <>
          <Drawer open={editing} onClose={() => confirmDiscard('close', () => setEditing(false))} title={t('unit.edit', { code: u.code })} size={520} destroyOnHidden>
            {editing ? (
              <UnitForm
                unit={u}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  message.success(t('common.saved'));
                  setEditing(false);
                  unit.reload();
                }}
              />
            ) : null}
          </Drawer>
          <LinkPersonDrawer
            open={linking}
            unitId={u.id}
            unitCode={u.code}
            onClose={() => setLinking(false)}
            onLinked={() => {
              message.success(t('link.created'));
              setLinking(false);
              unit.reload();
            }}
          />
          <Modal open={settingState} onCancel={() => setSettingState(false)} title={t('unit.setStateTitle', { code: u.code })} footer={null} destroyOnHidden>
            <SetOccupancyForm
              unitId={u.id}
              current={u.state}
              onCancel={() => setSettingState(false)}
              onDone={() => {
                message.success(t('common.saved'));
                setSettingState(false);
                unit.reload();
              }}
            />
          </Modal>
          <Modal open={ending !== null} onCancel={() => setEnding(null)} title={t('link.endTitle')} footer={null} destroyOnHidden>
            {ending ? (
              <EndLinkForm
                link={ending}
                onCancel={() => setEnding(null)}
                onDone={() => {
                  message.success(t('common.saved'));
                  setEnding(null);
                  unit.reload();
                }}
              />
            ) : null}
          </Modal>
          <VoidModal
            open={voiding}
            title={t('unit.voidTitle', { code: u.code })}
            description={t('unit.voidHint')}
            onClose={() => setVoiding(false)}
            onVoid={async (reason) => {
              await invoke('units.void', { id: u.id, reason });
              message.success(t('common.voided'));
              navigate('/units');
            }}
          />
          <VoidModal
            open={voidingLink !== null}
            title={t('link.voidTitle', { name: voidingLink?.personName ?? '' })}
            description={t('link.voidHint')}
            onClose={() => setVoidingLink(null)}
            onVoid={async (reason) => {
              if (!voidingLink) return;
              await invoke('links.void', { id: voidingLink.id, reason });
              message.success(t('common.voided'));
              unit.reload();
            }}
          />
        </>
      ) : null}
    </div>
  );
}
