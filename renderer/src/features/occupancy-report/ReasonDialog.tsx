import { useEffect, useState, type ReactNode } from 'react';
import { Input, Modal } from 'antd';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { ReviseInputSchema } from '../../../../shared/workflows/occupancy-report/schema';
import { applyFieldErrors, errorText } from '../../api';
import { Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';

/** The one field both dialogs ask for: the slice's own reason (required, at most 200 characters). */
const ReasonSchema = ReviseInputSchema.pick({ reason: true });
const MAX = 200;

/**
 * A reason, then an action on the report (accept a warning, issue a revision), in the manner of the
 * void dialog but as a real form: the schema's messages next to the field, Enter or Ctrl+Enter submits,
 * and the host's refusal (e.g. warnings still open) shown in the dialog, translated.
 */
export function ReasonDialog({
  open,
  title,
  description,
  label,
  okText,
  testId,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  description?: ReactNode;
  label: string;
  okText: string;
  testId: string;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, reset, setError: setFieldError } = useForm({ resolver: zodResolver(ReasonSchema), defaultValues: { reason: '' } });

  useEffect(() => {
    if (open) {
      reset({ reason: '' });
      setError(null);
    }
  }, [open, reset]);

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      await onConfirm(values.reason);
      onClose();
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['reason'] })) setError(errorText(t, e));
    }
  });

  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden data-testid={`${testId}-dialog`}>
      {description ? <div style={{ marginBottom: 12, color: 'rgba(0,0,0,0.65)' }}>{description}</div> : null}
      <FormShell onSubmit={submit} error={error} testId={`${testId}-form`}>
        <Field control={control} name="reason" label={label} required max={MAX} idPrefix={testId}>
          {(field, p) => (
            <Input.TextArea
              {...p}
              autoFocus
              rows={3}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              onKeyDown={(e) => {
                // Enter submits (a reason is one line); Shift+Enter still breaks a line; never the Enter of an IME.
                if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
          )}
        </Field>
        <FormActions submitting={formState.isSubmitting} onCancel={onClose} submitText={okText} testId={testId} />
      </FormShell>
    </Modal>
  );
}
