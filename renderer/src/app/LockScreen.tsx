import { useState } from 'react';
import { Alert, Avatar, Button, Input, Space } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { errorText, invoke, isApiError } from '../api';
import { Field, FormShell } from '../components/form';
import { RoleTag } from '../components/tags';
import { useSessionStore } from '../stores/use-session-store';
import { AuthLayout } from './AuthLayout';
import { signOut } from './session';

const UnlockSchema = contract['auth.unlock'].input;

export function LockScreen() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setValue, setFocus } = useForm({
    resolver: zodResolver(UnlockSchema),
    defaultValues: { password: '' },
  });

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const u = await invoke('auth.unlock', values);
      useSessionStore.getState().signedIn(u);
    } catch (e) {
      // The session ended on the host (restart, restore): back to the sign-in screen.
      if (isApiError(e) && e.code === 'UNAUTHENTICATED' && e.message !== 'error.badCredentials') {
        useSessionStore.getState().signedOut('expired');
        return;
      }
      setError(isApiError(e) && e.message === 'error.badCredentials' ? t('lock.wrongPassword') : errorText(t, e));
      setValue('password', '');
      setFocus('password');
    }
  });

  return (
    <AuthLayout title={t('lock.title')} subtitle={t('lock.subtitle')} overlay testId="lock-screen">
      <Space align="center" style={{ marginBottom: 20 }}>
        <Avatar size={44} icon={<UserOutlined />} style={{ background: '#1668dc' }} />
        <div>
          <div style={{ fontWeight: 600, fontSize: 16 }} data-testid="lock-user">
            {user?.displayName}
          </div>
          <div style={{ color: 'rgba(0,0,0,0.45)' }}>
            {user?.username} {user ? <RoleTag role={user.role} /> : null}
          </div>
        </div>
      </Space>
      <FormShell onSubmit={submit} testId="unlock-form">
        <Field control={control} name="password" label={t('signIn.password')} idPrefix="lock">
          {(field, p) => <Input.Password {...field} {...p} prefix={<LockOutlined />} autoFocus autoComplete="current-password" size="large" />}
        </Field>
        <Button type="primary" htmlType="submit" block size="large" loading={formState.isSubmitting} data-testid="unlock-submit">
          {t('lock.unlock')}
        </Button>
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="unlock-error" /> : null}
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void signOut()} data-testid="lock-sign-out">
          {t('lock.signOutInstead')}
        </Button>
      </FormShell>
    </AuthLayout>
  );
}
