import { useRef, useState, type ReactNode } from 'react';
import { AutoComplete, Button, Col, Input, Row, Select, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useFieldArray, useForm, type FieldArrayWithId } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Settings } from '../../../../shared/master/schema';
import { CALLBACK_FROM, CHARGE_KINDS } from '../../../../shared/workflows/repairs/rules';
import { RepairSettingsShape } from '../../../../shared/workflows/repairs/settings';
import { applyFieldErrors, errorText, invoke, translateMessage } from '../../api';
import { Field, FormShell, PROBLEM_ATTR } from '../../components/form';
import { SettingsFormCard, SettingsHeading } from './settings-card';
import { SaveFooter } from '../../components/form-actions';
import { MoneyInput } from '../../components/money-input';
import { NumberInput } from '../../components/number-input';
import { TimeInput } from './CalendarSettings';

/** The part of the settings this card edits; the site form leaves these keys alone, so neither overwrites the other. */
export const RepairSettingsSchema = z.strictObject(RepairSettingsShape);
export const REPAIR_SETTING_KEYS = Object.keys(RepairSettingsShape) as Array<keyof typeof RepairSettingsShape>;
type Values = z.input<typeof RepairSettingsSchema>;
type Output = z.output<typeof RepairSettingsSchema>;

const repairSettings = (s: Settings): Values => Object.fromEntries(REPAIR_SETTING_KEYS.map((k) => [k, s[k]])) as Values;

/** Units of count offered for a price item (free text is allowed too). */
const UNITS_OF_COUNT: Record<'zh-CN' | 'en', readonly string[]> = {
  'zh-CN': ['次', '个', '米', '小时', '套', '件', '平方米'],
  en: ['visit', 'pc', 'm', 'hour', 'set', 'm²'],
};

/** Every field path of the form, for the host's field errors (a list's own errors go on the list). */
function fieldPaths(v: Values): string[] {
  const rows = (list: string, n: number, cols: readonly string[]) => [list, ...Array.from({ length: n }, (_, i) => cols.map((c) => `${list}.${i}.${c}`)).flat()];
  return [
    'repairPrefix',
    'callbackPrefix',
    'repairPickupMinutes',
    'repairPickupMinutes.urgent',
    'repairPickupMinutes.normal',
    'repairEndOfDay',
    'callbackEscalateAfter',
    ...rows('repairCategories', v.repairCategories.length, ['code', 'name', 'callbackDays', 'callbackFrom']),
    ...rows('publicAreas', v.publicAreas.length, ['code', 'name']),
    ...rows('repairPriceList', v.repairPriceList.length, ['code', 'name', 'kind', 'unitOfCount', 'priceFen']),
    ...rows('technicians', v.technicians.length, ['code', 'name', 'trade', 'phone']),
  ];
}

interface Column {
  label: string;
  flex: string;
  required?: boolean;
}

/**
 * One editable list of the settings: a header of column names, a row of fields per entry (each with its
 * own message under it), a remove button per row and "add" below. A list-level problem shows under it.
 */
function ListSection({
  title,
  hint,
  columns,
  rows,
  renderRow,
  onAdd,
  onRemove,
  minRows = 0,
  addLabel,
  emptyText,
  error,
  testId,
}: {
  title: string;
  hint?: string;
  columns: Column[];
  rows: Array<{ id: string; code: string }>;
  renderRow: (i: number) => ReactNode[];
  onAdd: () => void;
  onRemove: (i: number) => void;
  minRows?: number;
  addLabel: string;
  emptyText: string;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <section data-testid={testId} style={{ marginBottom: 8 }}>
      <SettingsHeading title={title} hint={hint} />
      {rows.length ? (
        <Row gutter={8} wrap={false} style={{ color: 'rgba(0,0,0,0.65)', fontWeight: 500, marginBottom: 4 }} aria-hidden>
          <Col flex="28px" />
          {columns.map((c) => (
            <Col key={c.label} flex={c.flex} style={{ minWidth: 0 }}>
              {c.required ? <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }}>*</span> : null}
              {c.label}
            </Col>
          ))}
          <Col flex="32px" />
        </Row>
      ) : (
        <Typography.Paragraph type="secondary" data-testid={`${testId}-empty`} style={{ marginBottom: 8 }}>
          {emptyText}
        </Typography.Paragraph>
      )}
      {rows.map((r, i) => (
        <Row key={r.id} gutter={8} wrap={false} align="top" data-testid={`${testId}-row`} data-code={r.code}>
          <Col flex="28px" style={{ paddingTop: 5, color: 'rgba(0,0,0,0.45)', textAlign: 'right' }}>
            {i + 1}
          </Col>
          {renderRow(i).map((cell, c) => (
            <Col key={columns[c].label} flex={columns[c].flex} style={{ minWidth: 0 }}>
              {cell}
            </Col>
          ))}
          <Col flex="32px">
            <Tooltip title={t('repairSettings.remove')}>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={rows.length <= minRows}
                onClick={() => onRemove(i)}
                aria-label={`${t('repairSettings.remove')} ${i + 1}`}
                data-testid={`${testId}-remove-${i}`}
              />
            </Tooltip>
          </Col>
        </Row>
      ))}
      {error ? (
        <div style={{ color: '#ff4d4f', marginBottom: 8 }} data-testid={`${testId}-error`} {...{ [PROBLEM_ATTR]: '' }}>
          {error}
        </div>
      ) : null}
      <Button icon={<PlusOutlined />} onClick={onAdd} data-testid={`${testId}-add`}>
        {addLabel}
      </Button>
    </section>
  );
}

