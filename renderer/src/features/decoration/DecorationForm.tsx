import { useRef, useState } from 'react';
import { Breadcrumb, Card, Checkbox, Col, Input, Row, Switch } from 'antd';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Relation } from '../../../../shared/master/enums';
import type { LinkView } from '../../../../shared/master/schema';
import { APPLICANT_KINDS, GOV_FLAGS, type ApplicantKind } from '../../../../shared/workflows/decoration/rules';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { DraftNote, useSessionDraft } from '../../components/draft';
import { NewRecordFoot } from '../../components/form-actions';
import { PageHeader, useNotifyError } from '../../components/feedback';
import { ButtonChoice, DateInput, Field, FormShell } from '../../components/form';
import { todayIso } from '../../components/format';
import { NumberInput } from '../../components/number-input';
import { useCan } from '../../components/permissions';
import { UnitPersonName, useUnitPeople } from '../../components/unit-person-name';
import { useUnitDetail } from '../../components/use-unit-detail';
import { UnitPicker } from '../slips/common';
import { APPLICATION_FIELDS, ApplicationFormSchema, toApplication, type ApplicationValues } from './schemas';

type Output = z.output<typeof ApplicationFormSchema>;

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

/** The applicant kind a person on the unit most likely applies as. */
const KIND_OF: Record<Relation, ApplicantKind> = { owner: 'owner', co_owner: 'owner', family: 'agent', tenant: 'tenant', company: 'company_tenant' };

/**
 * The application (装修申请, procedure 二 step 1): the unit, who applies and as what (the owner, someone the
 * owner authorised, a tenant or a company tenant — picked from the unit's people or typed), the contractor or
 * self-decoration, the work, and the work needing a government approval. Created in one call, then the permit's page.
 */
