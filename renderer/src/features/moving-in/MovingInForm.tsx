import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Checkbox, Col, DatePicker, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { OCCUPANTS, OWNER_ANSWERS, tenantGaps, type Occupant } from '../../../../shared/workflows/move-in/rules';
import { MovingInCreateSchema } from '../../../../shared/workflows/move-in/schema';
import type { PersonRow } from '../../../../shared/master/schema';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { NewRecordFoot } from '../../components/form-actions';
import { PageHeader, useNotifyError } from '../../components/feedback';
import { ButtonChoice, DateInput, Field, FormShell } from '../../components/form';
import { todayIso } from '../../components/format';
import { IdDocumentFields } from '../../components/id-fields';
import { useCan } from '../../components/permissions';
import { useUnitDetail } from '../../components/use-unit-detail';
import { UnitPicker } from '../slips/common';

type Payload = z.input<typeof MovingInCreateSchema>;

interface Values {
  unitId: string | null;
  occupant: Occupant;
  date: string | null;
  /** The owner picked, or the tenant on file picked. */
  personId: string | null;
  tenantMode: 'pick' | 'new';
  tenant: { kind: 'person' | 'company'; name: string; phone: string; phone2: string; idType: string | null; idNumber: string; contactPerson: string; emergencyName: string; emergencyPhone: string; birthday: string | null; note: string };
  ownerConfirmation: { contactName: string; contactPhone: string; calledAt: string; answer: (typeof OWNER_ANSWERS)[number] | null; note: string };
  pledgeSigned: boolean;
  leaseFrom: string | null;
  leaseTo: string | null;
  note: string;
}

const FIELDS = [
  'unitId', 'occupant', 'date', 'personId', 'tenant', 'pledgeSigned', 'leaseFrom', 'leaseTo', 'note',
  ...['kind', 'name', 'phone', 'phone2', 'idType', 'idNumber', 'contactPerson', 'emergencyName', 'emergencyPhone', 'birthday', 'note'].map((f) => `tenant.${f}`),
  ...['contactName', 'contactPhone', 'calledAt', 'answer', 'note'].map((f) => `ownerConfirmation.${f}`),
  'ownerConfirmation',
];

const blank = (s: string | null | undefined) => (s && s.trim() ? s : null);

/** What the host is sent: an owner (one of the unit's), or a tenant on file or registered here, with the call to the owner. */
function toPayload(v: Values): Payload {
  const tenant = v.occupant === 'tenant';
  return {
    unitId: v.unitId ?? '',
    occupant: v.occupant,
    date: v.date ?? '',
    personId: tenant && v.tenantMode === 'new' ? null : v.personId,
    tenant:
      tenant && v.tenantMode === 'new'
        ? {
            kind: v.tenant.kind,
            name: v.tenant.name,
            phone: blank(v.tenant.phone),
            phone2: blank(v.tenant.phone2),
            idType: (v.tenant.idType ?? null) as never,
            idNumber: blank(v.tenant.idNumber),
            contactPerson: blank(v.tenant.contactPerson),
            emergencyName: blank(v.tenant.emergencyName),
            emergencyPhone: blank(v.tenant.emergencyPhone),
            birthday: v.tenant.birthday,
            note: blank(v.tenant.note),
          }
        : null,
    ownerConfirmation: tenant ? { ...v.ownerConfirmation, answer: (v.ownerConfirmation.answer ?? '') as never, note: blank(v.ownerConfirmation.note) } : null,
    pledgeSigned: tenant && v.pledgeSigned,
    leaseFrom: tenant ? v.leaseFrom : null,
    leaseTo: tenant ? v.leaseTo : null,
    note: blank(v.note),
  };
}

function setPath(errors: Record<string, unknown>, path: string, message: string) {
  const parts = path.split('.');
  let node = errors;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  const last = parts[parts.length - 1];
  if (!node[last]) node[last] = { type: 'validate', message };
}

/**
 * The contract's checks and the service's own gaps of a tenant (the owner agreed, the pledge, a lease covering the
 * date), all at once and each on its field — the same words the host would answer with.
 */
