import { useEffect, useState } from 'react';
import { Alert, Button, Input, Radio, Space, Spin, Steps } from 'antd';
import { useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { applyFieldErrors, errorText, invoke } from '../api';
import { Field, FormShell } from '../components/form';
import { useSessionStore } from '../stores/use-session-store';
import { AuthLayout } from './AuthLayout';
import { loadStatus } from './session';

/** setup.init's own schema plus the password confirmation, which never leaves the form. */
const SetupSchema = contract['setup.init'].input.extend({ confirm: z.string() }).superRefine((v, ctx) => {
  if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'v.passwordMismatch' });
});
type SetupValues = z.input<typeof SetupSchema>;

const STEPS: FieldPath<SetupValues>[][] = [['siteName'], ['username', 'displayName', 'password', 'confirm'], ['demo']];

export default function Setup() {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, trigger, setError: setFieldError, watch, setFocus } = useForm({
    resolver: zodResolver(SetupSchema),
    defaultValues: { siteName: '', username: '', displayName: '', password: '', confirm: '', demo: false },
    mode: 'onTouched',
  });
  const demo = watch('demo');
  useEffect(() => {
    if (step < 2) setFocus(STEPS[step][0]);
  }, [step, setFocus]);

  const next = async () => {
    if (await trigger(STEPS[step])) setStep((s) => Math.min(s + 1, 2));
  };

  const submit = handleSubmit(
    async ({ confirm: _confirm, ...values }) => {
      setError(null);
      try {
        const user = await invoke('setup.init', values);
        useSessionStore.getState().signedIn(user);
        await loadStatus();
      } catch (e) {
        if (applyFieldErrors(e, setFieldError, { fields: ['siteName', 'username', 'displayName', 'password'] })) {
          setStep(0);
          return;
        }
        setError(errorText(t, e));
      }
    },
    () => {
      // An error on an earlier step: go back to it.
      const first = STEPS.findIndex((names) => names.some((n) => formState.errors[n]));
      if (first >= 0) setStep(first);
    },
  );

  if (formState.isSubmitting) {
    return (
      <AuthLayout title={t('setup.title')} width={520} testId="setup-page">
        <div style={{ textAlign: 'center', padding: '32px 0' }} data-testid="setup-working">
          <Spin size="large" />
          <div style={{ marginTop: 16, color: 'rgba(0,0,0,0.65)' }}>{demo ? t('setup.workingDemo') : t('setup.working')}</div>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')} width={520} testId="setup-page">
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('setup.stepSite') }, { title: t('setup.stepManager') }, { title: t('setup.stepData') }]}
      />
      <FormShell
        testId="setup-form"
        error={error}
        onSubmit={async () => {
          if (step < 2) await next();
          else await submit();
        }}
      >
        <div hidden={step !== 0}>
          <Field control={control} name="siteName" label={t('setup.siteName')} required extra={t('setup.siteNameHint')} max={60}>
            {(field, p) => <Input {...field} {...p} autoFocus placeholder={t('setup.siteNamePlaceholder')} />}
          </Field>
        </div>
        <div hidden={step !== 1}>
          <Alert type="info" showIcon title={t('setup.managerHint')} style={{ marginBottom: 16 }} />
          <Field control={control} name="username" label={t('users.username')} required extra={t('users.usernameHint')} max={32}>
            {(field, p) => <Input {...field} {...p} autoComplete="off" />}
          </Field>
          <Field control={control} name="displayName" label={t('users.displayName')} required max={50}>
            {(field, p) => <Input {...field} {...p} />}
          </Field>
          <Field control={control} name="password" label={t('users.password')} required extra={t('users.passwordHint')}>
            {(field, p) => <Input.Password {...field} {...p} autoComplete="new-password" />}
          </Field>
          <Field control={control} name="confirm" label={t('users.passwordConfirm')} required>
            {(field, p) => <Input.Password {...field} {...p} autoComplete="new-password" />}
          </Field>
        </div>
        <div hidden={step !== 2}>
          <Field control={control} name="demo" label={t('setup.dataChoice')}>
            {(field, p) => (
              <Radio.Group id={p.id} data-testid={p['data-testid']} value={field.value} onChange={(e) => field.onChange(e.target.value as boolean)}>
                <Space orientation="vertical">
                  <Radio value={false} data-testid="setup-empty">
                    <strong>{t('setup.empty')}</strong>
                    <div style={{ color: 'rgba(0,0,0,0.5)' }}>{t('setup.emptyHint')}</div>
                  </Radio>
                  <Radio value={true} data-testid="setup-demo">
                    <strong>{t('setup.demo')}</strong>
                    <div style={{ color: 'rgba(0,0,0,0.5)' }}>{t('setup.demoHint')}</div>
                  </Radio>
                </Space>
              </Radio.Group>
            )}
          </Field>
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
          <Button onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0} data-testid="setup-back">
            {t('common.back')}
          </Button>
          {step < 2 ? (
            <Button type="primary" htmlType="submit" data-testid="setup-next">
              {t('common.next')}
            </Button>
          ) : (
            <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="setup-submit">
              {t('setup.finish')}
            </Button>
          )}
        </div>
      </FormShell>
    </AuthLayout>
  );
}
