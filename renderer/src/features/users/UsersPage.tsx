import { useCallback, useState } from 'react';
import { App, Button, Drawer, Input, Modal, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/contract';
import { NewUserSchema, PasswordSchema, type User } from '../../../../shared/master/schema';
import { ROLES } from '../../../../shared/master/enums';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { EmptyHint, PageHeader, QueryError, useNotifyError } from '../../components/feedback';
import { Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { useConfirmDiscard } from '../../components/leave-guard';
import { formatDate, formatDateTime } from '../../components/format';
import { useNewRecordShortcut } from '../../components/permissions';
import { RoleTag } from '../../components/tags';
import { useQuery } from '../../components/use-query';
import { useSessionStore } from '../../stores/use-session-store';

const NewUserFormSchema = NewUserSchema.extend({ confirm: z.string() }).superRefine((v, ctx) => {
  if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'v.passwordMismatch' });
});
const EditUserSchema = contract['users.update'].input.omit({ id: true, active: true }).required({ displayName: true, role: true });
const ResetSchema = z.strictObject({ password: PasswordSchema, confirm: z.string() }).superRefine((v, ctx) => {
  if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'v.passwordMismatch' });
});

function NewUserForm({ onSaved, onCancel }: { onSaved: (u: User) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError } = useForm({
    resolver: zodResolver(NewUserFormSchema),
    defaultValues: { username: '', displayName: '', role: 'clerk' as const, password: '', confirm: '' },
  });
  const submit = handleSubmit(async ({ confirm: _c, ...values }) => {
    setError(null);
    try {
      onSaved(await invoke('users.create', values));
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['username', 'displayName', 'role', 'password'] })) setError(errorText(t, e));
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="user-form" dirty={formState.isDirty}>
      <Field control={control} name="username" label={t('users.username')} required extra={t('users.usernameHint')} max={32}>
        {(field, p) => <Input {...field} {...p} autoFocus autoComplete="off" />}
      </Field>
      <Field control={control} name="displayName" label={t('users.displayName')} required max={50}>
        {(field, p) => <Input {...field} {...p} />}
      </Field>
      <Field control={control} name="role" label={t('users.role')} required>
        {(field, p) => <Select {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} options={ROLES.map((r) => ({ value: r, label: t(`enum.role.${r}`) }))} />}
      </Field>
      <Field control={control} name="password" label={t('users.password')} required extra={t('users.passwordHint')}>
        {(field, p) => <Input.Password {...field} {...p} autoComplete="new-password" />}
      </Field>
      <Field control={control} name="confirm" label={t('users.passwordConfirm')} required>
        {(field, p) => <Input.Password {...field} {...p} autoComplete="new-password" />}
      </Field>
      <FormActions submitting={formState.isSubmitting} onCancel={onCancel} />
    </FormShell>
  );
}

function EditUserForm({ user, onSaved, onCancel }: { user: User; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError } = useForm({
    resolver: zodResolver(EditUserSchema),
    defaultValues: { displayName: user.displayName, role: user.role },
  });
  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      await invoke('users.update', { id: user.id, ...values });
      onSaved();
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['displayName', 'role'] })) setError(errorText(t, e));
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="user-edit-form" dirty={formState.isDirty}>
      <Field control={control} name="displayName" label={t('users.displayName')} required max={50}>
        {(field, p) => <Input {...field} {...p} value={field.value ?? ''} autoFocus />}
      </Field>
      <Field control={control} name="role" label={t('users.role')} required>
        {(field, p) => <Select {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} options={ROLES.map((r) => ({ value: r, label: t(`enum.role.${r}`) }))} />}
      </Field>
      <FormActions submitting={formState.isSubmitting} onCancel={onCancel} />
    </FormShell>
  );
}