const resolver: Resolver<Values> = (values) => {
  const payload = toPayload(values);
  const errors: Record<string, unknown> = {};
  if (values.occupant === 'owner' && !values.personId) setPath(errors, 'personId', 'v.required');
  if (values.occupant === 'tenant') {
    if (values.tenantMode === 'pick' && !values.personId) setPath(errors, 'personId', 'v.required');
    const gaps = tenantGaps({ ownerAnswer: values.ownerConfirmation.answer, pledgeSigned: values.pledgeSigned, leaseFrom: values.leaseFrom, leaseTo: values.leaseTo, date: values.date ?? '' });
    for (const [k, m] of Object.entries(gaps)) setPath(errors, k, m);
  }
  const parsed = MovingInCreateSchema.safeParse(payload);
  if (!parsed.success) for (const i of parsed.error.issues) setPath(errors, i.path.join('.') || 'unitId', i.message);
  return Object.keys(errors).length ? { values: {}, errors: errors as FieldErrors<Values> } : { values, errors: {} };
};

const Half = ({ children }: { children: React.ReactNode }) => (
  <Col xs={24} md={12}>
    {children}
  </Col>
);
const Third = ({ children }: { children: React.ReactNode }) => (
  <Col xs={24} md={8}>
    {children}
  </Col>
);