/** The ids of a field array's rows as first loaded: their codes are on records already and stay as they are. */
function useSavedRows<T extends { id: string }>(fields: T[]): (id: string) => boolean {
  const saved = useRef<Set<string> | null>(null);
  if (saved.current === null) saved.current = new Set(fields.map((f) => f.id));
  return (id) => saved.current!.has(id);
}

function RepairSettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError, getValues, watch } = useForm<Values, unknown, Output>({
    resolver: zodResolver(RepairSettingsSchema),
    defaultValues: repairSettings(settings),
  });
  const categories = useFieldArray({ control, name: 'repairCategories' });
  const areas = useFieldArray({ control, name: 'publicAreas' });
  const prices = useFieldArray({ control, name: 'repairPriceList' });
  const technicians = useFieldArray({ control, name: 'technicians' });
  const savedCategory = useSavedRows(categories.fields);
  const savedArea = useSavedRows(areas.fields);
  const savedPrice = useSavedRows(prices.fields);
  const savedTechnician = useSavedRows(technicians.fields);
  const units = i18n.language.startsWith('en') ? UNITS_OF_COUNT.en : UNITS_OF_COUNT['zh-CN'];

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await invoke('settings.update', values));
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: fieldPaths(getValues()) })) setError(errorText(t, e));
    }
  });

  const listError = (name: 'repairCategories' | 'publicAreas' | 'repairPriceList' | 'technicians') => {
    const e = formState.errors[name] as { message?: string; root?: { message?: string } } | undefined;
    const m = e?.message ?? e?.root?.message;
    return m ? translateMessage(t, m) : undefined;
  };

  /** The code of a row: typed in lower case on a new row; fixed once saved, since records keep it. */
  const codeCell = (name: `${'repairCategories' | 'publicAreas' | 'repairPriceList' | 'technicians'}.${number}.code`, saved: boolean) => (
    <Field control={control} name={name}>
      {(field, p) => (
        <Tooltip title={saved ? t('repairSettings.codeKept') : undefined}>
          <Input
            {...field}
            {...p}
            aria-label={t('repairSettings.code')}
            disabled={saved}
            // Kept codes stay readable: antd's disabled grey is for fields that do not matter now.
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', ...(saved ? { color: 'rgba(0,0,0,0.65)' } : {}) }}
            placeholder={t('repairSettings.codePlaceholder')}
            onChange={(e) => field.onChange(e.target.value.toLowerCase())}
          />
        </Tooltip>
      )}
    </Field>
  );

  const rowsOf = <N extends 'repairCategories' | 'publicAreas' | 'repairPriceList' | 'technicians'>(name: N, fields: Array<FieldArrayWithId<Values, N>>) => {
    const list = (watch(name) ?? []) as Array<{ code: string }>;
    return fields.map((f, i) => ({ id: f.id, code: list[i]?.code ?? '' }));
  };

  return (
    <FormShell onSubmit={submit} error={error} testId="repair-settings-form" dirty={formState.isDirty}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('repairSettings.intro')}
      </Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={12} md={8}>
          <Field control={control} name="repairPrefix" label={t('repairSettings.repairPrefix')} required extra={t('repairSettings.prefixHint', { example: 'BX' })} max={6}>
            {(field, p) => <Input {...field} {...p} onChange={(e) => field.onChange(e.target.value.toUpperCase())} style={{ textTransform: 'uppercase' }} />}
          </Field>
        </Col>
        <Col xs={12} md={8}>
          <Field control={control} name="callbackPrefix" label={t('repairSettings.callbackPrefix')} required extra={t('repairSettings.prefixHint', { example: 'HF' })} max={6}>
            {(field, p) => <Input {...field} {...p} onChange={(e) => field.onChange(e.target.value.toUpperCase())} style={{ textTransform: 'uppercase' }} />}
          </Field>
        </Col>
        <Col xs={12} md={8}>
          <Field control={control} name="repairEndOfDay" label={t('repairSettings.endOfDay')} required extra={t('repairSettings.endOfDayHint')}>
            {(field, p) => <TimeInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
          </Field>
        </Col>
        <Col xs={12} md={8}>
          <Field control={control} name="repairPickupMinutes.urgent" label={t('repairSettings.pickupUrgent')} required extra={t('repairSettings.pickupHint')}>
            {(field, p) => <NumberInput {...p} suffix={t('settings.minutes')} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />}
          </Field>
        </Col>
        <Col xs={12} md={8}>
          <Field control={control} name="repairPickupMinutes.normal" label={t('repairSettings.pickupNormal')} required>
            {(field, p) => <NumberInput {...p} suffix={t('settings.minutes')} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />}
          </Field>
        </Col>
        <Col xs={12} md={8}>
          <Field control={control} name="callbackEscalateAfter" label={t('repairSettings.escalateAfter')} required extra={t('repairSettings.escalateAfterHint')}>
            {(field, p) => <NumberInput {...p} suffix={t('settings.times')} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />}
          </Field>
        </Col>
      </Row>

      <ListSection
        title={t('repairSettings.categories')}
        hint={t('repairSettings.categoriesHint')}
        testId="categories"
        columns={[
          { label: t('repairSettings.code'), flex: '0 0 175px', required: true },
          { label: t('repairSettings.name'), flex: '1 1 140px', required: true },
          { label: t('repairSettings.callbackDays'), flex: '0 0 120px', required: true },
          { label: t('repairSettings.callbackFrom'), flex: '0 0 190px', required: true },
        ]}
        rows={rowsOf('repairCategories', categories.fields)}
        minRows={1}
        onAdd={() => categories.append({ code: '', name: '', callbackDays: 2, callbackFrom: 'finished' })}
        onRemove={categories.remove}
        addLabel={t('repairSettings.addCategory')}
        emptyText=""
        error={listError('repairCategories')}
        renderRow={(i) => [
          codeCell(`repairCategories.${i}.code`, savedCategory(categories.fields[i].id)),
          <Field key="name" control={control} name={`repairCategories.${i}.name`} max={20}>
            {(field, p) => <Input {...field} {...p} aria-label={t('repairSettings.name')} />}
          </Field>,
          <Field key="days" control={control} name={`repairCategories.${i}.callbackDays`}>
            {(field, p) => (
              <NumberInput {...p} aria-label={t('repairSettings.callbackDays')} suffix={t('settings.days')} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />
            )}
          </Field>,
          <Field key="from" control={control} name={`repairCategories.${i}.callbackFrom`}>
            {(field, p) => (
              <Select
                {...p}
                aria-label={t('repairSettings.callbackFrom')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                options={CALLBACK_FROM.map((f) => ({ value: f, label: t(`repairSettings.from.${f}`) }))}
              />
            )}
          </Field>,
        ]}
      />

      <ListSection
        title={t('repairSettings.areas')}
        hint={t('repairSettings.areasHint')}
        testId="areas"
        columns={[
          { label: t('repairSettings.code'), flex: '0 0 175px', required: true },
          { label: t('repairSettings.name'), flex: '1 1 200px', required: true },
        ]}
        rows={rowsOf('publicAreas', areas.fields)}
        onAdd={() => areas.append({ code: '', name: '' })}
        onRemove={areas.remove}
        addLabel={t('repairSettings.addArea')}
        emptyText={t('repairSettings.areasEmpty')}
        error={listError('publicAreas')}
        renderRow={(i) => [
          codeCell(`publicAreas.${i}.code`, savedArea(areas.fields[i].id)),
          <Field key="name" control={control} name={`publicAreas.${i}.name`} max={40}>
            {(field, p) => <Input {...field} {...p} aria-label={t('repairSettings.name')} />}
          </Field>,
        ]}
      />

      <ListSection
        title={t('repairSettings.prices')}
        hint={t('repairSettings.pricesHint')}
        testId="prices"
        columns={[
          { label: t('repairSettings.code'), flex: '0 0 175px', required: true },
          { label: t('repairSettings.name'), flex: '1 1 160px', required: true },
          { label: t('repairSettings.kind'), flex: '0 0 110px', required: true },
          { label: t('repairSettings.unitOfCount'), flex: '0 0 100px', required: true },
          { label: t('repairSettings.price'), flex: '0 0 140px', required: true },
        ]}
        rows={rowsOf('repairPriceList', prices.fields)}
        onAdd={() => prices.append({ code: '', name: '', kind: 'material', unitOfCount: units[1], priceFen: null as unknown as number })}
        onRemove={prices.remove}
        addLabel={t('repairSettings.addPrice')}
        emptyText={t('repairSettings.pricesEmpty')}
        error={listError('repairPriceList')}
        renderRow={(i) => [
          codeCell(`repairPriceList.${i}.code`, savedPrice(prices.fields[i].id)),
          <Field key="name" control={control} name={`repairPriceList.${i}.name`} max={40}>
            {(field, p) => <Input {...field} {...p} aria-label={t('repairSettings.name')} />}
          </Field>,
          <Field key="kind" control={control} name={`repairPriceList.${i}.kind`}>
            {(field, p) => (
              <Select
                {...p}
                aria-label={t('repairSettings.kind')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                options={CHARGE_KINDS.map((k) => ({ value: k, label: t(`repairSettings.kinds.${k}`) }))}
              />
            )}
          </Field>,
          <Field key="unit" control={control} name={`repairPriceList.${i}.unitOfCount`} max={6}>
            {(field, p) => (
              <AutoComplete
                id={p.id}
                data-testid={p['data-testid']}
                aria-label={t('repairSettings.unitOfCount')}
                value={field.value}
                onChange={(v: string) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                options={units.map((u) => ({ value: u }))}
              />
            )}
          </Field>,
          <Field key="price" control={control} name={`repairPriceList.${i}.priceFen`}>
            {(field, p) => <MoneyInput {...p} aria-label={t('repairSettings.price')} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />}
          </Field>,
        ]}
      />

      <ListSection
        title={t('repairSettings.technicians')}
        hint={t('repairSettings.techniciansHint')}
        testId="technicians"
        columns={[
          { label: t('repairSettings.code'), flex: '0 0 175px', required: true },
          { label: t('repairSettings.techName'), flex: '1 1 120px', required: true },
          { label: t('repairSettings.trade'), flex: '1 1 120px', required: true },
          { label: t('repairSettings.phone'), flex: '0 0 170px' },
        ]}
        rows={rowsOf('technicians', technicians.fields)}
        onAdd={() => technicians.append({ code: '', name: '', trade: '', phone: '' })}
        onRemove={technicians.remove}
        addLabel={t('repairSettings.addTechnician')}
        emptyText={t('repairSettings.techniciansEmpty')}
        error={listError('technicians')}
        renderRow={(i) => [
          codeCell(`technicians.${i}.code`, savedTechnician(technicians.fields[i].id)),
          <Field key="name" control={control} name={`technicians.${i}.name`} max={30}>
            {(field, p) => <Input {...field} {...p} aria-label={t('repairSettings.techName')} />}
          </Field>,
          <Field key="trade" control={control} name={`technicians.${i}.trade`} max={20}>
            {(field, p) => <Input {...field} {...p} aria-label={t('repairSettings.trade')} placeholder={t('repairSettings.tradePlaceholder')} />}
          </Field>,
          <Field key="phone" control={control} name={`technicians.${i}.phone`}>
            {(field, p) => <Input {...field} {...p} value={field.value ?? ''} aria-label={t('repairSettings.phone')} inputMode="tel" placeholder="138 0000 0000" />}
          </Field>,
        ]}
      />

      <SaveFooter dirty={formState.isDirty} submitting={formState.isSubmitting} unsavedText={t('repairSettings.unsaved')} testId="repair-settings" />
    </FormShell>
  );
}

/**
 * Settings › Repairs and callbacks (managers): numbering, pick-up limits, the end of the day and escalation,
 * then the lists — categories with their callback rule, public areas, the price list (yuan on screen, fen
 * stored), the technicians. One save sends them all (the host checks them all first: nothing half-saved);
 * after it the form starts again from what was saved.
 */
export function RepairSettingsCard({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  return <SettingsFormCard title={t('repairSettings.title')} id="repair-settings" testId="repair-settings-card" settings={settings} onSaved={onSaved} form={(base, saved) => <RepairSettingsForm settings={base} onSaved={saved} />} />;
}
