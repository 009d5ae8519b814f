import { useState } from 'react';
import { Button, Checkbox, Col, Input, Row, Select, Space, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useFieldArray, useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Settings } from '../../../../shared/master/schema';
import { UNIT_USES, type UnitUse } from '../../../../shared/master/enums';
import { DEPOSIT_KINDS, METER_KINDS } from '../../../../shared/workflows/move-in/rules';
import { MoveInSettingsShape } from '../../../../shared/workflows/move-in/settings';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { Field, FormShell } from '../../components/form';
import { SaveFooter } from '../../components/form-actions';
import { MoneyInput } from '../../components/money-input';
import { NumberInput } from '../../components/number-input';
import { codeText } from '../move-in-lists/common';
import { SettingsFormCard, SettingsHeading } from './settings-card';

/** The part of the settings this card edits; the site form leaves these keys alone, so neither overwrites the other. */
export const MoveInSettingsSchema = z.strictObject(MoveInSettingsShape);
export const MOVE_IN_SETTING_KEYS = Object.keys(MoveInSettingsShape) as Array<keyof typeof MoveInSettingsShape>;
type Values = z.input<typeof MoveInSettingsSchema>;
type Output = z.output<typeof MoveInSettingsSchema>;

const moveInSettings = (s: Settings): Values => Object.fromEntries(MOVE_IN_SETTING_KEYS.map((k) => [k, s[k]])) as Values;

const FIELD_PATHS = [
  'moveInPrefix',
  'movingInPrefix',
  'moveInPrepaidMonths',
  'moveInMeters',
  'moveInRectificationDays',
  'moveInInspectionTemplate',
  ...UNIT_USES.flatMap((u) => [`moveInFeeRates.${u}`, `moveInDeposits.${u}.kind`, `moveInDeposits.${u}.fen`, `moveInKeyTemplates.${u}`, ...Array.from({ length: 30 }, (_, i) => [`moveInKeyTemplates.${u}.${i}.kind`, `moveInKeyTemplates.${u}.${i}.count`]).flat()]),
];

const cell = { padding: '0 4px', verticalAlign: 'top' } as const;

