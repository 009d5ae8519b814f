import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RectificationState, RegisterStatus } from '../../../../shared/workflows/move-in/rules';

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

/** A file's content as base64 (no data: prefix), for a preview channel. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
