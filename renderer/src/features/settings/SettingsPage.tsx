import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Col, Divider, Input, Row, Select, Space, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { PasswordSchema, SettingsSchema, type Settings } from '../../../../shared/master/schema';
import { applyFieldErrors, errorText, invoke, isApiError } from '../../api';
import { applyLanguage, effectiveLanguage, setLocalLanguage } from '../../app/i18n';
import { PageHeader, QueryError } from '../../components/feedback';
import { Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { NumberInput } from '../../components/number-input';
import { useCan } from '../../components/permissions';
import { useQuery } from '../../components/use-query';
import { useSessionStore } from '../../stores/use-session-store';
import { CALENDAR_SETTING_KEYS, CalendarSettingsCard } from './CalendarSettings';
import { REPAIR_SETTING_KEYS, RepairSettingsCard } from './RepairSettings';
import { DECORATION_SETTING_KEYS, DecorationSettingsCard } from './DecorationSettings';
import { MOVE_IN_SETTING_KEYS, MoveInSettingsCard } from './MoveInSettings';

const LOGO_MAX_BYTES = 300 * 1024;

const REPAIR_KEYS = Object.fromEntries(REPAIR_SETTING_KEYS.map((k) => [k, true])) as { [K in (typeof REPAIR_SETTING_KEYS)[number]]: true };
const DECORATION_KEYS = Object.fromEntries(DECORATION_SETTING_KEYS.map((k) => [k, true])) as { [K in (typeof DECORATION_SETTING_KEYS)[number]]: true };
const MOVE_IN_KEYS = Object.fromEntries(MOVE_IN_SETTING_KEYS.map((k) => [k, true])) as { [K in (typeof MOVE_IN_SETTING_KEYS)[number]]: true };

/** What the site form edits: everything but the calendar's, the repair card's and the decoration card's keys, so one form's save never resets another's. */
const SiteSettingsSchema = SettingsSchema.omit({ calendarOverrides: true, officeHours: true, ...REPAIR_KEYS, ...DECORATION_KEYS, ...MOVE_IN_KEYS });
type SiteSettings = z.infer<typeof SiteSettingsSchema>;

function siteSettings(s: Settings): SiteSettings {
  const rest: Record<string, unknown> = { ...s };
  for (const k of [...CALENDAR_SETTING_KEYS, ...REPAIR_SETTING_KEYS, ...DECORATION_SETTING_KEYS, ...MOVE_IN_SETTING_KEYS]) delete rest[k];
  return rest as SiteSettings;
}

const ChangePasswordSchema = z
  .strictObject({ current: z.string().min(1).max(200), next: PasswordSchema, confirm: z.string() })
  .superRefine((v, ctx) => {
    if (v.next !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'v.passwordMismatch' });
  });

function ChangePasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError, reset } = useForm({
    resolver: zodResolver(ChangePasswordSchema),
    defaultValues: { current: '', next: '', confirm: '' },
  });
  const submit = handleSubmit(async ({ current, next }) => {
    setError(null);
    try {
      await invoke('auth.changePassword', { current, next });
      message.success(t('settings.passwordChanged'));
      reset();
    } catch (e) {
      const wrongCurrent = isApiError(e) && (e.fieldErrors?.current?.message === 'error.badCredentials' || (e.message === 'error.badCredentials' && !e.fieldErrors));
      if (wrongCurrent) {
        setFieldError('current', { type: 'server', message: 'settings.wrongCurrent' }, { shouldFocus: true });
        return;
      }
      if (!applyFieldErrors(e, setFieldError, { fields: ['current', 'next'] })) setError(errorText(t, e));
    }
  });
  return (
    <Card title={t('settings.myPassword')} style={{ marginBottom: 16 }} data-testid="password-card">
      <div style={{ maxWidth: 400 }}>
        <FormShell onSubmit={submit} error={error} testId="password-form" dirty={formState.isDirty}>
          <Field control={control} name="current" label={t('settings.currentPassword')} required idPrefix="pw">
            {(field, p) => <Input.Password {...field} {...p} autoComplete="current-password" />}
          </Field>
          <Field control={control} name="next" label={t('users.newPassword')} required extra={t('users.passwordHint')} idPrefix="pw">
            {(field, p) => <Input.Password {...field} {...p} autoComplete="new-password" />}
          </Field>
          <Field control={control} name="confirm" label={t('users.passwordConfirm')} required idPrefix="pw">
            {(field, p) => <Input.Password {...field} {...p} autoComplete="new-password" />}
          </Field>
          <FormActions submitting={formState.isSubmitting} submitText={t('settings.changePassword')} testId="password-submit" />
        </FormShell>
      </div>
    </Card>
  );
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.onload = () => resolve(String(r.result ?? ''));
    r.readAsDataURL(file);
  });
}

function SiteSettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError, clearErrors, reset } = useForm({
    resolver: zodResolver(SiteSettingsSchema),
    defaultValues: siteSettings(settings),
  });
  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = await invoke('settings.update', values);
      // What was saved is the new starting point: nothing left unsaved to ask about when leaving.
      reset(siteSettings(saved));
      onSaved(saved);
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: Object.keys(SiteSettingsSchema.shape) })) setError(errorText(t, e));
    }
  });
  const num = (name: 'idleLockMinutes' | 'signInMaxAttempts' | 'signInLockMinutes' | 'backupKeepDaily' | 'backupKeepMonthly' | 'frequentCarryOutThreshold' | 'frequentCarryOutDays', label: string, unit: string, extra?: string) => (
    <Field control={control} name={name} label={label} required extra={extra}>
      {(field, p) => (
        <NumberInput {...p} suffix={unit} value={field.value} onChange={(v) => field.onChange(v as number)} onBlur={field.onBlur} />
      )}
    </Field>
  );

  return (
    <FormShell onSubmit={submit} error={error} testId="settings-form" dirty={formState.isDirty}>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Field control={control} name="siteName" label={t('settings.siteName')} required max={60}>
            {(field, p) => <Input {...field} {...p} />}
          </Field>
          <Field control={control} name="siteAddress" label={t('settings.siteAddress')} max={120}>
            {(field, p) => <Input {...field} {...p} />}
          </Field>
          <Field control={control} name="hotline" label={t('settings.hotline')} max={30}>
            {(field, p) => <Input {...field} {...p} />}
          </Field>
          <Field control={control} name="formHeader" label={t('settings.formHeader')} extra={t('settings.formHeaderHint')} max={120}>
            {(field, p) => <Input {...field} {...p} />}
          </Field>
          <Field control={control} name="logoDataUrl" label={t('settings.logo')} extra={t('settings.logoHint')}>
            {(field, p) => (
              <Space align="center" data-testid={p['data-testid']}>
                <div
                  style={{ width: 96, height: 64, border: '1px dashed #d9d9d9', borderRadius: 6, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fafafa', overflow: 'hidden' }}
                >
                  {field.value ? (
                    <img src={field.value} alt={t('settings.logo')} style={{ maxWidth: '100%', maxHeight: '100%' }} data-testid="logo-preview" />
                  ) : (
                    <span style={{ color: 'rgba(0,0,0,0.3)', fontSize: 12 }}>{t('settings.noLogo')}</span>
                  )}
                </div>
                <Upload
                  accept="image/png,image/jpeg"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
                      setFieldError('logoDataUrl', { type: 'client', message: 'v.logoFormat' });
                    } else if (file.size > LOGO_MAX_BYTES) {
                      setFieldError('logoDataUrl', { type: 'client', message: 'v.logoTooBig' });
                    } else {
                      clearErrors('logoDataUrl');
                      void readDataUrl(file).then((url) => field.onChange(url));
                    }
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} id={p.id} data-testid="logo-upload">
                    {t('settings.chooseLogo')}
                  </Button>
                </Upload>
                {field.value ? (
                  <Button icon={<DeleteOutlined />} onClick={() => field.onChange(null)} data-testid="logo-remove">
                    {t('settings.removeLogo')}
                  </Button>
                ) : null}
              </Space>
            )}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field control={control} name="language" label={t('settings.language')} required extra={t('settings.languageHint')}>
            {(field, p) => (
              <Select
                {...p}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                options={[
                  { value: 'auto', label: t('settings.languageAuto') },
                  { value: 'zh-CN', label: '简体中文' },
                  { value: 'en', label: 'English' },
                ]}
              />
            )}
          </Field>
          {num('idleLockMinutes', t('settings.idleLock'), t('settings.minutes'), t('settings.idleLockHint'))}
          <Row gutter={16}>
            <Col span={12}>{num('signInMaxAttempts', t('settings.maxAttempts'), t('settings.times'))}</Col>
            <Col span={12}>{num('signInLockMinutes', t('settings.lockMinutes'), t('settings.minutes'))}</Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>{num('backupKeepDaily', t('settings.keepDaily'), t('settings.days'))}</Col>
            <Col span={12}>{num('backupKeepMonthly', t('settings.keepMonthly'), t('settings.months'))}</Col>
          </Row>
        </Col>
      </Row>
      <Divider titlePlacement="start" style={{ margin: '0 0 12px' }}>
        {t('settings.slips')}
      </Divider>
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Field control={control} name="slipPrefix" label={t('settings.slipPrefix')} required extra={t('settings.slipPrefixHint')} max={6}>
            {(field, p) => <Input {...field} {...p} onChange={(e) => field.onChange(e.target.value.toUpperCase())} style={{ textTransform: 'uppercase' }} />}
          </Field>
        </Col>
        <Col xs={12} md={8}>{num('frequentCarryOutThreshold', t('settings.frequentThreshold'), t('settings.times'), t('settings.frequentThresholdHint'))}</Col>
        <Col xs={12} md={8}>{num('frequentCarryOutDays', t('settings.frequentDays'), t('settings.days'), t('settings.frequentDaysHint'))}</Col>
      </Row>
      <Divider style={{ margin: '8px 0 16px' }} />
      <FormActions submitting={formState.isSubmitting} testId="settings-submit" />
    </FormShell>
  );
}

