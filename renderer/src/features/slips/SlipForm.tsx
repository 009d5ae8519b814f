import { useEffect, useMemo, useRef, useState } from 'react';
import { NumberInput } from '../../components/number-input';
import { Alert, AutoComplete, Breadcrumb, Button, Card, Checkbox, Col, Input, Radio, Result, Row, Select, Space, Spin, Tag, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined, SafetyCertificateOutlined, SendOutlined, SaveOutlined } from '@ant-design/icons';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { maskIdNumber, maskPhone } from '../../../../shared/master/id-number';
import { CARRIER_TYPES, SLIP_NATURES, verifyContactFor, type CarrierType } from '../../../../shared/workflows/slips/rules';
import type { LinkView } from '../../../../shared/master/schema';
import type { Relation } from '../../../../shared/master/enums';
import { MAX_SLIP_ITEMS, SlipDraftSchema, type SlipDetail } from '../../../../shared/workflows/slips/schema';
import { applyFieldErrors, errorText, invoke, isApiError, translateMessage } from '../../api';
import { useUnitDetail } from '../../components/use-unit-detail';
import { useNotifyError, PageHeader } from '../../components/feedback';
import { DraftNote, useSessionDraft } from '../../components/draft';
import { Field, FormShell, PROBLEM_ATTR } from '../../components/form';
import { IdDocumentFields } from '../../components/id-fields';
import { useCan } from '../../components/permissions';
import { RelationTag } from '../../components/tags';
import { useUiStore } from '../../stores/use-ui-store';
import { UnitPicker, unitsOfCount } from './common';

type DraftValues = z.input<typeof SlipDraftSchema>;
type DraftOutput = z.output<typeof SlipDraftSchema>;

const emptyItem = (language: string): DraftValues['items'][number] => ({ name: '', quantity: 1, unitOfCount: unitsOfCount(language)[0], remark: '' });

/** Which carrier type a person linked to the unit is, by their relation. Companies do not carry things. */
const CARRIER_OF: Partial<Record<Relation, CarrierType>> = { owner: 'owner', co_owner: 'owner', family: 'family', tenant: 'tenant' };
const OWNER_RELATIONS: Relation[] = ['owner', 'co_owner', 'company'];

const STATIC_FIELDS = [
  'unitId',
  'nature',
  'reason',
  'tenantMoveOut',
  'meterReadings',
  'meterReadings.water',
  'meterReadings.electricity',
  'meterReadings.gas',
  'carrier.type',
  'carrier.personId',
  'carrier.name',
  'carrier.phone',
  'carrier.idType',
  'carrier.idNumber',
  'items',
];

const Half = ({ children }: { children: React.ReactNode }) => (
  <Col xs={24} md={12}>
    {children}
  </Col>
);

