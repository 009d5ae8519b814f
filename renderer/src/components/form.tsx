import { useRef, type ReactNode } from 'react';
import { Alert, DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { Controller, type Control, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../api';

/**
 * A react-hook-form form laid out with antd. Enter submits (a real <form> with a submit
 * button inside), a submission in flight is never started twice, and a general error
 * (one not tied to a field) shows above the fields.
 */
export function FormShell({
  onSubmit,
  children,
  error,
  testId,
  id,
}: {
  onSubmit: () => Promise<void> | void;
  children: ReactNode;
  error?: ReactNode;
  testId?: string;
  id?: string;
}) {
  const busy = useRef(false);
  return (
    <form
      id={id}
      noValidate
      autoComplete="off"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        if (busy.current) return;
        busy.current = true;
        void Promise.resolve(onSubmit()).finally(() => {
          busy.current = false;
        });
      }}
    >
      <Form layout="vertical" component="div" requiredMark>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" /> : null}
        {children}
      </Form>
    </form>
  );
}

export interface FieldInputProps {
  id: string;
  'data-testid': string;
}

/**
 * One field: a Controller around an antd input inside a Form.Item, with the (translated)
 * error under it. `children` renders the input from the field binding and the id/test id.
 */
export function Field<T extends FieldValues, N extends FieldPath<T>>({
  control,
  name,
  label,
  required,
  extra,
  children,
  idPrefix = 'f',
}: {
  control: Control<T>;
  name: N;
  label?: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  idPrefix?: string;
  children: (field: ControllerRenderProps<T, N>, props: FieldInputProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={label}
          required={required}
          htmlFor={id}
          validateStatus={fieldState.error ? 'error' : undefined}
          help={fieldState.error ? <span data-testid={`error-${name}`}>{translateMessage(t, fieldState.error.message)}</span> : undefined}
          extra={extra}
        >
          {children(field, { id, 'data-testid': `field-${name}` })}
        </Form.Item>
      )}
    />
  );
}

/** A date picker whose value is the contract's `YYYY-MM-DD` string (or null). */
export function DateInput({
  value,
  onChange,
  onBlur,
  id,
  disabledFuture,
  allowClear = true,
  placeholder,
  ...rest
}: {
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  id?: string;
  disabledFuture?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}) {
  const d = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      id={id}
      data-testid={rest['data-testid']}
      style={{ width: '100%' }}
      format="YYYY-MM-DD"
      value={d && d.isValid() ? d : null}
      allowClear={allowClear}
      placeholder={placeholder ?? 'YYYY-MM-DD'}
      disabledDate={disabledFuture ? (day) => day.isAfter(dayjs(), 'day') : undefined}
      onChange={(v) => onChange(v ? v.format('YYYY-MM-DD') : null)}
      onBlur={onBlur}
    />
  );
}
