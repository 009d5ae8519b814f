import { useRef, useState } from 'react';
import { Breadcrumb, Button, Card, Checkbox, Col, Input, Radio, Row, Select, Space, Switch } from 'antd';
import { PhoneOutlined, SearchOutlined } from '@ant-design/icons';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { normalisePhone } from '../../../../shared/kernel/normalise';
import type { LinkView } from '../../../../shared/master/schema';
import type { Relation } from '../../../../shared/master/enums';
import type { RepairDetail } from '../../../../shared/workflows/repairs/schema';
import { ApiError, applyFieldErrors, errorText, invoke, isApiError } from '../../api';
import { NewRecordFoot } from '../../components/form-actions';
import { PageHeader, QueryError, useNotifyError } from '../../components/feedback';
import { useUnitDetail } from '../../components/use-unit-detail';
import { DraftNote, useSessionDraft } from '../../components/draft';
import { Field, FormShell } from '../../components/form';
import { useCan } from '../../components/permissions';
import { RelationTag } from '../../components/tags';
import { UnitPersonName, useUnitPeople } from '../../components/unit-person-name';
import { useUiStore } from '../../stores/use-ui-store';
import { UnitPicker } from '../slips/common';
import { ChargeLines, type ChargesShape } from './charges';
import { DateTimeInput, muted, nowIso, useRepairSettings } from './common';
import { intakeField, IntakeFormSchema, toIntake, type IntakeValues } from './schemas';

type Output = z.output<typeof IntakeFormSchema>;

const STATIC_FIELDS = ['unitId', 'areaCode', 'reporterPersonId', 'reporterName', 'reporterPhone', 'reportedAt', 'category', 'description', 'appointmentAt', 'urgent', 'paid', 'charges', 'priceTold'];

/** Someone on file the caller may be: a person and one of their homes (or none). */
interface Candidate {
  key: string;
  personId: string;
  personName: string;
  phoneMasked: string | null;
  unitId: string | null;
  unitCode: string | null;
  relation: Relation | null;
}

const Half = ({ children }: { children: React.ReactNode }) => (
  <Col xs={24} md={12}>
    {children}
  </Col>
);

const focusField = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

/**
 * The caller-ID box: the number on the phone's display, typed (or pasted) and Enter. The people on file with
 * that number (the whole number, or its last 4 digits) and their homes are looked up; one match fills the unit,
 * the reporter and the phone, several are offered to choose from (arrow keys, Enter).
 */
