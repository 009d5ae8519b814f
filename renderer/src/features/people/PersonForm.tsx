import { useState } from 'react';
import { Alert, Input } from 'antd';
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PersonInputSchema, type PersonDetail } from '../../../../shared/master/schema';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { ButtonChoice, DateInput, Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { IdDocumentFields } from '../../components/id-fields';

type PersonValues = z.input<typeof PersonInputSchema>;

const FIELDS = ['kind', 'name', 'phone', 'phone2', 'idType', 'idNumber', 'contactPerson', 'emergencyName', 'emergencyPhone', 'birthday', 'note'];

/** Clear values of the masked fields, revealed (and logged) so that an edit keeps them. */
export interface RevealedValues {
  phone: string | null;
  phone2: string | null;
  idNumber: string | null;
  emergencyPhone: string | null;
}

const Row = ({ children }: { children: React.ReactNode }) => <div style={{ display: 'flex', gap: 16 }}>{children}</div>;
const Col = ({ children }: { children: React.ReactNode }) => <div style={{ flex: 1, minWidth: 0 }}>{children}</div>;

export function PersonForm({
  person,
  revealed,
  onSaved,
  onCancel,
  submitText,
}: {
  person?: PersonDetail | null;
  revealed?: RevealedValues | null;
  onSaved: (p: PersonDetail) => void;
  onCancel: () => void;
  submitText?: string;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError, watch, getValues, setValue } = useForm<PersonValues, unknown, z.output<typeof PersonInputSchema>>({
    resolver: zodResolver(PersonInputSchema),
    defaultValues: {
      kind: person?.kind ?? 'person',
      name: person?.name ?? '',
      phone: revealed?.phone ?? '',
      phone2: revealed?.phone2 ?? '',
      idType: person?.idType ?? null,
      idNumber: revealed?.idNumber ?? '',
      contactPerson: person?.contactPerson ?? '',
      emergencyName: person?.emergencyName ?? '',
      emergencyPhone: revealed?.emergencyPhone ?? '',
      birthday: person?.birthday ?? null,
      note: person?.note ?? '',
    },
  });
  const kind = watch('kind');

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = person ? await invoke('people.update', { id: person.id, person: values }) : await invoke('people.create', values);
      onSaved(saved);
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: FIELDS, prefix: 'person.' })) setError(errorText(t, e));
    }
  });

  return (
    <FormShell onSubmit={submit} error={error} testId="person-form" dirty={formState.isDirty}>
      {person && revealed ? <Alert type="info" showIcon title={t('person.editRevealed')} style={{ marginBottom: 16 }} data-testid="edit-revealed-note" /> : null}
      <Field control={control} name="kind" label={t('person.kind')}>
        {(field, p) => (
          <ButtonChoice
            field={field}
            props={p}
            onPicked={(k) => {
              if (k === 'company' && !getValues('idType')) setValue('idType', 'business_license');
              if (k === 'person' && getValues('idType') === 'business_license' && !getValues('idNumber')) setValue('idType', null);
            }}
            options={[
              { value: 'person', label: <span><UserOutlined /> {t('enum.kind.person')}</span> },
              { value: 'company', label: <span><BankOutlined /> {t('enum.kind.company')}</span> },
            ]}
          />
        )}
      </Field>
      <Field control={control} name="name" label={kind === 'company' ? t('person.companyName') : t('person.name')} required max={100}>
        {(field, p) => <Input {...field} {...p} autoFocus />}
      </Field>
      {kind === 'company' ? (
        <Field control={control} name="contactPerson" label={t('person.contactPerson')} required max={50}>
          {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
        </Field>
      ) : null}
      <Row>
        <Col>
          <Field control={control} name="phone" label={t('person.phone')} max={30}>
            {(field, p) => <Input {...field} {...p} value={field.value ?? ''} inputMode="tel" placeholder="138 0000 0000" />}
          </Field>
        </Col>
        <Col>
          <Field control={control} name="phone2" label={t('person.phone2')} max={30}>
            {(field, p) => <Input {...field} {...p} value={field.value ?? ''} inputMode="tel" />}
          </Field>
        </Col>
      </Row>
      <Row>
        <IdDocumentFields
          control={control}
          typeName="idType"
          numberName="idNumber"
          Cell={Col}
          onNumberTyped={(v) => {
            if (v.trim() && !getValues('idType')) setValue('idType', getValues('kind') === 'company' ? 'business_license' : 'resident_id');
          }}
        />
      </Row>
      <Row>
        <Col>
          <Field control={control} name="emergencyName" label={t('person.emergencyName')} max={50}>
            {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
          </Field>
        </Col>
        <Col>
          <Field control={control} name="emergencyPhone" label={t('person.emergencyPhone')} max={30}>
            {(field, p) => <Input {...field} {...p} value={field.value ?? ''} inputMode="tel" />}
          </Field>
        </Col>
      </Row>
      {kind === 'person' ? (
        <Field control={control} name="birthday" label={t('person.birthday')}>
          {(field, p) => <DateInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} disabledFuture />}
        </Field>
      ) : null}
      <Field control={control} name="note" label={t('common.note')} max={500}>
        {(field, p) => <Input.TextArea {...field} {...p} value={field.value ?? ''} rows={3} />}
      </Field>
      <FormActions submitting={formState.isSubmitting} onCancel={onCancel} submitText={submitText} />
    </FormShell>
  );
}