/** One use's key list: kind (a code, named in words beside it) and count, rows added and removed. */
function KeyTemplate({ control, use }: { control: Control<Values>; use: UnitUse }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: `moveInKeyTemplates.${use}` });
  return (
    <div data-testid="key-template" data-use={use} style={{ marginBottom: 12 }}>
      <div style={{ fontWeight: 500, marginBottom: 4 }}>{t(`enum.use.${use}`)}</div>
      {fields.map((f, i) => (
        <Row key={f.id} gutter={4} wrap={false} align="top" data-testid="key-row">
          <Col flex="auto">
            <Field control={control} name={`moveInKeyTemplates.${use}.${i}.kind`} idPrefix="movein-settings">
              {(field, p) => (
                <Input
                  {...field}
                  {...p}
                  aria-label={t('moveinLists.settings.keyKind')}
                  onChange={(e) => field.onChange(e.target.value.trim().toLowerCase())}
                  suffix={<span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{codeText(t, 'key', field.value ?? '')}</span>}
                />
              )}
            </Field>
          </Col>
          <Col flex="90px">
            <Field control={control} name={`moveInKeyTemplates.${use}.${i}.count`} idPrefix="movein-settings">
              {(field, p) => <NumberInput {...p} aria-label={t('moveinLists.settings.keyCount')} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />}
            </Field>
          </Col>
          <Col flex="32px">
            <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label={t('moveinLists.settings.removeKey')} data-testid="key-remove" />
          </Col>
        </Row>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => append({ kind: '', count: 1 })} data-testid="key-add">
        {t('moveinLists.settings.addKey')}
      </Button>
    </div>
  );
}

function MoveInSettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError, getValues } = useForm<Values, unknown, Output>({
    resolver: zodResolver(MoveInSettingsSchema),
    defaultValues: moveInSettings(settings),
  });

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await invoke('settings.update', values));
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: FIELD_PATHS })) setError(errorText(t, e));
    }
  });

  const prefixField = (name: 'moveInPrefix' | 'movingInPrefix', label: string, example: string) => (
    <Field control={control} name={name} label={label} required extra={t('moveinLists.settings.prefixHint', { example })} idPrefix="movein-settings">
      {(field, p) => <Input {...field} {...p} style={{ textTransform: 'uppercase' }} onChange={(e) => field.onChange(e.target.value.toUpperCase())} />}
    </Field>
  );
  const intField = (name: 'moveInPrepaidMonths' | 'moveInRectificationDays', label: string, unit: string, extra?: string) => (
    <Field control={control} name={name} label={label} required extra={extra} idPrefix="movein-settings">
      {(field, p) => <NumberInput {...p} suffix={unit} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />}
    </Field>
  );

  const inspection = getValues('moveInInspectionTemplate');
  const byArea = new Map<string, string[]>();
  for (const i of inspection) byArea.set(i.area, [...(byArea.get(i.area) ?? []), i.item]);

  return (
    <FormShell onSubmit={submit} error={error} testId="movein-settings-form" dirty={formState.isDirty}>
      <Row gutter={24}>
        <Col xs={24} md={6}>
          {prefixField('moveInPrefix', t('moveinLists.settings.moveInPrefix'), 'RH-2026-000001')}
        </Col>
        <Col xs={24} md={6}>
          {prefixField('movingInPrefix', t('moveinLists.settings.movingInPrefix'), 'RZ-2026-000001')}
        </Col>
        <Col xs={24} md={6}>
          {intField('moveInPrepaidMonths', t('moveinLists.settings.prepaidMonths'), t('moveinLists.settings.months'))}
        </Col>
        <Col xs={24} md={6}>
          {intField('moveInRectificationDays', t('moveinLists.settings.rectDays'), t('moveinLists.settings.days'), t('moveinLists.settings.rectDaysHint'))}
        </Col>
      </Row>

      <SettingsHeading title={t('moveinLists.settings.fees')} hint={t('moveinLists.settings.feesHint')} />
      <div style={{ overflowX: 'auto' }}>
        <table style={{ width: '100%', borderCollapse: 'collapse', minWidth: 640 }} data-testid="movein-fee-schedule">
          <thead>
            <tr style={{ color: 'rgba(0,0,0,0.65)', textAlign: 'left' }}>
              <th style={{ padding: '4px 8px', width: 140 }} />
              <th style={{ padding: '4px 8px', fontWeight: 500 }}>{t('moveinLists.settings.rate')}</th>
              <th style={{ padding: '4px 8px', fontWeight: 500 }}>{t('moveinLists.settings.depositKind')}</th>
              <th style={{ padding: '4px 8px', fontWeight: 500 }}>{t('moveinLists.settings.depositAmount')}</th>
            </tr>
          </thead>
          <tbody>
            {UNIT_USES.map((u) => (
              <tr key={u} data-testid="movein-fee-row" data-use={u}>
                <td style={{ padding: '4px 8px', verticalAlign: 'top', paddingTop: 10, fontWeight: 500 }}>{t(`enum.use.${u}`)}</td>
                <td style={cell}>
                  <Field control={control} name={`moveInFeeRates.${u}`} idPrefix="movein-settings">
                    {(field, p) => <MoneyInput {...p} aria-label={`${t(`enum.use.${u}`)} ${t('moveinLists.settings.rate')}`} value={field.value} onChange={(v) => field.onChange(v)} onBlur={field.onBlur} />}
                  </Field>
                </td>
                <td style={cell}>
                  <Field control={control} name={`moveInDeposits.${u}.kind`} idPrefix="movein-settings">
                    {(field, p) => <Select {...p} value={field.value} onChange={field.onChange} options={DEPOSIT_KINDS.map((k) => ({ value: k, label: t(`movein.deposit.${k}`) }))} />}
                  </Field>
                </td>
                <td style={cell}>
                  <Field control={control} name={`moveInDeposits.${u}.fen`} idPrefix="movein-settings">
                    {(field, p) => <MoneyInput {...p} aria-label={`${t(`enum.use.${u}`)} ${t('moveinLists.settings.depositAmount')}`} value={field.value} onChange={(v) => field.onChange(v)} onBlur={field.onBlur} />}
                  </Field>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <SettingsHeading title={t('moveinLists.settings.keys')} hint={t('moveinLists.settings.keysHint')} />
      <Row gutter={16}>
        {UNIT_USES.map((u) => (
          <Col key={u} xs={24} lg={12}>
            <KeyTemplate control={control} use={u} />
          </Col>
        ))}
      </Row>

      <SettingsHeading title={t('moveinLists.settings.meters')} />
      <Field control={control} name="moveInMeters" idPrefix="movein-settings">
        {(field, p) => (
          <Checkbox.Group
            data-testid={p['data-testid']}
            value={field.value ?? []}
            onChange={(v) => field.onChange(METER_KINDS.filter((m) => v.includes(m)))}
            options={METER_KINDS.map((m) => ({ value: m, label: <span data-testid={`meter-${m}`}>{codeText(t, 'meter', m)}</span> }))}
          />
        )}
      </Field>

      <SettingsHeading title={t('moveinLists.settings.inspection')} hint={t('moveinLists.settings.inspectionHint', { count: inspection.length })} />
      <Space direction="vertical" size={4} data-testid="movein-inspection-template">
        {[...byArea].map(([area, items]) => (
          <div key={area}>
            <strong style={{ display: 'inline-block', minWidth: 80 }}>{codeText(t, 'area', area)}</strong>
            {items.map((i) => (
              <Tag key={i}>{codeText(t, 'item', i)}</Tag>
            ))}
          </div>
        ))}
      </Space>

      <SaveFooter dirty={formState.isDirty} submitting={formState.isSubmitting} unsavedText={t('moveinLists.settings.unsaved')} testId="movein-settings" />
    </FormShell>
  );
}

/**
 * Settings › Move-in (managers): the RH and RZ prefixes, the property fee rate by unit use (yuan per m² per month on
 * screen, fen stored), the months prepaid, the revolving deposit by use, the key lists by use, the meters read at
 * handover, the rectification time; the inspection items shown. One save sends them all.
 */
export function MoveInSettingsCard({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  return <SettingsFormCard title={t('moveinLists.settings.title')} id="movein-settings" testId="movein-settings-card" settings={settings} onSaved={onSaved} form={(base, saved) => <MoveInSettingsForm settings={base} onSaved={saved} />} />;
}