function ResetPasswordForm({ user, onSaved, onCancel }: { user: User; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError } = useForm({
    resolver: zodResolver(ResetSchema),
    defaultValues: { password: '', confirm: '' },
  });
  const submit = handleSubmit(async ({ password }) => {
    setError(null);
    try {
      await invoke('users.resetPassword', { id: user.id, password });
      onSaved();
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['password'] })) setError(errorText(t, e));
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="reset-password-form" dirty={formState.isDirty}>
      <p>{t('users.resetExplain', { name: user.displayName })}</p>
      <Field control={control} name="password" label={t('users.newPassword')} required extra={t('users.passwordHint')}>
        {(field, p) => <Input.Password {...field} {...p} autoFocus autoComplete="new-password" />}
      </Field>
      <Field control={control} name="confirm" label={t('users.passwordConfirm')} required>
        {(field, p) => <Input.Password {...field} {...p} autoComplete="new-password" />}
      </Field>
      <FormActions submitting={formState.isSubmitting} onCancel={onCancel} submitText={t('users.resetPassword')} />
    </FormShell>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The drawer's mask, × and Esc ask before throwing a half-filled form away (its Cancel button does not).
  const confirmDiscard = useConfirmDiscard();
  const notify = useNotifyError();
  const me = useSessionStore((s) => s.user);
  const list = useQuery('users.list', {});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);

  const openNew = useCallback(() => setCreating(true), []);
  useNewRecordShortcut(openNew);

  const toggleActive = async (u: User, active: boolean) => {
    setToggling(u.id);
    try {
      await invoke('users.update', { id: u.id, active });
      message.success(active ? t('users.activated', { name: u.displayName }) : t('users.deactivated', { name: u.displayName }));
      list.reload();
    } catch (e) {
      notify(e);
    } finally {
      setToggling(null);
    }
  };

  return (
    <div data-testid="users-page">
      <PageHeader
        title={t('nav.users')}
        sub={t('users.subtitle')}
        extra={
          <Tooltip title={t('shortcut.new')}>
            <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="new-user">
              {t('users.new')}
            </Button>
          </Tooltip>
        }
      />
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<User>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        onRow={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username }) as object}
        locale={{ emptyText: list.error ? <span /> : <EmptyHint title={t('users.empty')} /> }}
        columns={[
          { title: t('users.username'), dataIndex: 'username', render: (v: string) => <strong>{v}</strong> },
          {
            title: t('users.displayName'),
            dataIndex: 'displayName',
            render: (v: string, u) => (
              <span>
                {v} {u.id === me?.id ? <Tag>{t('users.you')}</Tag> : null}
              </span>
            ),
          },
          { title: t('users.role'), dataIndex: 'role', render: (_: unknown, u) => <RoleTag role={u.role} /> },
          {
            title: t('users.active'),
            dataIndex: 'active',
            render: (v: boolean, u) => (
              <Space>
                <Switch
                  checked={v}
                  loading={toggling === u.id}
                  disabled={u.id === me?.id}
                  onChange={(checked) => void toggleActive(u, checked)}
                  data-testid="user-active"
                />
                {u.lockedUntil && new Date(u.lockedUntil) > new Date() ? <Tag color="orange">{t('users.lockedUntil', { until: formatDateTime(u.lockedUntil) })}</Tag> : null}
              </Space>
            ),
          },
          { title: t('users.created'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
          {
            title: '',
            key: 'actions',
            align: 'right',
            render: (_: unknown, u) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} data-testid="user-edit">
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)} data-testid="user-reset-password">
                  {t('users.resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Drawer open={creating} onClose={() => confirmDiscard('close', () => setCreating(false))} title={t('users.new')} size={480} destroyOnHidden data-testid="user-drawer">
        {creating ? (
          <NewUserForm
            onCancel={() => setCreating(false)}
            onSaved={(u) => {
              message.success(t('users.added', { name: u.displayName }));
              setCreating(false);
              list.reload();
            }}
          />
        ) : null}
      </Drawer>
      <Modal open={editing !== null} onCancel={() => confirmDiscard('close', () => setEditing(null))} title={t('users.edit', { name: editing?.username ?? '' })} footer={null} destroyOnHidden>
        {editing ? (
          <EditUserForm
            user={editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              message.success(t('common.saved'));
              setEditing(null);
              list.reload();
            }}
          />
        ) : null}
      </Modal>
      <Modal open={resetting !== null} onCancel={() => confirmDiscard('close', () => setResetting(null))} title={t('users.resetTitle', { name: resetting?.username ?? '' })} footer={null} destroyOnHidden>
        {resetting ? (
          <ResetPasswordForm
            user={resetting}
            onCancel={() => setResetting(null)}
            onSaved={() => {
              message.success(t('users.resetDone'));
              setResetting(null);
            }}
          />
        ) : null}
      </Modal>
    </div>
  );
}