function SlipForm({ slip, presetUnitId, revealed }: { slip?: SlipDetail; presetUnitId?: string; revealed?: { phone: string | null; idNumber: string | null } }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const notify = useNotifyError();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const pickedName = useRef<string | null>(slip?.carrierPersonId ? slip.carrierName : null);

  const form = useForm<DraftValues, unknown, DraftOutput>({
    resolver: zodResolver(SlipDraftSchema),
    defaultValues: slip
      ? {
          unitId: slip.unitId,
          nature: slip.nature,
          reason: slip.reason,
          carrier: {
            type: slip.carrierType,
            personId: slip.carrierPersonId,
            name: slip.carrierName,
            phone: revealed?.phone ?? '',
            idType: slip.carrierIdType,
            idNumber: revealed?.idNumber ?? '',
          },
          items: slip.items.map((i) => ({ name: i.name, quantity: i.quantity, unitOfCount: i.unitOfCount, remark: i.remark ?? '' })),
          tenantMoveOut: slip.tenantMoveOut,
          meterReadings: slip.meterReadings,
        }
      : {
          // Left undefined when not chosen, so the schema answers "required" rather than "invalid".
          unitId: presetUnitId ?? (undefined as unknown as string),
          nature: 'temporary',
          reason: '',
          carrier: { type: 'owner', personId: null, name: '', phone: '', idType: null, idNumber: '' },
          items: [emptyItem(i18n.language)],
          tenantMoveOut: false,
          meterReadings: null,
        },
  });
  const { control, handleSubmit, setError: setFieldError, setValue, watch, getValues, formState, clearErrors } = form;
  // A slip is long and typed while the carrier waits: what was typed survives leaving the page, until submit or discard.
  const draft = useSessionDraft(slip ? `slip.edit.${slip.id}` : 'slip.new', form, formState.isDirty);
  if (draft.restored && pickedName.current === null && draft.restored.carrier.personId) pickedName.current = draft.restored.carrier.name;
  const items = useFieldArray({ control, name: 'items' });
  const unitId = watch('unitId');
  const nature = watch('nature');
  const tenantMoveOut = watch('tenantMoveOut');
  const carrierType = watch('carrier.type');
  const personId = watch('carrier.personId');

  // The unit's people: the carrier can be picked from them; they tell whether the carrier is the owner in person.
  const unit = useUnitDetail(unitId);

  const people = useMemo(() => (unit?.links ?? []).filter((l) => l.active && l.personKind === 'person' && CARRIER_OF[l.relation]), [unit]);
  const hasTenant = (unit?.links ?? []).some((l) => l.active && l.relation === 'tenant');
  const picked: LinkView | undefined = people.find((l) => l.personId === personId);
  const ownerInPerson = carrierType === 'owner' && !!personId && (unit?.links ?? []).some((l) => l.active && l.personId === personId && OWNER_RELATIONS.includes(l.relation));

  const pickPerson = async (link: LinkView | undefined) => {
    if (!link) {
      setValue('carrier.personId', null);
      pickedName.current = null;
      return;
    }
    setValue('carrier.personId', link.personId);
    setValue('carrier.name', link.personName, { shouldValidate: formState.isSubmitted });
    pickedName.current = link.personName;
    const type = CARRIER_OF[link.relation];
    if (type) setValue('carrier.type', type);
    setValue('carrier.phone', '');
    // The phone on file, in clear for the slip (a logged reveal, like editing a person).
    if (link.phoneMasked && can('pii.reveal')) {
      try {
        const r = await invoke('people.reveal', { id: link.personId, field: 'phone' });
        if (getValues('carrier.personId') === link.personId) setValue('carrier.phone', r.value ?? '', { shouldValidate: formState.isSubmitted });
      } catch (e) {
        notify(e);
      }
    }
  };

  const save = (andSubmit: boolean) =>
    handleSubmit(async (values) => {
      setError(null);
      setBusy(andSubmit ? 'submit' : 'draft');
      let saved: SlipDetail | null = null;
      try {
        saved = slip ? await invoke('slips.update', { id: slip.id, draft: values }) : await invoke('slips.create', values);
        draft.clear();
        if (andSubmit) saved = await invoke('slips.submit', { id: saved.id });
        // The next step is on the slip's page: submit the draft for verification, or the first step of a submitted slip.
        useUiStore.getState().requestFocus({
          path: `/slips/${saved.id}`,
          selector: andSubmit ? '#main-content [data-testid="slip-page"] .ant-btn-primary:not(:disabled)' : '#main-content [data-testid="slip-submit"]',
        });
        navigate(`/slips/${saved.id}`, { replace: !slip, state: { saved: andSubmit ? 'submitted' : 'draft' } });
      } catch (e) {
        if (saved) {
          // Saved, but the submit failed: the draft is safe; show it with the reason, focus on submitting again.
          notify(e);
          useUiStore.getState().requestFocus({ path: `/slips/${saved.id}`, selector: '#main-content [data-testid="slip-submit"]' });
          navigate(`/slips/${saved.id}`, { replace: !slip });
          return;
        }
        const fields = [...STATIC_FIELDS, ...getValues('items').flatMap((_, i) => [`items.${i}`, `items.${i}.name`, `items.${i}.quantity`, `items.${i}.unitOfCount`, `items.${i}.remark`])];
        if (!applyFieldErrors(e, setFieldError, { fields, prefix: slip ? 'draft.' : undefined })) setError(errorText(t, e));
      } finally {
        setBusy(null);
      }
    });

  const itemsError = formState.errors.items?.message ?? formState.errors.items?.root?.message;
  const full = items.fields.length >= MAX_SLIP_ITEMS;

  return (
    <FormShell onAction={(action) => save(action === 'submit')()} error={error} testId="slip-form" dirty={formState.isDirty} kept>
      <DraftNote draft={draft} />
      <Card title={t('slip.sectionSlip')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Half>
            <Field control={control} name="unitId" label={t('slip.unit')} required extra={unit?.ownerNames ? t('slip.unitOwners', { names: unit.ownerNames }) : t('slip.unitHint')}>
              {(field, p) => (
                <UnitPicker
                  id={p.id}
                  testId={p['data-testid']}
                  autoFocus={!slip && !presetUnitId}
                  value={field.value || undefined}
                  onChange={(v) => {
                    field.onChange(v ?? undefined);
                    setValue('carrier.personId', null);
                    pickedName.current = null;
                  }}
                  onBlur={field.onBlur}
                />
              )}
            </Field>
          </Half>
          <Half>
            <Field control={control} name="nature" label={t('slip.nature')} required>
              {(field, p) => (
                <Radio.Group
                  id={p.id}
                  data-testid={p['data-testid']}
                  optionType="button"
                  buttonStyle="solid"
                  value={field.value}
                  onChange={(e) => {
                    field.onChange(e.target.value);
                    if (e.target.value !== 'moving_out') {
                      setValue('tenantMoveOut', false);
                      setValue('meterReadings', null);
                      clearErrors(['tenantMoveOut', 'meterReadings']);
                    }
                  }}
                  options={SLIP_NATURES.map((n) => ({ value: n, label: <span data-testid={`nature-${n}`}>{t(`enum.slipNature.${n}`)}</span> }))}
                />
              )}
            </Field>
          </Half>
        </Row>
        {nature === 'moving_out' ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('slip.movingOutHint')} data-testid="moving-out-hint" />
        ) : null}
        {nature === 'moving_out' ? (
          <Field control={control} name="tenantMoveOut" extra={unit && !hasTenant ? t('slip.noTenantHint') : t('slip.tenantMoveOutHint')}>
            {(field, p) => (
              <Checkbox
                id={p.id}
                data-testid={p['data-testid']}
                checked={!!field.value}
                disabled={!!unit && !hasTenant && !field.value}
                onChange={(e) => {
                  field.onChange(e.target.checked);
                  setValue('meterReadings', e.target.checked ? { water: null as unknown as number, electricity: null as unknown as number, gas: null } : null);
                  if (e.target.checked && getValues('carrier.type') === 'owner' && !getValues('carrier.personId')) setValue('carrier.type', 'tenant');
                }}
              >
                {t('slip.tenantMoveOut')}
              </Checkbox>
            )}
          </Field>
        ) : null}
        {nature === 'moving_out' && tenantMoveOut ? (
          <div data-testid="meter-readings" style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 12px 0', marginBottom: 16 }}>
            <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('slip.meterReadings')}</div>
            <Row gutter={16}>
              {(['water', 'electricity', 'gas'] as const).map((m) => (
                <Col xs={24} sm={8} key={m}>
                  <Field control={control} name={`meterReadings.${m}`} label={t(`slip.meter.${m}`)} required={m !== 'gas'}>
                    {(field, p) => (
                      <NumberInput {...p} value={field.value as number | null | undefined} onChange={field.onChange} onBlur={field.onBlur} />
                    )}
                  </Field>
                </Col>
              ))}
            </Row>
          </div>
        ) : null}
        <Field control={control} name="reason" label={t('slip.reason')} required max={200}>
          {(field, p) => <Input {...field} {...p} placeholder={t('slip.reasonPlaceholder')} />}
        </Field>
      </Card>

      <Card title={t('slip.sectionCarrier')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Half>
            <Field control={control} name="carrier.personId" label={t('slip.pickPerson')} extra={t('slip.pickPersonHint')}>
              {(field, p) => (
                <Select
                  id={p.id}
                  data-testid={p['data-testid']}
                  allowClear
                  disabled={!unitId}
                  value={field.value ?? undefined}
                  placeholder={unitId ? (people.length ? t('slip.pickPersonPlaceholder') : t('slip.noPeopleOnUnit')) : t('slip.pickUnitFirst')}
                  onChange={(v: string | undefined) => void pickPerson(people.find((l) => l.personId === v))}
                  options={people.map((l) => ({
                    value: l.personId,
                    label: (
                      <span data-testid="carrier-option" style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                        <RelationTag relation={l.relation} />
                        {l.personName}
                        {l.phoneMasked ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{l.phoneMasked}</span> : null}
                      </span>
                    ),
                  }))}
                />
              )}
            </Field>
          </Half>
          <Half>
            <Field control={control} name="carrier.type" label={t('slip.carrierType')} required>
              {(field, p) => (
                <Select {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} options={CARRIER_TYPES.map((c) => ({ value: c, label: t(`enum.carrierType.${c}`) }))} />
              )}
            </Field>
          </Half>
        </Row>
        <div style={{ marginTop: -8, marginBottom: 16 }} data-testid="verify-hint">
          {ownerInPerson ? (
            <Tag color="green" icon={<SafetyCertificateOutlined />} data-testid="owner-in-person">
              {t('slip.ownerInPerson')}
            </Tag>
          ) : (
            <span style={{ color: 'rgba(0,0,0,0.55)' }}>{t('slip.willVerify', { contact: t(`enum.verifyContact.${verifyContactFor(carrierType)}`) })}</span>
          )}
          {picked ? <span style={{ marginLeft: 8, color: 'rgba(0,0,0,0.45)' }}>{t('slip.linkedPerson', { name: picked.personName })}</span> : null}
        </div>
        <Row gutter={16}>
          <Half>
            <Field control={control} name="carrier.name" label={t('slip.carrierName')} required max={50}>
              {(field, p) => (
                <Input
                  {...field}
                  {...p}
                  onChange={(e) => {
                    field.onChange(e.target.value);
                    // Typing another name means another person: no longer the one picked.
                    if (getValues('carrier.personId') && e.target.value.trim() !== pickedName.current) {
                      setValue('carrier.personId', null);
                      pickedName.current = null;
                    }
                  }}
                />
              )}
            </Field>
          </Half>
          <Half>
            <Field control={control} name="carrier.phone" label={t('slip.carrierPhone')} max={30}>
              {(field, p) => <Input {...field} {...p} value={field.value ?? ''} inputMode="tel" placeholder="138 0000 0000" />}
            </Field>
          </Half>
          <IdDocumentFields
            control={control}
            typeName="carrier.idType"
            numberName="carrier.idNumber"
            numberExtra={t('slip.idMaskedHint')}
            Cell={Half}
            onNumberTyped={(v) => {
              if (v.trim() && !getValues('carrier.idType')) setValue('carrier.idType', 'resident_id');
            }}
          />
        </Row>
      </Card>

      <Card
        title={t('slip.sectionItems')}
        size="small"
        style={{ marginBottom: 16 }}
        extra={<span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('slip.itemsCount', { count: items.fields.length, max: MAX_SLIP_ITEMS })}</span>}
      >
        <div style={{ color: 'rgba(0,0,0,0.55)', marginBottom: 12 }}>{t('slip.itemsHint')}</div>
        {items.fields.map((row, i) => (
          <Row gutter={8} key={row.id} data-testid="slip-item" align="top">
            <Col flex="24px" style={{ paddingTop: i === 0 ? 36 : 6, color: 'rgba(0,0,0,0.45)', textAlign: 'right' }}>
              {i + 1}
            </Col>
            <Col flex="3">
              <Field control={control} name={`items.${i}.name`} label={i === 0 ? t('slip.itemName') : undefined} required={i === 0} max={40}>
                {(field, p) => <Input {...field} {...p} placeholder={t('slip.itemNamePlaceholder')} autoFocus={i > 0 && i === items.fields.length - 1 && !field.value} />}
              </Field>
            </Col>
            <Col flex="96px">
              <Field control={control} name={`items.${i}.quantity`} label={i === 0 ? t('slip.quantity') : undefined} required={i === 0}>
                {(field, p) => (
                  <NumberInput {...p} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />
                )}
              </Field>
            </Col>
            <Col flex="96px">
              <Field control={control} name={`items.${i}.unitOfCount`} label={i === 0 ? t('slip.unitOfCount') : undefined} required={i === 0} max={6}>
                {(field, p) => (
                  <AutoComplete
                    id={p.id}
                    data-testid={p['data-testid']}
                    value={field.value}
                    onChange={(v: string) => field.onChange(v ?? '')}
                    onBlur={field.onBlur}
                    options={unitsOfCount(i18n.language).map((u) => ({ value: u }))}
                  />
                )}
              </Field>
            </Col>
            <Col flex="2">
              <Field control={control} name={`items.${i}.remark`} label={i === 0 ? t('slip.itemRemark') : undefined} max={40}>
                {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
              </Field>
            </Col>
            <Col flex="32px" style={{ paddingTop: i === 0 ? 30 : 0 }}>
              <Tooltip title={t('slip.removeItem')}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={items.fields.length <= 1}
                  onClick={() => items.remove(i)}
                  aria-label={t('slip.removeItem')}
                  data-testid={`slip-remove-item-${i}`}
                />
              </Tooltip>
            </Col>
          </Row>
        ))}
        {itemsError ? (
          <div style={{ color: '#ff4d4f', marginBottom: 8 }} data-testid="error-items" {...{ [PROBLEM_ATTR]: '' }}>
            {translateMessage(t, itemsError)}
          </div>
        ) : null}
        <Space align="center" wrap>
          <Button icon={<PlusOutlined />} onClick={() => items.append(emptyItem(i18n.language), { shouldFocus: false })} disabled={full} data-testid="slip-add-item">
            {t('slip.addItem')}
          </Button>
          {full ? (
            <span style={{ color: '#d46b08' }} data-testid="items-full">
              {t('slip.itemsFull', { max: MAX_SLIP_ITEMS })}
            </span>
          ) : null}
        </Space>
      </Card>

      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, flexWrap: 'wrap' }}>
        <Button onClick={() => (slip ? navigate(`/slips/${slip.id}`) : navigate(-1))} disabled={busy !== null} data-testid="form-cancel">
          {t('common.cancel')}
        </Button>
        <Tooltip title={t('shortcut.submit')}>
          <Button htmlType="submit" icon={<SaveOutlined />} loading={busy === 'draft'} disabled={busy === 'submit'} data-testid="slip-save-draft">
            {t('slip.saveDraft')}
          </Button>
        </Tooltip>
        {/* The same validation, then submits for verification (or straight to ready for the owner in person). Enter and Ctrl+Enter save the draft: the first submit button. */}
        <Button type="primary" htmlType="submit" data-action="submit" icon={<SendOutlined />} loading={busy === 'submit'} disabled={busy === 'draft'} data-testid="slip-save-submit">
          {ownerInPerson ? t('slip.saveAndSubmitOwner') : t('slip.saveAndSubmit')}
        </Button>
      </div>
    </FormShell>
  );
}

