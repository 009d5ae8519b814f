import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MoveInState, MoveInStep } from '../../../../shared/workflows/move-in/rules';
import { ApiError, errorText, isApiError } from '../../api';
import { mono, muted } from '../../components/format';

export { mono, muted };

type Translate = (key: string, options?: Record<string, unknown>) => string;

const STATE_COLORS: Record<MoveInState, string> = { open: 'blue', not_handed_over: 'orange', handed_over: 'green', voided: 'default' };

export function MoveInStateTag({ state, testId }: { state: MoveInState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId ?? 'move-in-state-tag'} data-state={state} style={state === 'voided' ? { textDecoration: 'line-through' } : undefined}>
      {t(`movein.state.${state}`)}
    </Tag>
  );
}

/** The step's name, numbered as on the 入伙流程表 (1 核实身份 … 8). */
export const stepLabel = (t: Translate, step: MoveInStep) => t(`movein.step.${step}`);

/** A key kind, an inspection area or item, a meter of the settings: their names (the code itself when a site added its own). */
export const keyLabel = (t: Translate, kind: string) => t(`moveinUi.key.${kind}`, { defaultValue: kind });
export const areaLabel = (t: Translate, area: string) => t(`moveinUi.area.${area}`, { defaultValue: area });
export const itemLabel = (t: Translate, item: string) => t(`moveinUi.item.${item}`, { defaultValue: item });
export const meterLabel = (t: Translate, kind: string) => t(`moveinUi.meter.${kind}`, { defaultValue: kind });

/**
 * The host's refusal in words: like errorText, with the occupancy state (`notNotHandedOver`) and the step due
 * (`why.order`) the host names by code said in the language of the screen.
 */
export function moveInErrorText(t: Translate, e: unknown): string {
  if (isApiError(e) && e.params) {
    const p: Record<string, string | number> = { ...e.params };
    if (typeof p.state === 'string') p.state = t(`enum.state.${p.state}`, { defaultValue: p.state });
    if (typeof p.step === 'string' && p.step) p.step = t(`movein.step.${p.step}`, { defaultValue: p.step });
    return errorText(t, new ApiError(e.channel, { code: e.code, message: e.message, params: p, fieldErrors: e.fieldErrors }));
  }
  return errorText(t, e);
}
