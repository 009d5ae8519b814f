import { Select, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RectificationState, RegisterStatus } from '../../../../shared/workflows/move-in/rules';
import type { NoticeBatch } from '../../../../shared/workflows/move-in/schema';
import { formatDateTime, formatInt } from '../../components/format';
import { useQuery } from '../../components/use-query';

/** Read a sheet for a preview channel (shared with Import): re-exported for this feature's pages. */
export { readBase64 } from '../../components/sheet-upload';

/** A template code (an area, an item, a kind of key, a meter) in words; a site's own code as typed. */
export const codeText = (t: TFunction, group: 'area' | 'item' | 'key' | 'meter', code: string): string => t(`moveinLists.${group}.${code}`, { defaultValue: code });

/** "Kitchen · Plumbing": where a defect is. */
export const whatText = (t: TFunction, area: string, item: string): string => `${codeText(t, 'area', area)} · ${codeText(t, 'item', item)}`;

/** A message key from the host (with its params) in words; an unknown key as it came. */
export const issueText = (t: TFunction, i: { code: string; params?: Record<string, string | number> }): string => t(i.code, { ...(i.params ?? {}), defaultValue: i.code });

const RECT_COLORS: Record<RectificationState, string> = { open: 'orange', fixed: 'blue', accepted: 'green' };
export function RectStateTag({ state, overdue }: { state: RectificationState; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={overdue ? 'red' : RECT_COLORS[state]} data-testid="rect-state" data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`movein.rectState.${state}`)}
    </Tag>
  );
}

export const REGISTER_COLORS: Record<RegisterStatus, string> = { handed_over: 'green', not_handed_over: 'red', in_progress: 'blue', waiting: 'gold', no_notice: 'default' };
export function RegisterStatusTag({ status }: { status: RegisterStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REGISTER_COLORS[status]} data-testid="register-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`movein.register.${status}`)}
    </Tag>
  );
}

/** The imported batches of notices (moveIn.batches: every committed batch, newest first, with its counts). */
export function useNoticeBatches() {
  const all = useQuery('moveIn.batches', {});
  return { batches: all.data ?? [], loading: all.loading, error: all.error, reload: all.reload };
}

/**
 * Picks a batch of notices by its name (type to filter); each option says when it was imported and its counts
 * (notices, waiting, handed over), so two batches of the same tower are told apart.
 */
export function BatchSelect({
  batches,
  loading,
  value,
  onChange,
  placeholder,
  allowClear,
  testId,
  width = 260,
}: {
  batches: NoticeBatch[];
  loading?: boolean;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  placeholder: string;
  allowClear?: boolean;
  testId: string;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width }}
      popupMatchSelectWidth={Math.max(width, 340)}
      loading={loading}
      placeholder={placeholder}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      notFoundContent={t('moveinLists.batches.none')}
      options={batches.map((b) => ({ value: b.id, label: b.name, batch: b }))}
      optionRender={(o) => {
        const b = (o.data as { batch: NoticeBatch }).batch;
        return (
          <div data-testid="batch-option" data-batch={b.id} data-notices={b.notices} style={{ lineHeight: 1.35, padding: '2px 0' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <strong style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{b.name}</strong>
              <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, whiteSpace: 'nowrap' }}>{t('moveinLists.batches.importedAt', { time: formatDateTime(b.importedAt) })}</span>
            </div>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }} data-testid="batch-option-counts">
              {t('moveinLists.batches.counts', { notices: formatInt(b.notices), waiting: formatInt(b.waiting), handedOver: formatInt(b.handedOver) })}
            </div>
          </div>
        );
      }}
      data-testid={testId}
    />
  );
}