/** `/slips/new` (optionally `?unit=<id>`) and `/slips/:id/edit` while the slip is a draft. */
export default function SlipFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [state, setState] = useState<{ slip: SlipDetail; revealed: { phone: string | null; idNumber: string | null }; missing: string[] } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    if (!id) return;
    let alive = true;
    (async () => {
      const slip = await invoke('slips.get', { id });
      // The phone and ID number are stored masked for display; when the carrier is a person on file whose
      // number matches, the clear value is revealed (logged) so that saving keeps it.
      const revealed: { phone: string | null; idNumber: string | null } = { phone: null, idNumber: null };
      const missing: string[] = [];
      if (slip.carrierPersonId && can('pii.reveal')) {
        if (slip.carrierPhoneMasked) {
          const r = await invoke('people.reveal', { id: slip.carrierPersonId, field: 'phone' }).catch(() => ({ value: null }));
          if (r.value && maskPhone(r.value) === slip.carrierPhoneMasked) revealed.phone = r.value;
        }
        if (slip.carrierIdMasked) {
          const r = await invoke('people.reveal', { id: slip.carrierPersonId, field: 'idNumber' }).catch(() => ({ value: null }));
          if (r.value && maskIdNumber(r.value.toUpperCase()) === slip.carrierIdMasked) revealed.idNumber = r.value.toUpperCase();
        }
      }
      if (slip.carrierPhoneMasked && !revealed.phone) missing.push(`${t('slip.carrierPhone')} ${slip.carrierPhoneMasked}`);
      if (slip.carrierIdMasked && !revealed.idNumber) missing.push(`${t('person.idNumber')} ${slip.carrierIdMasked}`);
      if (alive) setState({ slip, revealed, missing });
    })().catch((e: unknown) => {
      if (alive) setLoadError(e);
    });
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  if (id && loadError) {
    return (
      <Result
        status={isApiError(loadError) && loadError.code === 'NOT_FOUND' ? '404' : 'error'}
        title={isApiError(loadError) && loadError.code === 'NOT_FOUND' ? t('slip.notFound') : errorText(t, loadError)}
        extra={<Button onClick={() => navigate('/slips')}>{t('slip.backToList')}</Button>}
      />
    );
  }
  if (id && !state) {
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  if (state && state.slip.state !== 'draft') {
    return (
      <Result
        status="warning"
        title={t('slip.why.not.edit')}
        extra={
          <Button type="primary" onClick={() => navigate(`/slips/${state.slip.id}`)}>
            {t('slip.open')}
          </Button>
        }
      />
    );
  }
  const slip = state?.slip;
  return (
    <div data-testid="slip-form-page" style={{ maxWidth: 1000 }}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/slips">{t('nav.slips')}</Link> }, ...(slip ? [{ title: <Link to={`/slips/${slip.id}`}>{slip.number}</Link> }] : []), { title: slip ? t('common.edit') : t('slip.new') }]}
      />
      <PageHeader title={slip ? t('slip.editTitle', { number: slip.number }) : t('slip.new')} sub={slip ? undefined : t('slip.newSub')} />
      {state && state.missing.length ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('slip.editMasked', { fields: state.missing.join('、') })} data-testid="edit-masked-note" />
      ) : null}
      <SlipForm slip={slip} revealed={state?.revealed} presetUnitId={params.get('unit') ?? undefined} />
    </div>
  );
}
