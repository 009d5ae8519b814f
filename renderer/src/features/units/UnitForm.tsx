import { useState } from 'react';
import { Input, Select } from 'antd';
import { NumberInput } from '../../components/number-input';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { UnitInputSchema, type UnitRow } from '../../../../shared/master/schema';
import { UNIT_USES } from '../../../../shared/master/enums';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { useQuery } from '../../components/use-query';

const FIELDS = ['buildingId', 'code', 'use', 'floor', 'areaM2', 'note'];

export function UnitForm({
  unit,
  defaultBuildingId,
  onSaved,
  onCancel,
}: {
  unit?: UnitRow | null;
  defaultBuildingId?: string;
  onSaved: (u: UnitRow) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const buildings = useQuery('buildings.list', { includeVoided: false });
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError } = useForm({
    resolver: zodResolver(UnitInputSchema),
    defaultValues: {
      // Left undefined when not chosen, so the schema answers "required" rather than "invalid".
      buildingId: unit?.buildingId ?? defaultBuildingId ?? undefined,
      code: unit?.code ?? '',
      use: unit?.use ?? 'residential',
      floor: unit?.floor ?? null,
      areaM2: unit?.areaM2 ?? null,
      note: unit?.note ?? '',
    },
  });

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = unit ? await invoke('units.update', { ...values, id: unit.id }) : await invoke('units.create', values);
      onSaved(saved);
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: FIELDS })) setError(errorText(t, e));
    }
  });

  return (
    <FormShell onSubmit={submit} error={error} testId="unit-form" dirty={formState.isDirty}>
      <Field control={control} name="buildingId" label={t('unit.building')} required>
        {(field, p) => (
          <Select
            {...p}
            autoFocus={!unit}
            showSearch={{ optionFilterProp: 'label' }}
            loading={buildings.loading}
            value={field.value || undefined}
            onChange={(v: string) => field.onChange(v)}
            onBlur={field.onBlur}
            placeholder={t('unit.buildingPlaceholder')}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))}
            notFoundContent={t('unit.noBuildings')}
          />
        )}
      </Field>
      <Field control={control} name="code" label={t('unit.code')} required extra={t('unit.codeHint')} max={30}>
        {(field, p) => <Input {...field} {...p} autoFocus={!!unit} placeholder="3-2-1502" />}
      </Field>
      <Field control={control} name="use" label={t('unit.use')} required>
        {(field, p) => (
          <Select
            {...p}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            options={UNIT_USES.map((u) => ({ value: u, label: t(`enum.use.${u}`) }))}
          />
        )}
      </Field>
      <div style={{ display: 'flex', gap: 16 }}>
        <div style={{ flex: 1 }}>
          <Field control={control} name="floor" label={t('unit.floor')}>
            {(field, p) => (
              <NumberInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            )}
          </Field>
        </div>
        <div style={{ flex: 1 }}>
          <Field control={control} name="areaM2" label={t('unit.area')}>
            {(field, p) => (
              <NumberInput {...p} step={0.01} suffix="m²" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            )}
          </Field>
        </div>
      </div>
      <Field control={control} name="note" label={t('common.note')} max={500}>
        {(field, p) => <Input.TextArea {...field} {...p} value={field.value ?? ''} rows={3} />}
      </Field>
      <FormActions submitting={formState.isSubmitting} onCancel={onCancel} />
    </FormShell>
  );
}
