import { useState } from 'react';
import { Input } from 'antd';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { BuildingInputSchema, type Building } from '../../../../shared/master/schema';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';

export function BuildingForm({ building, onSaved, onCancel }: { building?: Building | null; onSaved: (b: Building) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError } = useForm({
    resolver: zodResolver(BuildingInputSchema),
    defaultValues: { code: building?.code ?? '', name: building?.name ?? '', note: building?.note ?? '' },
  });

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = building ? await invoke('buildings.update', { ...values, id: building.id }) : await invoke('buildings.create', values);
      onSaved(saved);
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['code', 'name', 'note'] })) setError(errorText(t, e));
    }
  });

  return (
    <FormShell onSubmit={submit} error={error} testId="building-form" dirty={formState.isDirty}>
      <Field control={control} name="code" label={t('building.code')} required extra={t('building.codeHint')} max={20}>
        {(field, p) => <Input {...field} {...p} autoFocus placeholder={t('building.codePlaceholder')} />}
      </Field>
      <Field control={control} name="name" label={t('building.name')} required max={50}>
        {(field, p) => <Input {...field} {...p} placeholder={t('building.namePlaceholder')} />}
      </Field>
      <Field control={control} name="note" label={t('common.note')} max={500}>
        {(field, p) => <Input.TextArea {...field} {...p} value={field.value ?? ''} rows={3} />}
      </Field>
      <FormActions submitting={formState.isSubmitting} onCancel={onCancel} />
    </FormShell>
  );
}
