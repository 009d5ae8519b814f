import type { ReactNode } from 'react';
import { Button, Divider, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SaveOutlined } from '@ant-design/icons';

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

/**
 * The foot of a new-record form page: Cancel goes back to `cancelTo` (the list, or the unit the form
 * was opened from), Save (with the save icon) submits. Enter and Ctrl+Enter submit too (the tooltip).
 */
export function NewRecordFoot({ cancelTo, submitting, submitText, testId }: { cancelTo: string; submitting: boolean; submitText: string; testId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, flexWrap: 'wrap' }}>
      <Button onClick={() => navigate(cancelTo)} data-testid="form-cancel">
        {t('common.cancel')}
      </Button>
      <Tooltip title={t('shortcut.submit')}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={submitting} data-testid={testId}>
          {submitText}
        </Button>
      </Tooltip>
    </div>
  );
}
