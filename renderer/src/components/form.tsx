import { useRef, type ReactNode } from 'react';
import { Alert, App, DatePicker, Form, Radio } from 'antd';
import dayjs from 'dayjs';
import { Controller, type Control, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../api';
import { useLeaveGuard } from './leave-guard';

/** Marks something outside a Form.Item (e.g. a list-level message) as a problem the submit reports and focuses. */
export const PROBLEM_ATTR = 'data-form-problem';

const FOCUSABLE = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), [role="combobox"], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

/**
 * Ctrl+Enter, or Cmd+Enter on a Mac: submit from anywhere in a form, a text area or an open drop-down
 * included — but never the Enter that ends a Chinese IME composition.
 */
export function isSubmitChord(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; nativeEvent?: KeyboardEvent; isComposing?: boolean }): boolean {
  const composing = e.isComposing ?? e.nativeEvent?.isComposing ?? false;
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && !composing;
}

/**
 * A react-hook-form form laid out with antd. Enter and Ctrl+Enter submit (a real <form> with a submit
 * button inside), a submission in flight is never started twice, and a general error (one not tied to
 * a field) shows above the fields.
 *
 * After a submission that left problems (the schema's or the host's field errors), the first one in
 * the order of the screen is scrolled to and focused, and a message says how many need attention — a
 * form taller than the window otherwise seems to do nothing. A general error is scrolled to instead.
 *
 * `dirty`: the form holds unsaved changes, so leaving the page asks first (see the Shell's blocker);
 * `kept`: they are kept as a session draft (the question says so). A form with two submit buttons
 * gives `onAction` instead of `onSubmit`: it gets the `data-action` of the button that submitted (null
 * for Enter, Ctrl+Enter and the first button).
 */
export function FormShell({
  onSubmit,
  onAction,
  children,
  error,
  testId,
  id,
  dirty = false,
  kept = false,
}: {
  onSubmit?: () => Promise<void> | void;
  onAction?: (action: string | null) => Promise<void> | void;
  children: ReactNode;
  error?: ReactNode;
  testId?: string;
  id?: string;
  dirty?: boolean;
  kept?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const busy = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const guard = useLeaveGuard(dirty, kept);

  const revealProblems = () => {
    const form = formRef.current;
    if (!form || !form.isConnected) return;
    const problems = [...form.querySelectorAll<HTMLElement>(`.ant-form-item-has-error, [${PROBLEM_ATTR}]`)].filter((el) => el.getClientRects().length > 0);
    if (problems.length) {
      const first = problems[0];
      first.scrollIntoView({ block: 'center' });
      const target = first.querySelector<HTMLElement>(FOCUSABLE);
      target?.focus({ preventScroll: true });
      message.open({
        type: 'warning',
        key: 'form-problems',
        content: (
          <span role="alert" data-testid="form-problems" data-count={problems.length}>
            {t('form.invalidCount', { count: problems.length })}
          </span>
        ),
      });
      return;
    }
    const general = form.querySelector<HTMLElement>('[data-testid="form-error"]');
    if (general) {
      general.scrollIntoView({ block: 'center' });
      general.focus({ preventScroll: true });
    }
  };

  return (
    <form
      ref={formRef}
      id={id}
      noValidate
      autoComplete="off"
      data-testid={testId}
      data-form-shell=""
      onKeyDownCapture={(e) => {
        if (!isSubmitChord(e)) return;
        e.preventDefault();
        e.stopPropagation();
        formRef.current?.requestSubmit();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        if (busy.current) return;
        busy.current = true;
        guard.setBusy(true);
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLElement | null | undefined;
        void Promise.resolve(onAction ? onAction(submitter?.dataset.action ?? null) : onSubmit?.())
          .finally(() => {
            busy.current = false;
            guard.setBusy(false);
          })
          .then(nextFrame)
          .then(revealProblems);
      }}
    >
      <Form layout="vertical" component="div" requiredMark>
        {error ? (
          <div tabIndex={-1} data-testid="form-error" style={{ outline: 'none' }}>
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />
          </div>
        ) : null}
        {children}
      </Form>
    </form>
  );
}

export interface FieldInputProps {
  id: string;
  'data-testid': string;
  /** Set when the field has a length limit: antd's Input and TextArea show it (and never cut text off). */
  count?: { show: (info: { count: number }) => ReactNode; max: number };
}

/** The characters typed against the limit, once they matter: always for long texts, from 80 % on for short ones. */
function countDisplay(max: number) {
  return ({ count }: { count: number }) =>
    max >= 100 || count >= max * 0.8 ? (
      <span data-testid="char-count" style={count > max ? { color: '#ff4d4f' } : undefined}>
        {count} / {max}
      </span>
    ) : null;
}

/**
 * One field: a Controller around an antd input inside a Form.Item, with the (translated)
 * error under it. `children` renders the input from the field binding and the id/test id.
 *
 * `max`: the schema's length limit. Text over it is never cut off (no `maxLength`, which silently
 * drops the end of a paste); the count shows and the field says at once that it is too long — the
 * schema refuses it on submit with the same words.
 */
export function Field<T extends FieldValues, N extends FieldPath<T>>({
  control,
  name,
  label,
  required,
  extra,
  children,
  idPrefix = 'f',
  max,
}: {
  control: Control<T>;
  name: N;
  label?: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  idPrefix?: string;
  max?: number;
  children: (field: ControllerRenderProps<T, N>, props: FieldInputProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  const props: FieldInputProps = { id, 'data-testid': `field-${name}` };
  if (max !== undefined) props.count = { show: countDisplay(max), max };
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const tooLong = max !== undefined && typeof field.value === 'string' && field.value.length > max;
        const message = fieldState.error ? translateMessage(t, fieldState.error.message) : tooLong ? t('v.tooLong', { max }) : null;
        return (
          <Form.Item
            label={label}
            required={required}
            htmlFor={id}
            validateStatus={message ? 'error' : undefined}
            help={message ? <span data-testid={`error-${name}`}>{message}</span> : undefined}
            extra={extra}
          >
            {children(field, props)}
          </Form.Item>
        );
      }}
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

/**
 * A field's choice as a row of buttons (a button-style Radio.Group) bound to the field; `onPicked` runs after
 * the field takes the value picked.
 */
export function ButtonChoice<V extends string | boolean>({
  field,
  props,
  options,
  solid,
  onPicked,
}: {
  field: { value: unknown; onChange: (v: V) => void };
  props: FieldInputProps;
  options: Array<{ value: V; label: ReactNode }>;
  solid?: boolean;
  onPicked?: (v: V) => void;
}) {
  return (
    <Radio.Group
      id={props.id}
      data-testid={props['data-testid']}
      optionType="button"
      buttonStyle={solid ? 'solid' : undefined}
      value={field.value}
      onChange={(e) => {
        const v = e.target.value as V;
        field.onChange(v);
        onPicked?.(v);
      }}
      options={options}
    />
  );
}
