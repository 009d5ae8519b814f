import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addCalendarDays, type CalendarOverrides, type DayInfo, type DayReason, weekday, yearCalendar } from '../../../../shared/kernel/deadlines';

/** How each kind of day looks; the legend shows the same swatches. */
export const DAY_LOOK: Record<DayReason, { background: string; color: string; border: string; mark?: 'holiday' | 'workday' }> = {
  weekday: { background: '#ffffff', color: 'rgba(0,0,0,0.85)', border: '1px solid #f0f0f0' },
  weekend: { background: '#f0f0f0', color: 'rgba(0,0,0,0.45)', border: '1px solid #f0f0f0' },
  holiday: { background: '#fff1f0', color: '#cf1322', border: '1px solid #ffccc7', mark: 'holiday' },
  'makeup-workday': { background: '#fff7e6', color: '#ad4e00', border: '1px solid #ffd591', mark: 'workday' },
  'override-holiday': { background: '#f9f0ff', color: '#531dab', border: '2px solid #722ed1', mark: 'holiday' },
  'override-workday': { background: '#e6f4ff', color: '#003eb3', border: '2px solid #1677ff', mark: 'workday' },
};

export const REASON_KEY: Record<DayReason, string> = {
  weekday: 'weekday',
  weekend: 'weekend',
  holiday: 'holiday',
  'makeup-workday': 'makeupWorkday',
  'override-holiday': 'overrideHoliday',
  'override-workday': 'overrideWorkday',
};

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

// Inline styles cannot say :hover or :focus-visible. The focus ring is dark, not blue: the manager's own
// working day already has a blue border.
const CSS = `
.fd-cal-day { position: relative; width: 100%; height: 30px; padding: 0; border-radius: 4px; font-size: 12px; line-height: 1; cursor: pointer; font-variant-numeric: tabular-nums; }
.fd-cal-day:hover { filter: brightness(0.94); }
.fd-cal-day:focus-visible { outline: 2px solid #262626; outline-offset: 1px; z-index: 1; }
.fd-cal-day .fd-cal-mark { position: absolute; top: 1px; right: 2px; font-size: 9px; font-weight: 600; }
.fd-cal-day[data-today='true'] { font-weight: 700; text-decoration: underline; text-underline-offset: 2px; }
.fd-cal-month th { font-weight: 400; font-size: 11px; color: rgba(0,0,0,0.45); padding: 2px 0; }
.fd-cal-month td { padding: 1px; }
`;

/** A day's full description, for its tooltip and screen readers. */
export function useDayLabel() {
  const { t, i18n } = useTranslation();
  return (d: DayInfo) => {
    const name = d.name ? ` · ${i18n.language === 'zh-CN' ? d.name : (d.nameEn ?? d.name)}` : '';
    const action = d.reason.startsWith('override-') ? t('settings.calendar.undo') : d.working ? t('settings.calendar.makeHoliday') : t('settings.calendar.makeWorkday');
    return `${d.date} · ${t(`settings.calendar.reason.${REASON_KEY[d.reason]}`)}${name} — ${action}`;
  };
}

function monthTitle(lang: string, year: number, month: number): string {
  // zh: 10月; en: October.
  return new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { month: lang === 'zh-CN' ? 'short' : 'long', timeZone: 'UTC' }).format(Date.UTC(year, month, 1));
}

