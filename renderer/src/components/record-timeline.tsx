import { Card, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../shared/kernel/records';
import { formatDateTime } from './format';

/** A timeline step's detail as an object (its JSON; anything else reads as empty). */
export function eventData(detail: string | null): Record<string, unknown> {
  if (!detail) return {};
  try {
    const v = JSON.parse(detail) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** How a kind of record reads its own steps; the kit's steps (void, print, reprint) get a colour by default. */
export interface TimelineReader {
  /** The step's name, e.g. t(`slip.action.${action}`). */
  label(action: string): string;
  /** One readable line for the step's detail, or ''. */
  detail(action: string, data: Record<string, unknown>): string;
  color?(action: string, data: Record<string, unknown>): string | undefined;
}

const KIT_COLORS: Record<string, string> = { void: 'gray', print: 'blue', reprint: 'blue' };

/**
 * "Who did what when" on any record's page, the same way for every kind (ARCHITECTURE.md convention 12):
 * the step, its time and its user, and one line of detail, oldest first.
 */
export function RecordTimeline({ entries, reader, title }: { entries: readonly TimelineEntry[]; reader: TimelineReader; title?: string }) {
  const { t } = useTranslation();
  return (
    <Card title={title ?? t('record.timeline')} data-testid="timeline">
      <Timeline
        items={entries.map((e, i) => {
          const data = eventData(e.detail);
          const detail = reader.detail(e.action, data);
          return {
            key: `${e.at}-${i}`,
            color: reader.color?.(e.action, data) ?? KIT_COLORS[e.action] ?? 'blue',
            content: (
              <div data-testid="timeline-item" data-action={e.action}>
                <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline' }}>
                  <strong>{reader.label(e.action)}</strong>
                  <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
                    {formatDateTime(e.at)} · {e.userName ?? t('audit.system')}
                  </span>
                </div>
                {detail ? <div style={{ color: 'rgba(0,0,0,0.65)' }}>{detail}</div> : null}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
