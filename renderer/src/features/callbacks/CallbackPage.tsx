import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Table, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AttemptOutcome, CallbackChannel, Satisfaction } from '../../../../shared/workflows/callbacks/rules';
import type { CallbackDetail } from '../../../../shared/workflows/callbacks/schema';
import { invoke } from '../../api';
import { isNotFound, PageHeader, QueryError, RecordNotFound } from '../../components/feedback';
import { formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import { RecordTimeline } from '../../components/record-timeline';
import { RevealText } from '../../components/reveal';
import { useLatest, useQuery } from '../../components/use-query';
import { AttemptForm } from './AttemptForm';
import { CallbackStateTag, OverdueTag, mono } from './common';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Attempt = CallbackDetail['attempts'][number];

const SATISFACTION_COLORS: Record<Satisfaction, string> = { very_satisfied: 'green', satisfied: 'cyan', neutral: 'gold', unsatisfied: 'red' };

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** One line for a timeline step of a callback. */
function stepDetail(t: Translate, action: string, d: Record<string, unknown>): string {
  switch (action) {
    case 'create':
      return t('callbackUi.event.create', { source: str(d.source), due: str(d.dueDate) });
    case 'attempt': {
      const parts = [t(`callback.channel.${str(d.channel)}`, { defaultValue: str(d.channel) }), d.reached ? t('callbackUi.reachedYes') : t('callbackUi.reachedNo')];
      if (d.reached) {
        parts.push(d.fixed ? t('callbackUi.fixedYes') : t('callbackUi.fixedNo'));
        if (d.satisfaction) parts.push(t(`callback.satisfaction.${str(d.satisfaction)}`, { defaultValue: str(d.satisfaction) }));
      }
      if (d.outcome === 'reopened') parts.push(t('callbackUi.event.reopened'));
      return parts.join(' · ');
    }
    case 'escalate':
      return t('callback.escalated', { count: Number(d.unreached) || 0 });
    default:
      return '';
  }
}

const STEP_COLORS: Record<string, string> = { escalate: 'orange', create: 'blue' };

function AttemptsList({ attempts }: { attempts: Attempt[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('callbackUi.attempts', { count: attempts.length })} size="small" style={{ marginBottom: 16 }} data-testid="attempts">
      <Table<Attempt>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={attempts}
        locale={{ emptyText: <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('callbackUi.noAttempts')}</span> }}
        onRow={(a) => ({ 'data-testid': 'attempt-row', 'data-reached': a.reached ? 'true' : 'false', 'data-satisfaction': a.satisfaction ?? '' }) as object}
        columns={[
          { title: '#', key: 'n', width: 36, render: (_v, _a, i) => i + 1 },
          { title: t('callbackUi.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('callbackUi.channel'), dataIndex: 'channel', width: 80, render: (v: CallbackChannel) => t(`callback.channel.${v}`) },
          {
            title: t('callbackUi.reachedShort'),
            dataIndex: 'reached',
            width: 100,
            render: (v: boolean) => (v ? <Tag color="green">{t('callbackUi.reachedYes')}</Tag> : <Tag>{t('callbackUi.reachedNo')}</Tag>),
          },
          {
            title: t('callbackUi.fixedShort'),
            dataIndex: 'fixed',
            width: 100,
            render: (v: boolean | null) => (v === null ? '—' : v ? t('callbackUi.fixedYes') : <span style={{ color: '#cf1322' }}>{t('callbackUi.fixedNo')}</span>),
          },
          {
            title: t('callbackUi.satisfactionShort'),
            dataIndex: 'satisfaction',
            width: 110,
            render: (v: Satisfaction | null) => (v ? <Tag color={SATISFACTION_COLORS[v]}>{t(`callback.satisfaction.${v}`)}</Tag> : '—'),
          },
          { title: t('common.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          { title: t('callbackUi.by'), dataIndex: 'byName', width: 110, render: (v: string | null) => v ?? '' },
        ]}
      />
    </Card>
  );
}

/** Where the callback stands, in one sentence. */
function Status({ c, escalateAfter }: { c: CallbackDetail; escalateAfter: number | undefined }) {
  const { t } = useTranslation();
  const to = c.sourceRoute;
  const source = to ? <Link to={to}>{c.sourceNumber}</Link> : c.sourceNumber;
  if (c.state === 'escalated')
    return <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="callback-status" data-state={c.state} title={t('callback.escalated', { count: c.unreached })} description={t('callbackUi.escalatedHint')} />;
  if (c.state === 'cancelled') return <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="callback-status" data-state={c.state} title={t('callback.why.cancelled')} />;
  if (c.state === 'done') {
    // What the reached answer said: the reason the repair was reopened.
    const answer = c.attempts.findLast((a) => a.reached);
    const reason = answer?.fixed === false ? t('callbackUi.reasonNotFixed') : t('callbackUi.reasonUnsatisfied');
    return (
      <Alert
        type={c.outcome === 'reopened' ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="callback-status"
        data-state={c.state}
        data-outcome={c.outcome ?? ''}
        title={
          <span>
            {c.outcome === 'reopened' ? t('callbackUi.doneReopened', { time: formatDateTime(c.doneAt), reason }) : t('callbackUi.doneClosed', { time: formatDateTime(c.doneAt) })} {source}
          </span>
        }
      />
    );
  }
  return (
    <Alert
      type={c.overdue ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="callback-status"
      data-state={c.state}
      title={c.overdue ? t('callbackUi.nextOverdue', { due: c.dueDate }) : t('callbackUi.nextOpen', { due: c.dueDate })}
      description={c.unreached && escalateAfter ? t('callbackUi.unreachedSoFar', { count: c.unreached, max: escalateAfter }) : undefined}
    />
  );
}

/** `/callbacks/:id`: one callback — its source, the contact to call, the attempts, the next attempt, the timeline. */
export default function CallbackPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const query = useQuery('callbacks.get', { id });
  const settings = useQuery('settings.get', {});
  const [callback, setCallback] = useLatest(query.data);

  if (isNotFound(query.error)) return <RecordNotFound title={t('callbackUi.notFound')} backText={t('callbackUi.backToList')} to="/callbacks" />;

  const c = callback;
  const escalateAfter = settings.data?.callbackEscalateAfter;
  const to = c?.sourceRoute ?? null;
  const open = c?.state === 'open' || c?.state === 'escalated';

  const done = (next: CallbackDetail, outcome: AttemptOutcome) => {
    setCallback(next);
    if (outcome === 'escalated' && c?.state !== 'escalated') message.warning({ content: <span data-testid="escalated-toast">{t('callback.escalated', { count: next.unreached })}</span>, duration: 6 });
    else message.success(t(`callbackUi.saved.${outcome}`, { source: next.sourceNumber }));
  };

  return (
    <div data-testid="callback-page" data-state={c?.state}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/callbacks">{t('nav.callbacks')}</Link> }, { title: c?.number ?? '…' }]} />
      <PageHeader
        title={
          c ? (
            <Space wrap>
              <span data-testid="callback-number" style={mono}>
                {c.number}
              </span>
              <CallbackStateTag state={c.state} testId="callback-state" />
              {c.overdue ? <OverdueTag testId="callback-overdue" /> : null}
              <span style={{ fontSize: 14, fontWeight: 400, color: 'rgba(0,0,0,0.55)' }}>{t('callbackUi.dueOn', { due: c.dueDate })}</span>
            </Space>
          ) : (
            ''
          )
        }
        extra={
          c && to ? (
            <Button onClick={() => navigate(to)} data-testid="callback-open-source">
              {t('callbackUi.openSource', { number: c.sourceNumber })}
            </Button>
          ) : null
        }
      />
      <QueryError error={query.error} onRetry={query.reload} />
      {!c && query.loading ? <Card loading /> : null}
      {c ? (
        <>
          <Status c={c} escalateAfter={escalateAfter} />
          <Row gutter={16}>
            <Col xs={24} xl={open && can('callbacks.write') ? 10 : 24}>
              <Card title={t('callbackUi.details')} style={{ marginBottom: 16 }} data-testid="callback-details">
                <Descriptions column={open && can('callbacks.write') ? 1 : { xs: 1, md: 2, xl: 3 }} size="small">
                  <Descriptions.Item label={t('callbackUi.source')}>
                    {to ? (
                      <Link to={to} style={mono} data-testid="callback-source">
                        {c.sourceNumber}
                      </Link>
                    ) : (
                      <span style={mono}>{c.sourceNumber}</span>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('callbackUi.place')}>
                    <strong>{c.placeName}</strong>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('callbackUi.contact')}>
                    <span data-testid="callback-contact">{c.contactName}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('callbackUi.phone')}>
                    <RevealText masked={c.contactPhoneMasked} testId="contact-phone" resetKey={c.id} load={async () => (await invoke('callbacks.reveal', { id: c.id })).value} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('callback.dueDate')}>
                    <Space size={4}>
                      <span data-testid="callback-due">{c.dueDate}</span>
                      {c.overdue ? <OverdueTag testId="callback-overdue-detail" /> : null}
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('callbackUi.unreached')}>
                    <span data-testid="callback-unreached">{escalateAfter ? t('callbackUi.unreachedOf', { count: c.unreached, max: escalateAfter }) : c.unreached}</span>
                  </Descriptions.Item>
                  {c.doneAt ? <Descriptions.Item label={t('callbackUi.doneAt')}>{formatDateTime(c.doneAt)}</Descriptions.Item> : null}
                </Descriptions>
              </Card>
            </Col>
            {open && can('callbacks.write') ? (
              <Col xs={24} xl={14}>
                {escalateAfter === undefined ? <Card loading /> : <AttemptForm key={c.id} callback={c} escalateAfter={escalateAfter} onDone={done} />}
              </Col>
            ) : null}
          </Row>
          <AttemptsList attempts={c.attempts} />
          <RecordTimeline
            entries={c.timeline}
            reader={{
              label: (action) => t(`callbackUi.action.${action}`, { defaultValue: action }),
              detail: (action, d) => stepDetail(t, action, d),
              color: (action, d) => (action === 'attempt' ? (d.outcome === 'reopened' ? 'red' : d.reached ? 'green' : 'gray') : STEP_COLORS[action]),
            }}
          />
        </>
      ) : null}
    </div>
  );
}
