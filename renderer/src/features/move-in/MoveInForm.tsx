import { useEffect, useState } from 'react';
import { Alert, Breadcrumb, Card, Checkbox, Col, Input, Row, Switch } from 'antd';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ChannelInput } from '../../../../shared/contract';
import { applyFieldErrors, invoke } from '../../api';
import { NewRecordFoot } from '../../components/form-actions';
import { PageHeader } from '../../components/feedback';
import { Field, FormShell } from '../../components/form';
import { formatArea, formatDate } from '../../components/format';
import { StateTag, RelationTag } from '../../components/tags';
import { useQuery } from '../../components/use-query';
import { useUnitDetail } from '../../components/use-unit-detail';
import { UnitPicker } from '../slips/common';
import { moveInErrorText, muted } from './common';

const OWNER_RELATIONS = new Set(['owner', 'co_owner', 'company']);
const required = { message: 'v.required' };

const FormSchema = z
  .object({
    unitId: z
      .string()
      .nullable()
      .refine((v) => !!v, required)
      .transform((v) => v!),
    ownerIds: z.array(z.string()),
    registerNew: z.boolean(),
    newOwner: z.object({ name: z.string(), phone: z.string(), idNumber: z.string() }),
  })
  .superRefine((v, ctx) => {
    if (v.registerNew) {
      if (!v.newOwner.name.trim()) ctx.addIssue({ code: 'custom', path: ['newOwner', 'name'], message: 'v.required' });
      if (!v.newOwner.phone.trim()) ctx.addIssue({ code: 'custom', path: ['newOwner', 'phone'], message: 'v.required' });
    } else if (!v.ownerIds.length) ctx.addIssue({ code: 'custom', path: ['ownerIds'], message: 'movein.v.owner' });
  });
type Values = z.input<typeof FormSchema>;
type Output = z.output<typeof FormSchema>;

const toInput = (v: Output, noticeId: string | null): ChannelInput<'moveIn.create'> => ({
  unitId: v.unitId,
  noticeId,
  ownerIds: v.registerNew ? [] : v.ownerIds,
  newOwner: v.registerNew
    ? {
        kind: 'person',
        name: v.newOwner.name.trim(),
        phone: v.newOwner.phone.trim(),
        phone2: null,
        idType: v.newOwner.idNumber.trim() ? 'resident_id' : null,
        idNumber: v.newOwner.idNumber.trim() || null,
        contactPerson: null,
        emergencyName: null,
        emergencyPhone: null,
        birthday: null,
        note: null,
      }
    : null,
});

const FIELDS = ['unitId', 'noticeId', 'ownerIds', 'newOwner.name', 'newOwner.phone', 'newOwner.idNumber', 'newOwner.idType'];

/**
 * A new move-in (入伙, procedure 一) at the counter: the unit not handed over, and its owner(s) — ticked from
 * the unit's owners on file, or one registered on the spot. From a notice (`noticeId`), the unit and the
 * notice's owner come filled in.
 */
