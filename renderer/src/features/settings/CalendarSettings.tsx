import { useState } from 'react';
import { Alert, Button, Card, Col, Divider, Form, Row, Select, Space, Switch, Tag, TimePicker, Typography } from 'antd';
import { CheckCircleOutlined, CloseOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { isYearKnown, officialYears, toggleOverride, type CalendarOverrides, type OfficeHours } from '../../../../shared/kernel/deadlines';
import { SettingsSchema, type Settings } from '../../../../shared/master/schema';
import { applyFieldErrors, errorText, invoke, translateMessage } from '../../api';
import { Field, FormShell } from '../../components/form';
import { SaveFooter } from '../../components/form-actions';
import { CalendarLegend, YearCalendar } from './YearCalendar';

/** The part of the settings this card edits; the site form sends the rest, so neither overwrites the other. */
export const CalendarSettingsSchema = SettingsSchema.pick({ calendarOverrides: true, officeHours: true });
export const CALENDAR_SETTING_KEYS = ['calendarOverrides', 'officeHours'] as const;

const DEFAULT_LUNCH = { start: '12:00', end: '13:30' };

/** A 'HH:mm' string edited with antd's time picker (typed or picked). */
export function TimeInput({ value, onChange, onBlur, id, disabled, ...rest }: { value: string | undefined; onChange: (v: string) => void; onBlur?: () => void; id?: string; disabled?: boolean; 'data-testid'?: string }) {
  const m = /^(\d{2}):(\d{2})$/.exec(value ?? '');
  const d = m ? dayjs().hour(Number(m[1])).minute(Number(m[2])).second(0) : null;
  return (
    <TimePicker
      id={id}
      data-testid={rest['data-testid']}
      format="HH:mm"
      needConfirm={false}
      allowClear={false}
      disabled={disabled}
      placeholder="HH:MM"
      style={{ width: '100%' }}
      value={d}
      onChange={(v) => onChange(v ? v.format('HH:mm') : '')}
      onBlur={onBlur}
    />
  );
}

function localToday(): string {
  return dayjs().format('YYYY-MM-DD');
}

/**
 * Settings › Working-day calendar (convention 13): a year's calendar as deadlines see it — weekends,
 * the official holidays and make-up working days, the manager's own additions — where a click toggles
 * a day; the flag and confirmation for a year whose official schedule is not in the data; office hours.
 */
export function CalendarSettingsCard({ settings, initialYear, onSaved }: { settings: Settings; initialYear?: number; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const today = localToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(initialYear ?? thisYear);
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError, setValue, getValues, reset } = useForm({
    resolver: zodResolver(CalendarSettingsSchema),
    defaultValues: { calendarOverrides: settings.calendarOverrides, officeHours: settings.officeHours },
  });
  const overrides = useWatch({ control, name: 'calendarOverrides' }) as CalendarOverrides;
  const lunch = useWatch({ control, name: 'officeHours.lunch' });
  const listError = formState.errors.calendarOverrides?.workdays?.message ?? formState.errors.calendarOverrides?.holidays?.message;
  const lunchError = formState.errors.officeHours?.lunch?.message;

  const years = (() => {
    const official = officialYears();
    const last = Math.max(thisYear + 3, official.at(-1)! + 2, year);
    const first = Math.min(official[0], year);
    return Array.from({ length: last - first + 1 }, (_, i) => last - i);
  })();
  const officiallyKnown = isYearKnown(year);
  const confirmed = !officiallyKnown && overrides.confirmedYears.includes(year);
  const status = officiallyKnown ? 'official' : confirmed ? 'confirmed' : 'estimated';

  const setOverrides = (next: CalendarOverrides) => setValue('calendarOverrides', next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  const setConfirmed = (on: boolean) =>
    setOverrides({ ...overrides, confirmedYears: on ? [...new Set([...overrides.confirmedYears, year])].sort((a, b) => a - b) : overrides.confirmedYears.filter((y) => y !== year) });

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = await invoke('settings.update', values);
      reset({ calendarOverrides: saved.calendarOverrides, officeHours: saved.officeHours });
      onSaved(saved);
    } catch (e) {
      const fields = ['calendarOverrides.holidays', 'calendarOverrides.workdays', 'officeHours.start', 'officeHours.end', 'officeHours.lunch', 'officeHours.lunch.start', 'officeHours.lunch.end'];
      if (!applyFieldErrors(e, setFieldError, { fields })) setError(errorText(t, e));
    }
  });

  const additions = (list: readonly string[], testId: string) =>
    list.length ? (
      <Space size={[4, 4]} wrap data-testid={testId}>
        {list.map((d) => (
          <Tag key={d} style={{ marginInlineEnd: 0, paddingInlineEnd: 0 }}>
            <Button type="link" size="small" style={{ padding: 0, height: 20 }} onClick={() => setYear(Number(d.slice(0, 4)))}>
              {d}
            </Button>
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined style={{ fontSize: 10 }} />}
              aria-label={t('settings.calendar.remove', { date: d })}
              title={t('settings.calendar.remove', { date: d })}
              style={{ height: 20, width: 20 }}
              onClick={() => setOverrides(toggleOverride(overrides, d))}
              data-testid="remove-addition"
            />
          </Tag>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">{t('settings.calendar.none')}</Typography.Text>
    );

  return (
    <Card title={t('settings.calendar.title')} id="calendar-settings" style={{ marginTop: 16, scrollMarginTop: 72 }} data-testid="calendar-card">
      <FormShell onSubmit={submit} error={error} testId="calendar-form">
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('settings.calendar.intro')}
        </Typography.Paragraph>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 12 }}>
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label={t('settings.calendar.prevYear')} title={t('settings.calendar.prevYear')} onClick={() => setYear((y) => y - 1)} data-testid="calendar-prev-year" />
            <Select
              aria-label={t('settings.calendar.year')}
              value={year}
              onChange={setYear}
              style={{ width: 100 }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              data-testid="calendar-year"
            />
            <Button icon={<RightOutlined />} aria-label={t('settings.calendar.nextYear')} title={t('settings.calendar.nextYear')} onClick={() => setYear((y) => y + 1)} data-testid="calendar-next-year" />
          </Space.Compact>
          {status === 'official' ? (
            <Tag color="success" icon={<CheckCircleOutlined />} data-testid="calendar-status" data-status={status}>
              {t('settings.calendar.known', { year })}
            </Tag>
          ) : null}
        </div>
        {status === 'estimated' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="calendar-status"
            data-status={status}
            title={t('settings.calendar.unknown', { year })}
            description={t('settings.calendar.unknownHint')}
            action={
              <Button size="small" onClick={() => setConfirmed(true)} data-testid="calendar-confirm-year">
                {t('settings.calendar.confirm', { year })}
              </Button>
            }
          />
        ) : null}
        {status === 'confirmed' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="calendar-status"
            data-status={status}
            title={t('settings.calendar.confirmed', { year })}
            description={t('settings.calendar.confirmedHint', { year })}
            action={
              <Button size="small" onClick={() => setConfirmed(false)} data-testid="calendar-unconfirm-year">
                {t('settings.calendar.unconfirm')}
              </Button>
            }
          />
        ) : null}
        <div style={{ marginBottom: 12 }}>
          <CalendarLegend />
        </div>
        <YearCalendar year={year} overrides={overrides} today={today} onToggle={(d) => setOverrides(toggleOverride(overrides, d))} />
        {listError ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={translateMessage(t, listError)} data-testid="error-calendarOverrides" /> : null}
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('settings.calendar.additions')}</Typography.Text>
          <Row gutter={24} style={{ marginTop: 6 }}>
            <Col xs={24} md={12}>
              <div style={{ marginBottom: 4, color: 'rgba(0,0,0,0.65)' }}>{t('settings.calendar.ownHolidays')}</div>
              {additions(overrides.holidays, 'own-holidays')}
            </Col>
            <Col xs={24} md={12}>
              <div style={{ marginBottom: 4, color: 'rgba(0,0,0,0.65)' }}>{t('settings.calendar.ownWorkdays')}</div>
              {additions(overrides.workdays, 'own-workdays')}
            </Col>
          </Row>
        </div>
        <Divider titlePlacement="start" style={{ margin: '20px 0 4px' }}>
          {t('settings.calendar.officeHours')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('settings.calendar.officeHoursHint')}</Typography.Paragraph>
        <Row gutter={16} align="top">
          <Col xs={12} md={5}>
            <Field control={control} name="officeHours.start" label={t('settings.calendar.opens')} required>
              {(field, p) => <TimeInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            </Field>
          </Col>
          <Col xs={12} md={5}>
            <Field control={control} name="officeHours.end" label={t('settings.calendar.closes')} required>
              {(field, p) => <TimeInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            </Field>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={t('settings.calendar.lunch')} htmlFor="f-lunch-switch">
              <Switch
                id="f-lunch-switch"
                checked={!!lunch}
                data-testid="field-lunch"
                onChange={(on) => {
                  const { start, end } = getValues('officeHours') as OfficeHours;
                  setValue('officeHours', on ? { start, end, lunch: DEFAULT_LUNCH } : { start, end }, { shouldDirty: true, shouldValidate: formState.isSubmitted });
                }}
              />
              <span style={{ marginInlineStart: 8, color: 'rgba(0,0,0,0.45)' }}>{lunch ? null : t('settings.calendar.noLunch')}</span>
            </Form.Item>
          </Col>
          {lunch ? (
            <>
              <Col xs={12} md={5}>
                <Field control={control} name="officeHours.lunch.start" label={t('settings.calendar.lunchFrom')} required>
                  {(field, p) => <TimeInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
                </Field>
              </Col>
              <Col xs={12} md={5}>
                <Field control={control} name="officeHours.lunch.end" label={t('settings.calendar.lunchTo')} required>
                  {(field, p) => <TimeInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
                </Field>
              </Col>
            </>
          ) : null}
        </Row>
        {lunchError ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={translateMessage(t, lunchError)} data-testid="error-officeHours.lunch" /> : null}
        <SaveFooter dirty={formState.isDirty} submitting={formState.isSubmitting} unsavedText={t('settings.calendar.unsaved')} testId="calendar" dividerMargin="8px 0 16px" />
      </FormShell>
    </Card>
  );
}