/** A person on file, searched by name, pinyin initials or the end of a phone number. */
function PersonSearch({ value, onChange, id, testId }: { value: string | null; onChange: (id: string | null, row: PersonRow | null) => void; id: string; testId: string }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<PersonRow[]>([]);
  const [loading, setLoading] = useState(false);
  const search = async (q: string) => {
    if (!q.trim()) return;
    setLoading(true);
    try {
      setOptions((await invoke('people.list', { q: q.trim().slice(0, 50), offset: 0, limit: 20 })).rows);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      allowClear
      loading={loading}
      value={value ?? undefined}
      placeholder={t('moveinLists.movingIn.form.tenantPersonHint')}
      onChange={(v: string | undefined) => onChange(v ?? null, options.find((o) => o.id === v) ?? null)}
      options={options.map((o) => ({ value: o.id, label: <span data-testid="person-option">{`${o.name}${o.phoneMasked ? ` · ${o.phoneMasked}` : ''}`}</span> }))}
    />
  );
}

/**
 * The moving-in (入住, procedure 三): the unit (handed over), who moves in — one of its owners, or a tenant on file
 * or registered here (租户信息表) — and the day; for a tenant, the call to the owner (who, which number, when, the
 * answer), the signed safety pledge and the lease. Whatever is missing shows on its field before it is sent.
 */
export function MovingInForm({ unitId: presetUnit }: { unitId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const notify = useNotifyError();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver,
    defaultValues: {
      unitId: presetUnit,
      occupant: 'owner',
      date: todayIso(),
      personId: null,
      tenantMode: 'new',
      tenant: { kind: 'person', name: '', phone: '', phone2: '', idType: null, idNumber: '', contactPerson: '', emergencyName: '', emergencyPhone: '', birthday: null, note: '' },
      ownerConfirmation: { contactName: '', contactPhone: '', calledAt: dayjs().format(), answer: null, note: '' },
      pledgeSigned: false,
      leaseFrom: null,
      leaseTo: null,
      note: '',
    },
  });
  const { control, handleSubmit, setValue, getValues, formState, setError: setFieldError } = form;
  const unitId = useWatch({ control, name: 'unitId' });
  const occupant = useWatch({ control, name: 'occupant' });
  const tenantMode = useWatch({ control, name: 'tenantMode' });
  const unit = useUnitDetail(unitId);
  const owners = (unit?.links ?? []).filter((l) => l.active && (l.relation === 'owner' || l.relation === 'co_owner'));
  const dirty = { shouldDirty: true, shouldValidate: formState.isSubmitted } as const;
  const [ownerPhoneFor, setOwnerPhoneFor] = useState<string | null>(null);

  const fillOwnerPhone = async (personId: string) => {
    try {
      const r = await invoke('people.reveal', { id: personId, field: 'phone' });
      if (r.value) setValue('ownerConfirmation.contactPhone', r.value, dirty);
    } catch (e) {
      notify(e);
    }
  };

  const save = handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = await invoke('movingIn.create', toPayload(values));
      navigate(`/moving-in/${saved.id}`, { replace: true, state: { saved: true } });
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: FIELDS })) setError(errorText(t, e));
    }
  });

  const firstOwner = owners[0];
  const tenantCell = ({ children }: { children: React.ReactNode }) => <Third>{children}</Third>;

  return (
    <FormShell onSubmit={save} error={error} testId="moving-in-form" dirty={formState.isDirty}>
      <Card title={t('moveinLists.movingIn.form.sectionUnit')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Half>
            <Field
              control={control}
              name="unitId"
              label={t('moveinLists.unit')}
              required
              extra={unit ? t('moveinLists.movingIn.form.unitInfo', { use: t(`enum.use.${unit.use}`), state: unit.state ? t(`enum.state.${unit.state}`) : '—', owners: unit.ownerNames ?? '—' }) : t('moveinLists.movingIn.form.unitHint')}
            >
              {(field, p) => (
                <UnitPicker
                  id={p.id}
                  testId={p['data-testid']}
                  autoFocus={!presetUnit}
                  value={field.value ?? undefined}
                  onChange={(v) => {
                    field.onChange(v ?? null);
                    setValue('personId', null, dirty);
                    setValue('ownerConfirmation.contactName', '', dirty);
                    setValue('ownerConfirmation.contactPhone', '', dirty);
                    setOwnerPhoneFor(null);
                  }}
                  onBlur={field.onBlur}
                />
              )}
            </Field>
          </Half>
          <Col xs={24} md={6}>
            <Field control={control} name="occupant" label={t('moveinLists.movingIn.occupant')} required>
              {(field, p) => (
                <ButtonChoice
                  field={field}
                  props={p}
                  solid
                  onPicked={(v) => {
                    setValue('personId', null, dirty);
                    if (v === 'tenant' && firstOwner && !getValues('ownerConfirmation.contactName')) {
                      setValue('ownerConfirmation.contactName', firstOwner.personName, dirty);
                      setOwnerPhoneFor(firstOwner.personId);
                    }
                  }}
                  options={OCCUPANTS.map((o) => ({ value: o, label: <span data-testid={`occupant-${o}`}>{t(`movein.occupant.${o}`)}</span> }))}
                />
              )}
            </Field>
          </Col>
          <Col xs={24} md={6}>
            <Field control={control} name="date" label={t('moveinLists.movingIn.date')} required>
              {(field, p) => <DateInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} disabledFuture />}
            </Field>
          </Col>
        </Row>
        {occupant === 'owner' ? (
          <Row gutter={16}>
            <Half>
              <Field control={control} name="personId" label={t('moveinLists.movingIn.form.owner')} required extra={unitId && !owners.length && unit ? t('moveinLists.movingIn.form.noOwners') : t('moveinLists.movingIn.form.ownerHint')}>
                {(field, p) => (
                  <Select
                    {...p}
                    value={field.value ?? undefined}
                    onChange={(v: string) => field.onChange(v)}
                    onBlur={field.onBlur}
                    placeholder={t('common.choose')}
                    options={owners.map((o) => ({ value: o.personId, label: <span data-testid="owner-option">{`${o.personName}${o.phoneMasked ? ` · ${o.phoneMasked}` : ''}`}</span> }))}
                  />
                )}
              </Field>
            </Half>
          </Row>
        ) : null}
      </Card>

      {occupant === 'tenant' ? (
        <>
          <Card title={t('moveinLists.movingIn.form.sectionTenant')} size="small" style={{ marginBottom: 16 }} data-testid="tenant-section">
            <Field control={control} name="tenantMode">
              {(field, p) => (
                <Radio.Group
                  id={p.id}
                  data-testid={p['data-testid']}
                  value={field.value}
                  onChange={(e) => {
                    field.onChange(e.target.value);
                    setValue('personId', null, dirty);
                  }}
                  options={[
                    { value: 'new', label: <span data-testid="tenant-new">{t('moveinLists.movingIn.form.tenantNew')}</span> },
                    { value: 'pick', label: <span data-testid="tenant-pick">{t('moveinLists.movingIn.form.tenantPick')}</span> },
                  ]}
                />
              )}
            </Field>
            {tenantMode === 'pick' ? (
              <Row gutter={16}>
                <Half>
                  <Field control={control} name="personId" label={t('moveinLists.movingIn.form.tenantPerson')} required>
                    {(field, p) => <PersonSearch id={p.id} testId={p['data-testid']} value={field.value} onChange={(v) => field.onChange(v)} />}
                  </Field>
                </Half>
              </Row>
            ) : (
              <Row gutter={16}>
                <Third>
                  <Field control={control} name="tenant.name" label={t('person.name')} required max={100}>
                    {(field, p) => <Input {...field} {...p} />}
                  </Field>
                </Third>
                <Third>
                  <Field control={control} name="tenant.phone" label={t('person.phone')} max={30}>
                    {(field, p) => <Input {...field} {...p} inputMode="tel" placeholder="138 0000 0000" />}
                  </Field>
                </Third>
                <Third>
                  <Field control={control} name="tenant.birthday" label={t('person.birthday')}>
                    {(field, p) => <DateInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} disabledFuture />}
                  </Field>
                </Third>
                <IdDocumentFields
                  control={control}
                  typeName="tenant.idType"
                  numberName="tenant.idNumber"
                  Cell={tenantCell}
                  onNumberTyped={(s) => {
                    if (s.trim() && !getValues('tenant.idType')) setValue('tenant.idType', 'resident_id', dirty);
                  }}
                />
                <Third>
                  <Field control={control} name="tenant.phone2" label={t('person.phone2')} max={30}>
                    {(field, p) => <Input {...field} {...p} inputMode="tel" />}
                  </Field>
                </Third>
                <Third>
                  <Field control={control} name="tenant.emergencyName" label={t('person.emergencyName')} max={50}>
                    {(field, p) => <Input {...field} {...p} />}
                  </Field>
                </Third>
                <Third>
                  <Field control={control} name="tenant.emergencyPhone" label={t('person.emergencyPhone')} max={30}>
                    {(field, p) => <Input {...field} {...p} inputMode="tel" />}
                  </Field>
                </Third>
                <Third>
                  <Field control={control} name="tenant.note" label={t('common.note')} max={500}>
                    {(field, p) => <Input {...field} {...p} />}
                  </Field>
                </Third>
              </Row>
            )}
          </Card>

          <Card title={t('moveinLists.movingIn.form.sectionConfirmation')} size="small" style={{ marginBottom: 16, borderColor: '#ffd591' }} data-testid="confirmation-section">
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('moveinLists.movingIn.form.confirmationHint')} />
            <Row gutter={16}>
              <Third>
                <Field control={control} name="ownerConfirmation.contactName" label={t('moveinLists.movingIn.form.contactName')} required max={30}>
                  {(field, p) =>
                    owners.length ? (
                      <Select
                        {...p}
                        value={field.value || undefined}
                        onChange={(v: string) => {
                          const o = owners.find((x) => x.personName === v);
                          field.onChange(v);
                          setOwnerPhoneFor(o?.personId ?? null);
                        }}
                        options={owners.map((o) => ({ value: o.personName, label: `${o.personName}${o.phoneMasked ? ` · ${o.phoneMasked}` : ''}` }))}
                      />
                    ) : (
                      <Input {...field} {...p} />
                    )
                  }
                </Field>
              </Third>
              <Third>
                <Field
                  control={control}
                  name="ownerConfirmation.contactPhone"
                  label={t('moveinLists.movingIn.form.contactPhone')}
                  required
                  max={30}
                  extra={
                    ownerPhoneFor && can('pii.reveal') ? (
                      <Button size="small" type="link" style={{ padding: 0 }} onClick={() => void fillOwnerPhone(ownerPhoneFor)} data-testid="confirmation-fill-phone">
                        {t('slip.call.useOnFile')}
                      </Button>
                    ) : undefined
                  }
                >
                  {(field, p) => <Input {...field} {...p} inputMode="tel" placeholder="138 0000 0000" />}
                </Field>
              </Third>
              <Third>
                <Field control={control} name="ownerConfirmation.calledAt" label={t('moveinLists.movingIn.form.calledAt')} required>
                  {(field, p) => (
                    <DatePicker
                      id={p.id}
                      data-testid={p['data-testid']}
                      showTime={{ format: 'HH:mm' }}
                      format="YYYY-MM-DD HH:mm"
                      allowClear={false}
                      style={{ width: '100%' }}
                      value={field.value ? dayjs(field.value) : null}
                      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                      onChange={(v) => field.onChange(v ? v.format() : '')}
                      onBlur={field.onBlur}
                    />
                  )}
                </Field>
              </Third>
              <Third>
                <Field control={control} name="ownerConfirmation.answer" label={t('moveinLists.movingIn.form.answer')} required>
                  {(field, p) => <ButtonChoice field={field} props={p} options={OWNER_ANSWERS.map((a) => ({ value: a, label: <span data-testid={`answer-${a}`}>{t(`movein.ownerAnswer.${a}`)}</span> }))} />}
                </Field>
              </Third>
              <Col xs={24} md={16}>
                <Field control={control} name="ownerConfirmation.note" label={t('common.note')} max={200}>
                  {(field, p) => <Input {...field} {...p} />}
                </Field>
              </Col>
            </Row>
          </Card>

          <Card title={t('moveinLists.movingIn.form.sectionLease')} size="small" style={{ marginBottom: 16 }} data-testid="lease-section">
            <Row gutter={16}>
              <Third>
                <Field control={control} name="leaseFrom" label={t('moveinLists.movingIn.form.leaseFrom')} required>
                  {(field, p) => <DateInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
                </Field>
              </Third>
              <Third>
                <Field control={control} name="leaseTo" label={t('moveinLists.movingIn.form.leaseTo')} required>
                  {(field, p) => <DateInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
                </Field>
              </Third>
              <Third>
                <Field control={control} name="pledgeSigned" label={t('moveinLists.movingIn.page.pledge')} required extra={t('moveinLists.movingIn.form.pledgeHint')}>
                  {(field, p) => (
                    <Checkbox id={p.id} data-testid={p['data-testid']} checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)}>
                      {t('moveinLists.movingIn.form.pledge')}
                    </Checkbox>
                  )}
                </Field>
              </Third>
            </Row>
          </Card>
        </>
      ) : null}

      <Card size="small" style={{ marginBottom: 16 }}>
        <Field control={control} name="note" label={t('common.note')} max={200}>
          {(field, p) => <Input {...field} {...p} />}
        </Field>
      </Card>

      <NewRecordFoot cancelTo={presetUnit ? `/units/${presetUnit}` : '/moving-in'} submitting={formState.isSubmitting} submitText={t('moveinLists.movingIn.form.create')} testId="moving-in-save" />
    </FormShell>
  );
}

/** `/moving-in/new` (or `?unitId=` from a unit or a handed-over move-in): an owner or a tenant moves in. */
export default function MovingInFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const unitId = params.get('unitId');
  return (
    <div data-testid="moving-in-form-page" style={{ maxWidth: 1000 }}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/moving-in">{t('moveinLists.movingIn.title')}</Link> }, { title: t('moveinLists.movingIn.new') }]} />
      <PageHeader title={t('moveinLists.movingIn.new')} sub={t('moveinLists.movingIn.newSub')} />
      <MovingInForm key={unitId ?? ''} unitId={unitId} />
    </div>
  );
}