export default function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const isManager = can('settings.write');
  const settings = useQuery('settings.get', isManager ? {} : null);
  const [formKey, setFormKey] = useState(0);
  // Today's notice links here: ?section=calendar&year=2027 opens the calendar on that year; ?section=repairs the repair settings; ?section=decoration the decoration settings.
  const [params] = useSearchParams();
  const section = params.get('section');
  const linkedYear = Number(params.get('year')) || undefined;
  const scrolled = useRef(false);

  useEffect(() => {
    if (settings.data) setFormKey((k) => k + 1);
  }, [settings.data]);

  useEffect(() => {
    const target = section === 'calendar' ? 'calendar-settings' : section === 'repairs' ? 'repair-settings' : section === 'decoration' ? 'decoration-settings' : section === 'move-in' ? 'movein-settings' : null;
    if (!target || !settings.data || scrolled.current) return;
    scrolled.current = true;
    document.getElementById(target)?.scrollIntoView({ block: 'start' });
  }, [section, settings.data]);

  return (
    <div data-testid="settings-page">
      <PageHeader title={t('nav.settings')} />
      <ChangePasswordCard />
      {isManager ? (
        <Card title={t('settings.site')} data-testid="site-settings-card">
          <QueryError error={settings.error} onRetry={settings.reload} />
          {settings.data ? (
            <SiteSettingsForm
              key={formKey}
              settings={settings.data}
              onSaved={(s) => {
                const store = useSessionStore.getState();
                store.setSiteName(s.siteName);
                store.setLanguageSetting(s.language);
                store.setIdleLockMinutes(s.idleLockMinutes);
                // The manager chose the site language explicitly: it applies here at once.
                setLocalLanguage(null);
                applyLanguage(effectiveLanguage(s.language));
                message.success(t('common.saved'));
              }}
            />
          ) : null}
        </Card>
      ) : null}
      {isManager && settings.data ? (
        <CalendarSettingsCard key={`calendar-${formKey}`} settings={settings.data} initialYear={linkedYear} onSaved={() => message.success(t('common.saved'))} />
      ) : null}
      {isManager && settings.data ? <RepairSettingsCard key={`repairs-${formKey}`} settings={settings.data} onSaved={() => message.success(t('common.saved'))} /> : null}
      {isManager && settings.data ? <DecorationSettingsCard key={`decoration-${formKey}`} settings={settings.data} onSaved={() => message.success(t('common.saved'))} /> : null}
      {isManager && settings.data ? <MoveInSettingsCard key={`movein-${formKey}`} settings={settings.data} onSaved={() => message.success(t('common.saved'))} /> : null}
    </div>
  );
}