export function MoveInForm({ unitId: presetUnit, noticeId }: { unitId: string | null; noticeId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(FormSchema),
    defaultValues: { unitId: presetUnit, ownerIds: [], registerNew: false, newOwner: { name: '', phone: '', idNumber: '' } },
  });
  const { control, handleSubmit, setValue, formState, setError: setFieldError } = form;
  const unitId = useWatch({ control, name: 'unitId' });
  const registerNew = useWatch({ control, name: 'registerNew' });
  const unit = useUnitDetail(unitId);
  const owners = (unit?.links ?? []).filter((l) => l.active && OWNER_RELATIONS.has(l.relation));
  const dirty = { shouldDirty: true, shouldValidate: formState.isSubmitted } as const;
  const handedOver = !!unit && unit.state !== null && unit.state !== 'not_handed_over';

  // From a notice: its owner, ticked when on file under the same name, else registered on the spot.
  const notices = useQuery('moveIn.notices', noticeId && unit && unit.id === presetUnit ? { waiting: true, search: unit.code, limit: 50, offset: 0 } : null);
  const notice = notices.data?.rows.find((n) => n.id === noticeId) ?? null;
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    if (!notice || !unit || prefilled) return;
    setPrefilled(true);
    const onFile = (unit.links ?? []).find((l) => l.active && OWNER_RELATIONS.has(l.relation) && l.personName === notice.ownerName);
    if (onFile) setValue('ownerIds', [onFile.personId]);
    else {
      setValue('registerNew', true);
      setValue('newOwner.name', notice.ownerName);
    }
  }, [notice, unit, prefilled, setValue]);

  const save = handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = await invoke('moveIn.create', toInput(values, notice && values.unitId === notice.unitId ? notice.id : null));
      navigate(`/move-in/${saved.id}`, { replace: true, state: { saved: true } });
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: FIELDS })) setError(e);
    }
  });

  return (
    <FormShell onSubmit={save} error={error ? moveInErrorText(t, error) : null} testId="move-in-form" dirty={formState.isDirty}>
      {notice ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="from-notice"
          title={t('moveinUi.fromNotice', { owner: notice.ownerName, date: formatDate(notice.noticeDate), batch: notice.batchName })}
        />
      ) : null}
      <Card title={t('moveinUi.sectionUnit')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Field control={control} name="unitId" label={t('moveinUi.unit')} required extra={unit ? undefined : t('moveinUi.unitHint')}>
              {(field, p) => (
                <UnitPicker
                  id={p.id}
                  testId={p['data-testid']}
                  autoFocus={!presetUnit}
                  value={field.value ?? undefined}
                  onChange={(v) => {
                    field.onChange(v ?? null);
                    setValue('ownerIds', [], dirty);
                  }}
                  onBlur={field.onBlur}
                />
              )}
            </Field>
          </Col>
          <Col xs={24} md={12}>
            {unit ? (
              <div style={{ paddingTop: 30 }} data-testid="unit-facts">
                <StateTag state={unit.state} since={unit.stateSince} /> <span style={muted}>{t(`enum.use.${unit.use}`)}</span>
                {unit.areaM2 !== null ? <span style={muted}> · {formatArea(unit.areaM2)} m²</span> : <span style={{ color: '#d46b08' }}> · {t('moveinUi.noArea')}</span>}
              </div>
            ) : null}
          </Col>
        </Row>
        {handedOver ? (
          <Alert type="warning" showIcon data-testid="unit-handed-over" title={t('movein.error.notNotHandedOver', { state: t(`enum.state.${unit.state}`) })} description={t('moveinUi.handedOverHint')} />
        ) : null}
      </Card>

      <Card title={t('moveinUi.sectionOwners')} size="small" style={{ marginBottom: 16 }}>
        {unitId && !registerNew ? (
          <Field control={control} name="ownerIds" label={t('moveinUi.ownersOnFile')} required extra={owners.length ? t('moveinUi.ownersHint') : t('moveinUi.noOwners')}>
            {(field, p) => (
              <Checkbox.Group
                data-testid={p['data-testid']}
                value={field.value ?? []}
                onChange={(v) => field.onChange(v)}
                options={owners.map((l) => ({
                  value: l.personId,
                  label: (
                    <span data-testid="owner-option" data-name={l.personName} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                      <RelationTag relation={l.relation} />
                      {l.personName}
                      {l.phoneMasked ? <span style={muted}>{l.phoneMasked}</span> : null}
                    </span>
                  ),
                }))}
              />
            )}
          </Field>
        ) : null}
        <Field control={control} name="registerNew">
          {(field, p) => (
            <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
              <Switch
                id={p.id}
                data-testid={p['data-testid']}
                checked={!!field.value}
                onChange={(v) => {
                  field.onChange(v);
                  if (v) window.setTimeout(() => document.getElementById('f-newOwner-name')?.focus(), 0);
                }}
              />
              <label htmlFor={p.id}>{t('moveinUi.registerNew')}</label>
            </span>
          )}
        </Field>
        {registerNew ? (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Field control={control} name="newOwner.name" label={t('moveinUi.ownerName')} required max={100}>
                {(field, p) => <Input {...field} {...p} />}
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field control={control} name="newOwner.phone" label={t('moveinUi.ownerPhone')} required max={30}>
                {(field, p) => <Input {...field} {...p} inputMode="tel" placeholder="138 0000 0000" />}
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field control={control} name="newOwner.idNumber" label={t('moveinUi.ownerId')} max={30} extra={t('moveinUi.ownerIdHint')}>
                {(field, p) => <Input {...field} {...p} />}
              </Field>
            </Col>
          </Row>
        ) : null}
      </Card>

      <NewRecordFoot cancelTo={presetUnit ? `/units/${presetUnit}` : '/move-in'} submitting={formState.isSubmitting} submitText={t('moveinUi.create')} testId="move-in-save" />
    </FormShell>
  );
}

/** `/move-in/new` (`?unitId=` from the unit page, `&noticeId=` from the waiting list): a move-in started at the counter. */
export default function MoveInFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const unitId = params.get('unitId');
  const noticeId = params.get('noticeId');
  return (
    <div data-testid="move-in-form-page" style={{ maxWidth: 1000 }}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/move-in">{t('moveinUi.title')}</Link> }, { title: t('moveinUi.new') }]} />
      <PageHeader title={t('moveinUi.new')} sub={t('moveinUi.newSub')} />
      <MoveInForm key={`${unitId ?? ''}.${noticeId ?? ''}`} unitId={unitId} noticeId={noticeId} />
    </div>
  );
}
