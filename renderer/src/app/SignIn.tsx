import { useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { errorText, isApiError } from '../api';
import { invoke } from '../api';
import { Field, FormShell } from '../components/form';
import { useSessionStore } from '../stores/use-session-store';
import { AuthLayout } from './AuthLayout';
import { loadStatus, restoredOnThisLoad } from './session';

const SignInSchema = contract['auth.signIn'].input;

export function SignIn() {
  const { t } = useTranslation();
  const siteName = useSessionStore((s) => s.app?.siteName);
  const reason = useSessionStore((s) => s.signedOutReason);
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const { control, handleSubmit, formState, setValue, setFocus } = useForm({
    resolver: zodResolver(SignInSchema),
    defaultValues: { username: '', password: '' },
  });

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const user = await invoke('auth.signIn', values);
      useSessionStore.getState().signedIn(user);
      await loadStatus();
    } catch (e) {
      setError({ text: errorText(t, e), locked: isApiError(e) && e.code === 'RATE_LIMITED' });
      setValue('password', '');
      setFocus('password');
    }
  });

  return (
    <AuthLayout title={t('signIn.title')} subtitle={siteName ?? undefined} testId="signin-page">
      {reason === 'expired' ? <Alert type="info" showIcon title={t('signIn.expired')} style={{ marginBottom: 16 }} /> : null}
      {restoredOnThisLoad ? <Alert type="success" showIcon title={t('backup.restored')} style={{ marginBottom: 16 }} data-testid="signin-restored" /> : null}
      <FormShell onSubmit={submit} testId="signin-form">
        <Field control={control} name="username" label={t('signIn.username')}>
          {(field, p) => <Input {...field} {...p} prefix={<UserOutlined />} autoFocus autoComplete="username" size="large" />}
        </Field>
        <Field control={control} name="password" label={t('signIn.password')}>
          {(field, p) => <Input.Password {...field} {...p} prefix={<LockOutlined />} autoComplete="current-password" size="large" />}
        </Field>
        <Button type="primary" htmlType="submit" block size="large" loading={formState.isSubmitting} data-testid="signin-submit">
          {t('signIn.submit')}
        </Button>
        {error ? (
          <Alert
            type={error.locked ? 'warning' : 'error'}
            showIcon
            title={error.text}
            style={{ marginTop: 16 }}
            data-testid="signin-error"
          />
        ) : null}
      </FormShell>
    </AuthLayout>
  );
}