function CallerId({ onPick, onNone }: { onPick: (c: Candidate, typedPhone: string | null) => void; onNone: (typedPhone: string | null) => void }) {
  const { t } = useTranslation();
  const notify = useNotifyError();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ candidates: Candidate[]; phone: string | null } | null>(null);
  // What the lookup found, as a message key (it follows a language switch).
  const [note, setNote] = useState<{ key: string; params?: Record<string, string> } | null>(null);
  const list = useRef<HTMLDivElement>(null);

  const lookup = async () => {
    const digits = normalisePhone(text).replace(/\D/g, '');
    setFound(null);
    setNote(null);
    if (digits.length < 4) {
      setNote({ key: 'repairUi.caller.tooShort' });
      return;
    }
    const typedPhone = digits.length >= 7 ? digits : null;
    setBusy(true);
    try {
      const people = await invoke('people.list', { q: digits, limit: 10, offset: 0 });
      const details = await Promise.all(people.rows.map((p) => invoke('people.get', { id: p.id })));
      const candidates: Candidate[] = details.flatMap((p): Candidate[] => {
        const homes = p.links.filter((l) => l.active);
        if (!homes.length) return [{ key: p.id, personId: p.id, personName: p.name, phoneMasked: p.phoneMasked, unitId: null, unitCode: null, relation: null }];
        const seen = new Set<string>();
        return homes
          .filter((l) => (seen.has(l.unitId) ? false : (seen.add(l.unitId), true)))
          .map((l) => ({ key: `${p.id}:${l.unitId}`, personId: p.id, personName: p.name, phoneMasked: p.phoneMasked, unitId: l.unitId, unitCode: l.unitCode, relation: l.relation }));
      });
      if (candidates.length === 0) {
        setNote({ key: 'repairUi.caller.none' });
        onNone(typedPhone);
      } else if (candidates.length === 1) {
        setNote({ key: 'repairUi.caller.filled', params: { name: candidates[0].personName, unit: candidates[0].unitCode ?? '—' } });
        onPick(candidates[0], typedPhone);
      } else {
        setFound({ candidates, phone: typedPhone });
        window.setTimeout(() => list.current?.querySelector<HTMLElement>('button')?.focus(), 0);
      }
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };

  const choose = (c: Candidate) => {
    if (!found) return;
    setFound(null);
    setNote({ key: 'repairUi.caller.filled', params: { name: c.personName, unit: c.unitCode ?? '—' } });
    onPick(c, found.phone);
  };

  return (
    <div data-testid="caller-id" style={{ marginBottom: 16 }}>
      <label htmlFor="caller-phone" style={{ display: 'block', fontWeight: 500, marginBottom: 6 }}>
        <PhoneOutlined /> {t('repairUi.caller.label')}
      </label>
      <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
        <Input
          id="caller-phone"
          data-testid="caller-phone"
          size="large"
          autoFocus
          inputMode="tel"
          value={text}
          placeholder={t('repairUi.caller.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter looks the number up; it never submits the intake form (Ctrl+Enter still does).
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.stopPropagation();
              void lookup();
            }
          }}
        />
        <Button size="large" icon={<SearchOutlined />} loading={busy} onClick={() => void lookup()} data-testid="caller-lookup">
          {t('repairUi.caller.lookup')}
        </Button>
      </Space.Compact>
      <div style={{ ...muted, marginTop: 4 }} data-testid="caller-note">
        {note ? t(note.key, note.params) : t('repairUi.caller.hint')}
      </div>
      {found ? (
        <div
          ref={list}
          role="listbox"
          aria-label={t('repairUi.caller.choose')}
          data-testid="caller-candidates"
          style={{ marginTop: 8, display: 'flex', flexDirection: 'column', gap: 4, maxWidth: 520 }}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            e.preventDefault();
            const buttons = [...(list.current?.querySelectorAll<HTMLElement>('button') ?? [])];
            const at = buttons.indexOf(document.activeElement as HTMLElement);
            buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
          }}
        >
          <div style={muted}>{t('repairUi.caller.choose')}</div>
          {found.candidates.map((c) => (
            <Button
              key={c.key}
              role="option"
              style={{ justifyContent: 'flex-start', height: 'auto', padding: '6px 12px' }}
              onClick={() => choose(c)}
              onKeyDown={(e) => {
                // Enter picks this one (a button's Enter would otherwise also submit the form around it).
                if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                  e.preventDefault();
                  e.stopPropagation();
                  choose(c);
                }
              }}
              data-testid="caller-candidate"
            >
              <strong>{c.personName}</strong>
              {c.relation ? <RelationTag relation={c.relation} /> : null}
              <span>{c.unitCode ?? t('repairUi.caller.noHome')}</span>
              {c.phoneMasked ? <span style={muted}>{c.phoneMasked}</span> : null}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function RepairForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const notify = useNotifyError();
  const settings = useRepairSettings();
  const [error, setError] = useState<string | null>(null);
  const pickedName = useRef<string | null>(null);

  const form = useForm<IntakeValues, unknown, Output>({
    resolver: zodResolver(IntakeFormSchema),
    defaultValues: {
      placeKind: 'unit',
      unitId: null,
      areaCode: null,
      reporterPersonId: null,
      reporterName: '',
      reporterPhone: '',
      reportedAt: nowIso(),
      category: null,
      description: '',
      appointmentAt: null,
      urgent: false,
      paid: false,
      charges: [],
      priceTold: false,
    },
  });
  const { control, handleSubmit, setValue, getValues, formState, setError: setFieldError, clearErrors } = form;
  // Typed while the caller waits: what was typed survives leaving the page, until saved or discarded.
  const draft = useSessionDraft('repair.new', form, formState.isDirty);
  if (draft.restored && pickedName.current === null && draft.restored.reporterPersonId) pickedName.current = draft.restored.reporterName;
  const placeKind = useWatch({ control, name: 'placeKind' });
  const unitId = useWatch({ control, name: 'unitId' });
  const urgent = useWatch({ control, name: 'urgent' });
  const paid = useWatch({ control, name: 'paid' });

  // The unit's people: the reporter is picked from them (or typed).
  const unit = useUnitDetail(placeKind === 'unit' ? unitId : null);

  const people = useUnitPeople(unit);

  const dirty = { shouldDirty: true, shouldValidate: formState.isSubmitted } as const;

  /** The phone on file of a person picked, in clear for the order (a logged reveal, as on a slip). */
  const revealPhone = async (personId: string) => {
    if (!can('pii.reveal')) return;
    try {
      const r = await invoke('people.reveal', { id: personId, field: 'phone' });
      if (getValues('reporterPersonId') === personId && r.value) setValue('reporterPhone', r.value, dirty);
    } catch (e) {
      notify(e);
    }
  };

  const pickReporter = (link: LinkView) => {
    setValue('reporterPersonId', link.personId, dirty);
    setValue('reporterName', link.personName, dirty);
    pickedName.current = link.personName;
    setValue('reporterPhone', '', dirty);
    if (link.phoneMasked) void revealPhone(link.personId);
  };

  const fromCaller = (c: Candidate, typedPhone: string | null) => {
    if (c.unitId) {
      setValue('placeKind', 'unit', dirty);
      setValue('unitId', c.unitId, dirty);
      clearErrors(['unitId', 'areaCode']);
    }
    setValue('reporterPersonId', c.personId, dirty);
    setValue('reporterName', c.personName, dirty);
    pickedName.current = c.personName;
    if (typedPhone) setValue('reporterPhone', typedPhone, dirty);
    else {
      setValue('reporterPhone', '', dirty);
      void revealPhone(c.personId);
    }
    // Next: what is broken.
    focusField(c.unitId ? 'f-category' : 'f-unitId');
  };

  const callerUnknown = (typedPhone: string | null) => {
    if (typedPhone) setValue('reporterPhone', typedPhone, dirty);
    focusField(getValues('placeKind') === 'unit' ? 'f-unitId' : 'f-areaCode');
  };

  const save = handleSubmit(async (values) => {
    setError(null);
    try {
      const saved: RepairDetail = await invoke('repairs.create', toIntake(values));
      draft.clear();
      // Next on the order's page: tell engineering at once.
      useUiStore.getState().requestFocus({ path: `/repairs/${saved.id}`, selector: '#main-content #dispatch-notifiedName' });
      navigate(`/repairs/${saved.id}`, { replace: true, state: { saved: true } });
    } catch (e) {
      const fields = [...STATIC_FIELDS, ...getValues('charges').flatMap((_, i) => [`charges.${i}`, `charges.${i}.code`, `charges.${i}.quantity`])];
      const mapped = isApiError(e) && e.fieldErrors ? new ApiError(e.channel, { code: e.code, message: e.message, params: e.params, fieldErrors: Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [intakeField(k), v])) }) : e;
      if (!applyFieldErrors(mapped, setFieldError, { fields })) setError(errorText(t, e));
    }
  });

  const chargesError = formState.errors.charges?.message ?? formState.errors.charges?.root?.message;
  const categories = settings.categories;

  return (
    <FormShell onSubmit={save} error={error} testId="repair-form" dirty={formState.isDirty} kept>
      <DraftNote draft={draft} />
      <QueryError error={settings.error} />
      <Card size="small" style={{ marginBottom: 16, background: '#f6faff', borderColor: '#bcd7ff' }}>
        <CallerId onPick={fromCaller} onNone={callerUnknown} />
      </Card>

      <Card title={t('repairUi.sectionWhere')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Field control={control} name="placeKind" label={t('repair.place')} required>
              {(field, p) => (
                <Radio.Group
                  id={p.id}
                  data-testid={p['data-testid']}
                  optionType="button"
                  buttonStyle="solid"
                  value={field.value}
                  onChange={(e) => {
                    field.onChange(e.target.value);
                    clearErrors(['unitId', 'areaCode']);
                  }}
                  options={[
                    { value: 'unit', label: <span data-testid="place-unit">{t('repairUi.placeUnit')}</span> },
                    { value: 'public', label: <span data-testid="place-public">{t('repair.publicArea')}</span> },
                  ]}
                />
              )}
            </Field>
          </Col>
          <Col xs={24} md={16}>
            {placeKind === 'unit' ? (
              <Field control={control} name="unitId" label={t('repairUi.unit')} required extra={unit?.ownerNames ? t('repairUi.unitOwners', { names: unit.ownerNames }) : t('repairUi.unitHint')}>
                {(field, p) => (
                  <UnitPicker
                    id={p.id}
                    testId={p['data-testid']}
                    value={field.value ?? undefined}
                    onChange={(v) => {
                      field.onChange(v ?? null);
                      setValue('reporterPersonId', null, dirty);
                      pickedName.current = null;
                    }}
                    onBlur={field.onBlur}
                  />
                )}
              </Field>
            ) : (
              <Field control={control} name="areaCode" label={t('repair.publicArea')} required extra={settings.areas.length ? undefined : t('repairUi.noAreas')}>
                {(field, p) => (
                  <Select
                    id={p.id}
                    data-testid={p['data-testid']}
                    showSearch={{ optionFilterProp: 'label' }}
                    value={field.value ?? undefined}
                    placeholder={t('repairUi.areaPlaceholder')}
                    onChange={(v: string) => field.onChange(v)}
                    onBlur={field.onBlur}
                    options={settings.areas.map((a) => ({ value: a.code, label: a.name }))}
                  />
                )}
              </Field>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Half>
            <Field
              control={control}
              name="reporterName"
              label={t('repair.reporter')}
              required
              max={50}
              extra={
                placeKind === 'unit' && unitId
                  ? people.length
                    ? t('repairUi.reporterPickHint')
                    : t('repairUi.noPeopleOnUnit')
                  : t('repairUi.reporterHint')
              }
            >
              {(field, p) => (
                <UnitPersonName
                  field={field}
                  props={p}
                  people={people}
                  pickedName={pickedName}
                  personPicked={() => !!getValues('reporterPersonId')}
                  onPick={pickReporter}
                  onUnpick={() => setValue('reporterPersonId', null, dirty)}
                  optionTestId="reporter-option"
                />
              )}
            </Field>
          </Half>
          <Half>
            <Field control={control} name="reporterPhone" label={t('repair.reporterPhone')} required max={30}>
              {(field, p) => <Input {...field} {...p} value={field.value ?? ''} inputMode="tel" placeholder="138 0000 0000" />}
            </Field>
          </Half>
        </Row>
      </Card>

      <Card title={t('repairUi.sectionWhat')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Field control={control} name="category" label={t('repair.category')} required>
              {(field, p) => (
                <Select
                  id={p.id}
                  data-testid={p['data-testid']}
                  showSearch={{
                    filterOption: (input, o) => {
                      const q = input.trim().toLowerCase();
                      return !!o && (String(o.label).toLowerCase().includes(q) || String(o.value).toLowerCase().startsWith(q));
                    },
                  }}
                  value={field.value ?? undefined}
                  placeholder={t('repairUi.categoryPlaceholder')}
                  onChange={(v: string) => field.onChange(v)}
                  onBlur={field.onBlur}
                  options={categories.map((c) => ({ value: c.code, label: c.name }))}
                />
              )}
            </Field>
          </Col>
          <Col xs={24} md={14}>
            <Field control={control} name="urgent" label={t('repairUi.urgency')} extra={<span data-testid="urgent-hint">{t('repairUi.urgentHint')}</span>}>
              {(field, p) => (
                <Space>
                  <Switch id={p.id} data-testid={p['data-testid']} checked={!!field.value} onChange={(v) => field.onChange(v)} />
                  <span style={urgent ? { color: '#cf1322', fontWeight: 600 } : muted}>{urgent ? t('repair.urgent') : t('repair.normal')}</span>
                </Space>
              )}
            </Field>
          </Col>
        </Row>
        <Field control={control} name="description" label={t('repair.description')} required max={300}>
          {(field, p) => <Input.TextArea {...field} {...p} rows={3} placeholder={t('repairUi.descriptionPlaceholder')} />}
        </Field>
        <Row gutter={16}>
          <Half>
            <Field control={control} name="reportedAt" label={t('repair.reportedAt')} required extra={t('repairUi.reportedAtHint')}>
              {(field, p) => <DateTimeInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} />}
            </Field>
          </Half>
          <Half>
            <Field control={control} name="appointmentAt" label={t('repair.appointmentAt')} extra={t('repairUi.appointmentHint')}>
              {(field, p) => (
                <DateTimeInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} allowClear disabledFuture={false} placeholder={t('repairUi.noAppointment')} />
              )}
            </Field>
          </Half>
        </Row>
      </Card>

      <Card title={t('repairUi.sectionCharge')} size="small" style={{ marginBottom: 16 }}>
        <Field control={control} name="paid" extra={paid ? t('repairUi.paidHint') : t('repairUi.freeHint')}>
          {(field, p) => (
            <Space>
              <Switch
                id={p.id}
                data-testid={p['data-testid']}
                checked={!!field.value}
                onChange={(v) => {
                  field.onChange(v);
                  if (!v) {
                    setValue('charges', [], dirty);
                    setValue('priceTold', false, dirty);
                    clearErrors(['charges', 'priceTold']);
                  }
                }}
              />
              <span style={paid ? { fontWeight: 600 } : muted}>{paid ? t('repair.paid') : t('repair.free')}</span>
            </Space>
          )}
        </Field>
        {paid ? (
          <>
            <ChargeLines control={control as unknown as Control<ChargesShape>} priceList={settings.priceList} error={chargesError} />
            <div style={{ marginTop: 12 }}>
              <Field control={control} name="priceTold" required>
                {(field, p) => (
                  <Checkbox id={p.id} data-testid={p['data-testid']} checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)}>
                    {t('repair.priceTold')}
                  </Checkbox>
                )}
              </Field>
            </div>
          </>
        ) : null}
      </Card>

      <NewRecordFoot cancelTo="/repairs" submitting={formState.isSubmitting} submitText={t('repairUi.save')} testId="repair-save" />
    </FormShell>
  );
}

/** `/repairs/new`: a call taken in under a minute, from the keyboard. */
export default function RepairFormPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="repair-form-page" style={{ maxWidth: 1000 }}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/repairs">{t('nav.repairs')}</Link> }, { title: t('repairUi.new') }]} />
      <PageHeader title={t('repairUi.new')} sub={t('repairUi.newSub')} />
      <RepairForm />
    </div>
  );
}