/** Same day of the month `delta` months away, clamped to that month's length and to the year. */
function shiftMonth(date: string, delta: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + delta;
  if (m < 0 || m > 11) return date;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(Number(date.slice(8, 10)), last);
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The twelve months of `year`, weeks from Monday as on Chinese calendars. One day at a time is in the
 * tab order (a roving tabindex): arrows move by day and week, Page Up/Down by month, Home/End to the
 * week's ends, Enter or Space toggles the day.
 */
export function YearCalendar({
  year,
  overrides,
  today,
  onToggle,
}: {
  year: number;
  overrides: CalendarOverrides;
  today: string;
  onToggle: (date: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const label = useDayLabel();
  const cal = useMemo(() => yearCalendar(year, overrides), [year, overrides]);
  const byDate = useMemo(() => new Map(cal.days.map((d) => [d.date, d])), [cal]);
  const [focused, setFocused] = useState(() => (today.startsWith(`${year}-`) ? today : `${year}-01-01`));
  const moved = useRef(false);
  const refs = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (!focused.startsWith(`${year}-`)) setFocused(today.startsWith(`${year}-`) ? today : `${year}-01-01`);
  }, [year, today, focused]);

  useEffect(() => {
    // Only after a key moved it: opening the page must not steal the focus.
    if (moved.current) refs.current.get(focused)?.focus();
    moved.current = false;
  }, [focused]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, date: string) => {
    const wd = (weekday(date) + 6) % 7; // 0 = Monday
    const target: Record<string, () => string> = {
      ArrowLeft: () => addCalendarDays(date, -1),
      ArrowRight: () => addCalendarDays(date, 1),
      ArrowUp: () => addCalendarDays(date, -7),
      ArrowDown: () => addCalendarDays(date, 7),
      Home: () => addCalendarDays(date, -wd),
      End: () => addCalendarDays(date, 6 - wd),
      PageUp: () => shiftMonth(date, -1),
      PageDown: () => shiftMonth(date, 1),
    };
    const go = target[e.key];
    if (!go) return;
    e.preventDefault();
    const next = go();
    if (!next.startsWith(`${year}-`)) return;
    moved.current = true;
    setFocused(next);
  };

  const months = Array.from({ length: 12 }, (_, m) => {
    const first = `${year}-${String(m + 1).padStart(2, '0')}-01`;
    const offset = (weekday(first) + 6) % 7;
    const length = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    const cells: (DayInfo | null)[] = [...Array<null>(offset).fill(null)];
    for (let d = 1; d <= length; d++) cells.push(byDate.get(`${first.slice(0, 8)}${String(d).padStart(2, '0')}`)!);
    while (cells.length % 7) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    return { m, title: monthTitle(i18n.language, year, m), weeks };
  });

  return (
    <div data-testid="year-calendar" data-year={year} data-known={cal.known}>
      <style>{CSS}</style>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(232px, 1fr))', gap: '12px 20px' }}>
        {months.map(({ m, title, weeks }) => (
          <table key={m} className="fd-cal-month" style={{ width: '100%', borderCollapse: 'separate', tableLayout: 'fixed', alignSelf: 'start' }} aria-label={`${year} ${title}`}>
            <caption style={{ textAlign: 'left', fontWeight: 600, padding: '0 0 4px 2px', color: 'rgba(0,0,0,0.85)' }}>{title}</caption>
            <thead>
              <tr>
                {WEEKDAY_KEYS.map((k) => (
                  <th key={k} scope="col">
                    {t(`settings.calendar.wd.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, w) => (
                <tr key={w}>
                  {week.map((d, i) => {
                    if (!d) return <td key={i} />;
                    const look = DAY_LOOK[d.reason];
                    const text = label(d);
                    return (
                      <td key={d.date}>
                        <button
                          type="button"
                          ref={(el) => {
                            if (el) refs.current.set(d.date, el);
                            else refs.current.delete(d.date);
                          }}
                          className="fd-cal-day"
                          style={{ background: look.background, color: look.color, border: look.border }}
                          tabIndex={d.date === focused ? 0 : -1}
                          title={text}
                          aria-label={text}
                          data-testid="cal-day"
                          data-date={d.date}
                          data-reason={d.reason}
                          data-today={d.date === today ? 'true' : undefined}
                          onFocus={() => setFocused(d.date)}
                          onKeyDown={(e) => onKeyDown(e, d.date)}
                          onClick={() => {
                            setFocused(d.date);
                            onToggle(d.date);
                          }}
                        >
                          {Number(d.date.slice(8))}
                          {look.mark ? (
                            <span className="fd-cal-mark" aria-hidden>
                              {t(`settings.calendar.mark.${look.mark}`)}
                            </span>
                          ) : null}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}

/** The swatches, each with its name. */
export function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <div role="list" aria-label={t('settings.calendar.legend')} data-testid="calendar-legend" style={{ display: 'flex', flexWrap: 'wrap', gap: '6px 16px', fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
      {(Object.keys(DAY_LOOK) as DayReason[]).map((r) => {
        const look = DAY_LOOK[r];
        return (
          <span key={r} role="listitem" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }} data-testid={`legend-${r}`}>
            <span
              aria-hidden
              style={{ position: 'relative', display: 'inline-block', width: 22, height: 18, borderRadius: 4, background: look.background, border: look.border, color: look.color, boxSizing: 'border-box' }}
            >
              {look.mark ? <span style={{ position: 'absolute', top: 0, right: 2, fontSize: 9, fontWeight: 600, lineHeight: 1.2 }}>{t(`settings.calendar.mark.${look.mark}`)}</span> : null}
            </span>
            {t(`settings.calendar.reason.${REASON_KEY[r]}`)}
          </span>
        );
      })}
    </div>
  );
}
