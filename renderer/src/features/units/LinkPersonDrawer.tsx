import { useEffect, useMemo, useRef, useState } from 'react';
import { Drawer, Select, Tabs } from 'antd';
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { LinkInputSchema, type LinkView, type PersonRow } from '../../../../shared/master/schema';
import { RELATIONS } from '../../../../shared/master/enums';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { DateInput, Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { todayIso } from '../../components/format';
import { PersonForm } from '../people/PersonForm';

type Option = { value: string; label: React.ReactNode; kind: 'person' | 'company'; search: string };

function personOption(p: Pick<PersonRow, 'id' | 'name' | 'kind' | 'phoneMasked' | 'units'>): Option {
  return {
    value: p.id,
    kind: p.kind,
    search: p.name,
    label: (
      <span data-testid="person-option" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        {p.kind === 'company' ? <BankOutlined /> : <UserOutlined />}
        <span style={{ fontWeight: 500 }}>{p.name}</span>
        {p.phoneMasked ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{p.phoneMasked}</span> : null}
        {p.units ? <span style={{ color: 'rgba(0,0,0,0.45)', overflow: 'hidden', textOverflow: 'ellipsis' }}>{p.units}</span> : null}
      </span>
    ),
  };
}

function LinkForm({ unitId, onSaved, onCancel, preset }: { unitId: string; onSaved: (l: LinkView) => void; onCancel: () => void; preset: Option | null }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<Option[]>(preset ? [preset] : []);
  const [searching, setSearching] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const { control, handleSubmit, formState, setError: setFieldError, setValue, getValues } = useForm({
    resolver: zodResolver(LinkInputSchema),
    // personId stays undefined until someone is picked, so the schema answers "required".
    defaultValues: { unitId, personId: preset?.value, relation: preset?.kind === 'company' ? 'company' : 'owner', startDate: todayIso(), endDate: null },
  });

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    const mine = ++seq.current;
    timer.current = window.setTimeout(() => {
      setSearching(true);
      invoke('people.list', { q: q.trim() || undefined, limit: 20, offset: 0 })
        .then((r) => {
          if (mine === seq.current) setOptions(r.rows.map(personOption));
        })
        .catch(() => undefined)
        .finally(() => {
          if (mine === seq.current) setSearching(false);
        });
    }, 150);
  };

  useEffect(() => {
    if (!preset) search('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await invoke('links.create', values));
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['personId', 'relation', 'startDate', 'endDate'] })) setError(errorText(t, e));
    }
  });

  const byId = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);

  return (
    <FormShell onSubmit={submit} error={error} testId="link-form">
      <Field control={control} name="personId" label={t('link.person')} required extra={t('link.personHint')}>
        {(field, p) => (
          <Select
            {...p}
            autoFocus={!preset}
            showSearch={{ filterOption: false, onSearch: search }}
            loading={searching}
            value={field.value || undefined}
            onChange={(v: string) => {
              field.onChange(v);
              if (byId.get(v)?.kind === 'company' && getValues('relation') !== 'company') setValue('relation', 'company');
            }}
            onBlur={field.onBlur}
            placeholder={t('link.searchPlaceholder')}
            notFoundContent={searching ? null : t('link.noPeople')}
            options={options.map((o) => ({ value: o.value, label: o.label }))}
          />
        )}
      </Field>
      <Field control={control} name="relation" label={t('link.relation')} required>
        {(field, p) => (
          <Select
            {...p}
            autoFocus={!!preset}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            options={RELATIONS.map((r) => ({ value: r, label: t(`enum.relation.${r}`) }))}
          />
        )}
      </Field>
      <div style={{ display: 'flex', gap: 16 }}>
        <div style={{ flex: 1 }}>
          <Field control={control} name="startDate" label={t('link.startDate')} required>
            {(field, p) => <DateInput {...p} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} allowClear={false} />}
          </Field>
        </div>
        <div style={{ flex: 1 }}>
          <Field control={control} name="endDate" label={t('link.endDate')} extra={t('link.endDateHint')}>
            {(field, p) => <DateInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
          </Field>
        </div>
      </div>
      <FormActions submitting={formState.isSubmitting} onCancel={onCancel} submitText={t('link.submit')} testId="link-submit" />
    </FormShell>
  );
}

/** "Link a person": pick someone already on file, or register a new person and link them. */
export function LinkPersonDrawer({ open, unitId, unitCode, onClose, onLinked }: { open: boolean; unitId: string; unitCode: string; onClose: () => void; onLinked: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'existing' | 'new'>('existing');
  const [preset, setPreset] = useState<Option | null>(null);
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    if (open) {
      setTab('existing');
      setPreset(null);
      setFormKey((k) => k + 1);
    }
  }, [open]);

  return (
    <Drawer open={open} onClose={onClose} title={t('link.title', { unit: unitCode })} size={560} destroyOnHidden data-testid="link-drawer">
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'existing' | 'new')}
        items={[
          {
            key: 'existing',
            label: <span data-testid="link-tab-existing">{t('link.tabExisting')}</span>,
            children: <LinkForm key={formKey} unitId={unitId} preset={preset} onCancel={onClose} onSaved={() => onLinked()} />,
          },
          {
            key: 'new',
            label: <span data-testid="link-tab-new">{t('link.tabNew')}</span>,
            children:
              tab === 'new' ? (
                <PersonForm
                  onCancel={() => setTab('existing')}
                  submitText={t('link.createAndContinue')}
                  onSaved={(p) => {
                    setPreset(personOption(p));
                    setFormKey((k) => k + 1);
                    setTab('existing');
                  }}
                />
              ) : null,
          },
        ]}
      />
    </Drawer>
  );
}
