import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Input, Row, Tooltip } from 'antd';
import { PhoneOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { attemptOutcome, attemptProblems, CALLBACK_CHANNELS, SATISFACTION, type AttemptOutcome } from '../../../../shared/workflows/callbacks/rules';
import { AttemptInputSchema, type CallbackDetail } from '../../../../shared/workflows/callbacks/schema';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { ButtonChoice, Field, FormShell } from '../../components/form';

/** The form's answer; the rules' own checks (a reached callee answers both questions) run here as on the host. */
const AttemptFormSchema = AttemptInputSchema.omit({ callbackId: true }).superRefine((a, ctx) => {
  for (const [path, message] of Object.entries(attemptProblems(a))) ctx.addIssue({ code: 'custom', path: [path], message });
});
type Values = z.input<typeof AttemptFormSchema>;
type Output = z.output<typeof AttemptFormSchema>;

const FIELDS = ['channel', 'at', 'reached', 'fixed', 'satisfaction', 'note'];

const fresh = (channel: Values['channel'] = 'phone'): Values => ({
  channel,
  at: dayjs().format(),
  // Left unset: the clerk says which it was (the schema answers "required").
  reached: undefined as unknown as boolean,
  fixed: null,
  satisfaction: null,
  note: '',
});

/**
 * One callback attempt (procedure 八): how, when, whether the customer was reached and, if so, their two
 * answers. What the answer will do is said before it is saved — the repair reopens on "not fixed" or
 * "unsatisfied", and the supervisor is told after the last unreached attempt the settings allow.
 */
export function AttemptForm({ callback, escalateAfter, onDone }: { callback: CallbackDetail; escalateAfter: number; onDone: (c: CallbackDetail, outcome: AttemptOutcome) => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, setValue, clearErrors, reset, formState, setError: setFieldError } = useForm<Values, unknown, Output>({
    resolver: zodResolver(AttemptFormSchema),
    defaultValues: fresh(),
  });
  const reached = useWatch({ control, name: 'reached' });
  const fixed = useWatch({ control, name: 'fixed' });
  const satisfaction = useWatch({ control, name: 'satisfaction' });
  const answered = typeof reached === 'boolean';
  const outcome = answered ? attemptOutcome({ reached, fixed: fixed ?? null, satisfaction: satisfaction ?? null }, callback.unreached, escalateAfter, callback.state) : null;

  const send = async (values: Output) => {
    setError(null);
    try {
      const next = await invoke('callbacks.attempt', { ...values, callbackId: callback.id });
      reset(fresh(values.channel));
      onDone(next, attemptOutcome(values, callback.unreached, escalateAfter, callback.state));
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: FIELDS })) setError(errorText(t, e));
    }
  };

  const submit = handleSubmit(async (values) => {
    if (attemptOutcome(values, callback.unreached, escalateAfter, callback.state) !== 'reopened') return send(values);
    // The answer sends the repair back to dispatch: the clerk confirms it first.
    await new Promise<void>((resolve) => {
      modal.confirm({
        title: t('callbackUi.reopenTitle'),
        content: <span data-testid="reopen-prompt">{t('callbackUi.reopenBody', { source: callback.sourceNumber })}</span>,
        okText: t('callbackUi.reopenOk'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true, ...testId('reopen-confirm') },
        cancelButtonProps: testId('reopen-cancel'),
        onOk: () => send(values).finally(resolve),
        onCancel: () => resolve(),
      });
    });
  });

  const hint: { type: 'info' | 'warning' | 'success'; text: string } | null =
    outcome === 'open'
      ? { type: 'info', text: t('callbackUi.outcome.open', { count: callback.unreached + 1, max: escalateAfter }) }
      : outcome === 'escalated'
        ? { type: 'warning', text: callback.state === 'escalated' ? t('callbackUi.outcome.stillEscalated') : t('callbackUi.outcome.escalated', { count: callback.unreached + 1 }) }
        : outcome === 'reopened'
          ? { type: 'warning', text: t('callbackUi.outcome.reopened', { source: callback.sourceNumber }) }
          : outcome === 'closed'
            ? { type: 'success', text: t('callbackUi.outcome.closed', { source: callback.sourceNumber }) }
            : null;

  return (
    <Card
      title={
        <span>
          <PhoneOutlined /> {t('callbackUi.attemptTitle')}
        </span>
      }
      style={{ marginBottom: 16, borderColor: callback.overdue ? '#ffa39e' : '#91caff' }}
      data-testid="attempt-panel"
    >
      <FormShell onSubmit={submit} error={error} testId="attempt-form" dirty={formState.isDirty}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Field control={control} name="channel" label={t('callbackUi.channel')} required idPrefix="attempt">
              {(field, p) => (
                <ButtonChoice field={field} props={p} solid options={CALLBACK_CHANNELS.map((c) => ({ value: c, label: <span data-testid={`channel-${c}`}>{t(`callback.channel.${c}`)}</span> }))} />
              )}
            </Field>
          </Col>
          <Col xs={24} md={12}>
            <Field control={control} name="at" label={t('callbackUi.at')} required idPrefix="attempt">
              {(field, p) => (
                <DatePicker
                  id={p.id}
                  data-testid={p['data-testid']}
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  allowClear={false}
                  style={{ width: '100%', maxWidth: 260 }}
                  value={field.value ? dayjs(field.value) : null}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  onChange={(v) => field.onChange(v ? v.format() : '')}
                  onBlur={field.onBlur}
                />
              )}
            </Field>
          </Col>
        </Row>
        <Field control={control} name="reached" label={t('callbackUi.reachedQuestion')} required idPrefix="attempt">
          {(field, p) => (
            <ButtonChoice
              field={field}
              props={p}
              onPicked={(v) => {
                // Not reached: there are no answers to keep.
                if (v === false) {
                  setValue('fixed', null);
                  setValue('satisfaction', null);
                  clearErrors(['fixed', 'satisfaction']);
                }
              }}
              options={[
                { value: true, label: <span data-testid="reached-yes">{t('callbackUi.reachedYes')}</span> },
                { value: false, label: <span data-testid="reached-no">{t('callbackUi.reachedNo')}</span> },
              ]}
            />
          )}
        </Field>
        {reached === true ? (
          <div data-testid="answers" style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 12px 0', marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Field control={control} name="fixed" label={t('callback.fixed')} required idPrefix="attempt">
                  {(field, p) => (
                    <ButtonChoice
                      field={field}
                      props={p}
                      options={[
                        { value: true, label: <span data-testid="fixed-yes">{t('callbackUi.fixedYes')}</span> },
                        { value: false, label: <span data-testid="fixed-no">{t('callbackUi.fixedNo')}</span> },
                      ]}
                    />
                  )}
                </Field>
              </Col>
              <Col xs={24} md={14}>
                <Field control={control} name="satisfaction" label={t('callback.satisfactionLabel')} required idPrefix="attempt">
                  {(field, p) => (
                    <ButtonChoice
                      field={field}
                      props={p}
                      options={SATISFACTION.map((s) => ({ value: s, label: <span data-testid={`satisfaction-${s}`}>{t(`callback.satisfaction.${s}`)}</span> }))}
                    />
                  )}
                </Field>
              </Col>
            </Row>
          </div>
        ) : null}
        <Field control={control} name="note" label={reached === true ? t('callback.other') : t('common.note')} idPrefix="attempt" max={300}>
          {(field, p) => <Input.TextArea {...field} {...p} value={field.value ?? ''} rows={2} placeholder={reached === true ? t('callbackUi.notePlaceholder') : t('callbackUi.noteUnreached')} />}
        </Field>
        {hint ? <Alert type={hint.type} showIcon title={hint.text} style={{ marginBottom: 12 }} data-testid="attempt-outcome" data-outcome={outcome ?? ''} /> : null}
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Tooltip title={t('shortcut.submit')}>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={formState.isSubmitting} data-testid="attempt-submit">
              {t('callbackUi.record')}
            </Button>
          </Tooltip>
        </div>
      </FormShell>
    </Card>
  );
}

const testId = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;
