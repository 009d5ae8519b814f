import type { ReactNode } from 'react';
import { Button, Divider, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Cancel + Save at the bottom of a form; Save is the form's submit button (Enter, or Ctrl+Enter from
 * anywhere in the form, a text area included — its tooltip says so). `extra` goes before Cancel.
 */
export function FormActions({
  submitting,
  onCancel,
  submitText,
  testId = 'form-submit',
  danger,
  extra,
}: {
  submitting: boolean;
  onCancel?: () => void;
  submitText?: string;
  testId?: string;
  danger?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 8 }}>
      <Space wrap>
        {extra}
        {onCancel ? (
          <Button onClick={onCancel} disabled={submitting} data-testid="form-cancel">
            {t('common.cancel')}
          </Button>
        ) : null}
        <Tooltip title={t('shortcut.submit')}>
          <Button type="primary" danger={danger} htmlType="submit" loading={submitting} data-testid={testId}>
            {submitText ?? t('common.save')}
          </Button>
        </Tooltip>
      </Space>
    </div>
  );
}

/**
 * The foot of a settings form: a divider, "not saved yet" while the form is dirty, and Save.
 * `testId` names both: `<testId>-unsaved` and `<testId>-submit`.
 */
export function SaveFooter({ dirty, submitting, unsavedText, testId, dividerMargin = '16px 0' }: { dirty: boolean; submitting: boolean; unsavedText: string; testId: string; dividerMargin?: string }) {
  return (
    <>
      <Divider style={{ margin: dividerMargin }} />
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 16 }}>
        {dirty ? (
          <Typography.Text type="warning" data-testid={`${testId}-unsaved`}>
            {unsavedText}
          </Typography.Text>
        ) : null}
        <FormActions submitting={submitting} testId={`${testId}-submit`} />
      </div>
    </>
  );
}