export function DecorationForm({ unitId: presetUnit }: { unitId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const notify = useNotifyError();
  const [error, setError] = useState<string | null>(null);
  const pickedName = useRef<string | null>(null);
  const form = useForm<ApplicationValues, unknown, Output>({
    resolver: zodResolver(ApplicationFormSchema),
    defaultValues: {
      unitId: presetUnit,
      applicant: { kind: 'owner', personId: null, name: '', phone: '' },
      contractor: { self: false, company: '', managerName: '', managerPhone: '', managerIdNumber: '' },
      workFrom: todayIso(),
      workTo: null,
      workers: null,
      description: '',
      govFlags: [],
    },
  });
  const { control, handleSubmit, setValue, getValues, formState, setError: setFieldError, clearErrors } = form;
  const draft = useSessionDraft(`decoration.new${presetUnit ? `.${presetUnit}` : ''}`, form, formState.isDirty);
  if (draft.restored && pickedName.current === null && draft.restored.applicant?.personId) pickedName.current = draft.restored.applicant.name ?? null;
  const unitId = useWatch({ control, name: 'unitId' });
  const self = useWatch({ control, name: 'contractor.self' });
  const unit = useUnitDetail(unitId);
  const dirty = { shouldDirty: true, shouldValidate: formState.isSubmitted } as const;

  const people = useUnitPeople(unit);

  /** The phone on file of the person picked, in clear for the application (a logged reveal). */
  const revealPhone = async (personId: string) => {
    if (!can('pii.reveal')) return;
    try {
      const r = await invoke('people.reveal', { id: personId, field: 'phone' });
      if (getValues('applicant.personId') === personId && r.value) setValue('applicant.phone', r.value, dirty);
    } catch (e) {
      notify(e);
    }
  };

  const pickApplicant = (link: LinkView) => {
    setValue('applicant.personId', link.personId, dirty);
    setValue('applicant.name', link.personName, dirty);
    setValue('applicant.kind', KIND_OF[link.relation], dirty);
    pickedName.current = link.personName;
    setValue('applicant.phone', '', dirty);
    if (link.phoneMasked) void revealPhone(link.personId);
  };

  const save = handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = await invoke('decoration.create', toApplication(values));
      draft.clear();
      navigate(`/decoration/${saved.id}`, { replace: true, state: { saved: true } });
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: APPLICATION_FIELDS })) setError(errorText(t, e));
    }
  });

  return (
    <FormShell onSubmit={save} error={error} testId="decoration-form" dirty={formState.isDirty} kept>
      <DraftNote draft={draft} />
      <Card title={t('decorationUi.sectionApplicant')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Half>
            <Field control={control} name="unitId" label={t('decorationUi.unit')} required extra={unit ? t('decorationUi.unitInfo', { use: t(`enum.use.${unit.use}`), owners: unit.ownerNames ?? '—' }) : t('decorationUi.unitHint')}>
              {(field, p) => (
                <UnitPicker
                  id={p.id}
                  testId={p['data-testid']}
                  autoFocus={!presetUnit}
                  value={field.value ?? undefined}
                  onChange={(v) => {
                    field.onChange(v ?? null);
                    setValue('applicant.personId', null, dirty);
                    pickedName.current = null;
                  }}
                  onBlur={field.onBlur}
                />
              )}
            </Field>
          </Half>
          <Half>
            <Field control={control} name="applicant.kind" label={t('decorationUi.applicantKind')} required>
              {(field, p) => (
                <ButtonChoice field={field} props={p} options={APPLICANT_KINDS.map((k) => ({ value: k, label: <span data-testid={`kind-${k}`}>{t(`decoration.applicantKind.${k}`)}</span> }))} />
              )}
            </Field>
          </Half>
        </Row>
        <Row gutter={16}>
          <Half>
            <Field
              control={control}
              name="applicant.name"
              label={t('decorationUi.applicantName')}
              required
              max={50}
              extra={unitId ? (people.length ? t('decorationUi.applicantPickHint') : t('decorationUi.noPeopleOnUnit')) : undefined}
            >
              {(field, p) => (
                <UnitPersonName
                  field={field}
                  props={p}
                  autoFocus={!!presetUnit}
                  people={people}
                  pickedName={pickedName}
                  personPicked={() => !!getValues('applicant.personId')}
                  onPick={pickApplicant}
                  onUnpick={() => setValue('applicant.personId', null, dirty)}
                  optionTestId="applicant-option"
                />
              )}
            </Field>
          </Half>
          <Half>
            <Field control={control} name="applicant.phone" label={t('decorationUi.applicantPhone')} required max={30}>
              {(field, p) => <Input {...field} {...p} value={field.value ?? ''} inputMode="tel" placeholder="138 0000 0000" />}
            </Field>
          </Half>
        </Row>
      </Card>

      <Card title={t('decorationUi.sectionContractor')} size="small" style={{ marginBottom: 16 }}>
        <Field control={control} name="contractor.self" extra={self ? t('decorationUi.selfHint') : undefined}>
          {(field, p) => (
            <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
              <Switch
                id={p.id}
                data-testid={p['data-testid']}
                checked={!!field.value}
                onChange={(v) => {
                  field.onChange(v);
                  if (v) clearErrors(['contractor.company', 'contractor.managerName', 'contractor.managerPhone', 'contractor.managerIdNumber']);
                }}
              />
              <label htmlFor={p.id} style={self ? { fontWeight: 600 } : undefined}>
                {t('decorationUi.self')}
              </label>
            </span>
          )}
        </Field>
        {self ? null : (
          <Row gutter={16}>
            <Half>
              <Field control={control} name="contractor.company" label={t('decorationUi.company')} required max={80}>
                {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
              </Field>
            </Half>
            <Half>
              <Field control={control} name="contractor.managerName" label={t('decorationUi.managerName')} required max={30}>
                {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
              </Field>
            </Half>
            <Half>
              <Field control={control} name="contractor.managerPhone" label={t('decorationUi.managerPhone')} required max={30} extra={t('decorationUi.managerPhoneHint')}>
                {(field, p) => <Input {...field} {...p} value={field.value ?? ''} inputMode="tel" />}
              </Field>
            </Half>
            <Half>
              <Field control={control} name="contractor.managerIdNumber" label={t('decorationUi.managerId')} max={30} extra={t('decorationUi.managerIdHint')}>
                {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
              </Field>
            </Half>
          </Row>
        )}
      </Card>

      <Card title={t('decorationUi.sectionWork')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Third>
            <Field control={control} name="workFrom" label={t('decorationUi.workFrom')} required>
              {(field, p) => <DateInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            </Field>
          </Third>
          <Third>
            <Field control={control} name="workTo" label={t('decorationUi.workTo')} required>
              {(field, p) => <DateInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            </Field>
          </Third>
          <Third>
            <Field control={control} name="workers" label={t('decorationUi.workers')} required extra={t('decorationUi.workersHint')}>
              {(field, p) => <NumberInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            </Field>
          </Third>
        </Row>
        <Field control={control} name="description" label={t('decorationUi.description')} required max={500}>
          {(field, p) => <Input.TextArea {...field} {...p} rows={3} placeholder={t('decorationUi.descriptionPlaceholder')} />}
        </Field>
        <Field control={control} name="govFlags" label={t('decorationUi.govFlags')} extra={t('decorationUi.govFlagsHint')}>
          {(field, p) => (
            <Checkbox.Group
              data-testid={p['data-testid']}
              value={field.value ?? []}
              onChange={(v) => field.onChange(v)}
              options={GOV_FLAGS.map((f) => ({ value: f, label: <span data-testid={`gov-${f}`}>{t(`decoration.gov.${f}`)}</span> }))}
            />
          )}
        </Field>
      </Card>

      <NewRecordFoot cancelTo={presetUnit ? `/units/${presetUnit}` : '/decoration'} submitting={formState.isSubmitting} submitText={t('decorationUi.create')} testId="decoration-save" />
    </FormShell>
  );
}

/** `/decoration/new` (or `?unitId=` from the unit page): a new application at the counter. */
export default function DecorationFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const unitId = params.get('unitId');
  return (
    <div data-testid="decoration-form-page" style={{ maxWidth: 1000 }}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/decoration">{t('decorationUi.title')}</Link> }, { title: t('decorationUi.new') }]} />
      <PageHeader title={t('decorationUi.new')} sub={t('decorationUi.newSub')} />
      <DecorationForm key={unitId ?? ''} unitId={unitId} />
    </div>
  );
}
