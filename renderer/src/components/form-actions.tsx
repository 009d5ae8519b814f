import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Cancel + Save at the bottom of a form; Save is the form's submit button (Enter). */
export function FormActions({ submitting, onCancel, submitText, testId = 'form-submit', danger }: { submitting: boolean; onCancel?: () => void; submitText?: string; testId?: string; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 8 }}>
      <Space>
        {onCancel ? (
          <Button onClick={onCancel} disabled={submitting} data-testid="form-cancel">
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="primary" danger={danger} htmlType="submit" loading={submitting} data-testid={testId}>
          {submitText ?? t('common.save')}
        </Button>
      </Space>
    </div>
  );
}
