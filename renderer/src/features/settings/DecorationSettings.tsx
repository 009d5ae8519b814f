import { useState } from 'react';
import { Col, Input, Row, Select } from 'antd';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Settings } from '../../../../shared/master/schema';
import { UNIT_USES } from '../../../../shared/master/enums';
import { DecorationSettingsShape } from '../../../../shared/workflows/decoration/settings';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { Field, FormShell } from '../../components/form';
import { SettingsFormCard, SettingsHeading } from './settings-card';
import { SaveFooter } from '../../components/form-actions';
import { MoneyInput } from '../../components/money-input';
import { NumberInput } from '../../components/number-input';

/** The part of the settings this card edits; the site form leaves these keys alone, so neither overwrites the other. */
export const DecorationSettingsSchema = z.strictObject(DecorationSettingsShape);
export const DECORATION_SETTING_KEYS = Object.keys(DecorationSettingsShape) as Array<keyof typeof DecorationSettingsShape>;
type Values = z.input<typeof DecorationSettingsSchema>;
type Output = z.output<typeof DecorationSettingsSchema>;

const decorationSettings = (s: Settings): Values => Object.fromEntries(DECORATION_SETTING_KEYS.map((k) => [k, s[k]])) as Values;

const FEES = ['depositFen', 'debrisFen', 'passFeeFen', 'acModificationFen', 'fireDrainFen', 'fireLinkageFen'] as const;
const RULE_KINDS = ['working-days', 'calendar-days', 'office-hours'] as const;

/** Every field path of the form, for the host's field errors. */
const FIELD_PATHS = [
  'decorationPrefix',
  'passPrefix',
  'decorationApproval',
  'decorationApproval.days',
  'decorationApproval.hours',
  'decorationRefundAheadDays',
  'decorationApprovalWarnDays',
  'decorationWorkingHours',
  ...UNIT_USES.flatMap((u) => [...FEES.map((f) => `decorationFees.${u}.${f}`), `decorationRefundWait.${u}.n`, `decorationRefundWait.${u}.unit`]),
];

function DecorationSettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError, watch, setValue } = useForm<Values, unknown, Output>({
    resolver: zodResolver(DecorationSettingsSchema),
    defaultValues: decorationSettings(settings),
  });
  const rule = watch('decorationApproval');

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await invoke('settings.update', values));
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: FIELD_PATHS })) setError(errorText(t, e));
    }
  });

  const intField = (name: 'decorationRefundAheadDays' | 'decorationApprovalWarnDays', label: string, unit: string, extra: string) => (
    <Field control={control} name={name} label={label} required extra={extra} idPrefix="deco-settings">
      {(field, p) => <NumberInput {...p} suffix={unit} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />}
    </Field>
  );

  const prefixField = (name: 'decorationPrefix' | 'passPrefix', label: string, example: string) => (
    <Field control={control} name={name} label={label} required extra={t('decorationWork.settings.prefixHint', { example })} idPrefix="deco-settings">
      {(field, p) => <Input {...field} {...p} style={{ textTransform: 'uppercase' }} onChange={(e) => field.onChange(e.target.value.toUpperCase())} />}
    </Field>
  );

  return (
    <FormShell onSubmit={submit} error={error} testId="decoration-settings-form" dirty={formState.isDirty}>
      <Row gutter={24}>
        <Col xs={24} md={6}>
          {prefixField('decorationPrefix', t('decorationWork.settings.decorationPrefix'), 'ZX-2026-000001')}
        </Col>
        <Col xs={24} md={6}>
          {prefixField('passPrefix', t('decorationWork.settings.passPrefix'), 'CR-2026-000001')}
        </Col>
        <Col xs={24} md={12}>
          <Row gutter={8}>
            <Col flex="180px">
              <Field control={control} name="decorationApproval" label={t('decorationWork.settings.approval')} required idPrefix="deco-settings">
                {(field, p) => (
                  <Select
                    {...p}
                    value={field.value.kind}
                    onChange={(kind: (typeof RULE_KINDS)[number]) => {
                      const n = 'days' in field.value ? field.value.days : Math.max(1, Math.round(field.value.hours / 8));
                      field.onChange(kind === 'office-hours' ? { kind, hours: n * 8 } : { kind, days: n });
                    }}
                    options={RULE_KINDS.map((k) => ({ value: k, label: t(`decorationWork.settings.rule.${k}`) }))}
                  />
                )}
              </Field>
            </Col>
            <Col flex="auto">
              {rule.kind === 'office-hours' ? (
                <Field control={control} name="decorationApproval.hours" label={t('decorationWork.settings.approvalHours')} required idPrefix="deco-settings">
                  {(field, p) => <NumberInput {...p} suffix={t('decorationWork.settings.hours')} value={field.value} onChange={(v) => setValue('decorationApproval', { kind: 'office-hours', hours: v as number }, { shouldDirty: true })} onBlur={field.onBlur} />}
                </Field>
              ) : (
                <Field control={control} name="decorationApproval.days" label={t('decorationWork.settings.approvalDays')} required extra={t('decorationWork.settings.approvalHint')} idPrefix="deco-settings">
                  {(field, p) => <NumberInput {...p} suffix={t('decorationWork.settings.days')} value={field.value} onChange={(v) => setValue('decorationApproval', { kind: rule.kind as 'working-days', days: v as number }, { shouldDirty: true })} onBlur={field.onBlur} />}
                </Field>
              )}
            </Col>
          </Row>
        </Col>
      </Row>

      <SettingsHeading title={t('decorationWork.settings.fees')} hint={t('decorationWork.settings.feesHint')} />
      <div style={{ overflowX: 'auto' }}>
        <table style={{ width: '100%', borderCollapse: 'collapse', minWidth: 760 }} data-testid="fee-schedule">
          <thead>
            <tr style={{ color: 'rgba(0,0,0,0.65)', textAlign: 'left' }}>
              <th style={{ padding: '4px 8px', width: 140 }} />
              {FEES.map((f) => (
                <th key={f} style={{ padding: '4px 8px', fontWeight: 500 }}>
                  {t(`decorationWork.settings.fee.${f}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {UNIT_USES.map((u) => (
              <tr key={u} data-testid="fee-row" data-use={u}>
                <td style={{ padding: '4px 8px', verticalAlign: 'top', paddingTop: 10, fontWeight: 500 }}>{t(`enum.use.${u}`)}</td>
                {FEES.map((f) => (
                  <td key={f} style={{ padding: '0 4px', verticalAlign: 'top' }}>
                    <Field control={control} name={`decorationFees.${u}.${f}`} idPrefix="deco-settings">
                      {(field, p) => <MoneyInput {...p} aria-label={`${t(`enum.use.${u}`)} ${t(`decorationWork.settings.fee.${f}`)}`} value={field.value} onChange={(v) => field.onChange(v)} onBlur={field.onBlur} />}
                    </Field>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <SettingsHeading title={t('decorationWork.settings.refundWait')} hint={t('decorationWork.settings.refundWaitHint')} />
      <Row gutter={16}>
        {UNIT_USES.map((u) => (
          <Col key={u} xs={24} md={6} data-testid="refund-wait" data-use={u}>
            <div style={{ marginBottom: 4, fontWeight: 500 }}>{t(`enum.use.${u}`)}</div>
            <Row gutter={4} wrap={false}>
              <Col flex="auto">
                <Field control={control} name={`decorationRefundWait.${u}.n`} idPrefix="deco-settings">
                  {(field, p) => <NumberInput {...p} aria-label={`${t(`enum.use.${u}`)} ${t('decorationWork.settings.refundWait')}`} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />}
                </Field>
              </Col>
              <Col flex="100px">
                <Field control={control} name={`decorationRefundWait.${u}.unit`} idPrefix="deco-settings">
                  {(field, p) => (
                    <Select
                      {...p}
                      value={field.value}
                      onChange={field.onChange}
                      options={[
                        { value: 'days', label: t('decorationWork.settings.days') },
                        { value: 'months', label: t('decorationWork.settings.months') },
                      ]}
                    />
                  )}
                </Field>
              </Col>
            </Row>
          </Col>
        ))}
      </Row>

      <SettingsHeading title={t('decorationWork.settings.today')} />
      <Row gutter={24}>
        <Col xs={24} md={8}>{intField('decorationRefundAheadDays', t('decorationWork.settings.aheadDays'), t('decorationWork.settings.days'), t('decorationWork.settings.aheadHint'))}</Col>
        <Col xs={24} md={8}>{intField('decorationApprovalWarnDays', t('decorationWork.settings.warnDays'), t('decorationWork.settings.workingDays'), t('decorationWork.settings.warnHint'))}</Col>
        <Col xs={24} md={8}>
          <Field control={control} name="decorationWorkingHours" label={t('decorationWork.settings.workingHours')} required extra={t('decorationWork.settings.workingHoursHint')} idPrefix="deco-settings">
            {(field, p) => <Input {...field} {...p} maxLength={60} />}
          </Field>
        </Col>
      </Row>

      <SaveFooter dirty={formState.isDirty} submitting={formState.isSubmitting} unsavedText={t('decorationWork.settings.unsaved')} testId="decoration-settings" />
    </FormShell>
  );
}

/**
 * Settings › Decoration permits (managers): the numbering of permits and passes, the published fee schedule by
 * unit use (yuan on screen, fen stored), the approval deadline, the refund wait by use, Today's look-ahead.
 * One save sends them all (the host checks them all first: nothing half-saved); the form then starts again
 * from what was saved.
 */
export function DecorationSettingsCard({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  return <SettingsFormCard title={t('decorationWork.settings.title')} id="decoration-settings" testId="decoration-settings-card" settings={settings} onSaved={onSaved} form={(base, saved) => <DecorationSettingsForm settings={base} onSaved={saved} />} />;
}
