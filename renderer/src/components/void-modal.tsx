import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api';

interface ReasonModalProps {
  open: boolean;
  title: string;
  description?: string;
  onClose: () => void;
}

/**
 * Records are never deleted: a supervisor voids them with a reason.
 * `onVoid` performs the call; its error is shown in the dialog.
 */
export function VoidModal({ onVoid, ...props }: ReasonModalProps & { onVoid: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  return <ReasonModal {...props} okText={t('common.void')} reasonLabel={t('common.voidReason')} testId="void-confirm" onConfirm={onVoid} />;
}

/** The Void button in a record page's header; it opens the page's {@link RecordVoidModal}. */
export function VoidButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button danger icon={<StopOutlined />} onClick={onClick} data-testid={testId}>
      {t('common.void')}
    </Button>
  );
}

/**
 * A record page's void dialog: `voidRecord` performs the call with the reason, the page shows the record
 * it returns (`onVoided`), and "voided" is said.
 */
export function RecordVoidModal<T>({ voidRecord, onVoided, ...props }: ReasonModalProps & { voidRecord: (reason: string) => Promise<T>; onVoided: (record: T) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <VoidModal
      {...props}
      onVoid={async (reason) => {
        onVoided(await voidRecord(reason));
        message.success(t('common.voided'));
      }}
    />
  );
}

/** A reason, then an action that ends a record (void, refuse); `onConfirm` performs the call and its error shows in the dialog. */
export function ReasonModal({
  open,
  title,
  description,
  okText,
  reasonLabel,
  testId,
  onConfirm,
  onClose,
}: ReasonModalProps & { okText: string; reasonLabel: string; testId: string; onConfirm: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setReason('');
      setError(null);
    }
  }, [open]);
  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) {
      setError(t('v.required'));
      return;
    }
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={okText}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': testId }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {description ? <p>{description}</p> : null}
      <Form layout="vertical" component="div">
        <Form.Item label={reasonLabel} required validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input.TextArea
            autoFocus
            data-testid="field-reason"
            value={reason}
            maxLength={200}
            rows={3}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void submit();
              }
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
