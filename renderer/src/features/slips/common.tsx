import { useEffect, useRef, useState } from 'react';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlipNature, SlipState } from '../../../../shared/workflows/slips/rules';
import type { UnitRow } from '../../../../shared/master/schema';
import { invoke } from '../../api';
import { mono } from '../../components/format';

export { mono };

/** Common units of count offered for an item line, in the language of the UI (free text is allowed too); the first is the default. */
export const UNITS_OF_COUNT: Record<'zh-CN' | 'en', readonly string[]> = {
  'zh-CN': ['件', '台', '张', '个', '套', '箱', '袋', '把'],
  en: ['pc', 'set', 'box', 'bag', 'unit', 'pair'],
};
export const unitsOfCount = (language: string): readonly string[] => (language.startsWith('en') ? UNITS_OF_COUNT.en : UNITS_OF_COUNT['zh-CN']);

const SLIP_STATE_COLORS: Record<SlipState, string> = {
  draft: 'default',
  awaiting_verification: 'orange',
  ready_to_issue: 'blue',
  issued: 'green',
  exited: 'cyan',
  refused: 'red',
  voided: 'default',
};

export function SlipStateTag({ state, testId }: { state: SlipState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={SLIP_STATE_COLORS[state]} data-testid={testId ?? 'slip-state-tag'} data-state={state} style={state === 'voided' ? { textDecoration: 'line-through' } : undefined}>
      {t(`enum.slipState.${state}`)}
    </Tag>
  );
}

export function NatureTag({ nature, tenantMoveOut }: { nature: SlipNature; tenantMoveOut?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={nature === 'moving_out' ? 'magenta' : 'geekblue'} data-nature={nature}>
      {t(`enum.slipNature.${nature}`)}
      {tenantMoveOut ? ` · ${t('slip.tenantMoveOutShort')}` : ''}
    </Tag>
  );
}

type UnitOption = { value: string; label: string; owners: string | null };

const toOption = (u: Pick<UnitRow, 'id' | 'code' | 'ownerNames'>): UnitOption => ({ value: u.id, label: u.code, owners: u.ownerNames });

/**
 * Picks a unit by typing the start of its code (units.list `q`); each option shows the owners so the
 * clerk can check they have the right home. A preset value is looked up once to show its code.
 */
export function UnitPicker({
  value,
  onChange,
  onBlur,
  id,
  testId,
  placeholder,
  allowClear,
  autoFocus,
  style,
  status,
}: {
  value: string | undefined;
  onChange: (id: string | undefined, unit: UnitOption | undefined) => void;
  onBlur?: () => void;
  id?: string;
  testId?: string;
  placeholder?: string;
  allowClear?: boolean;
  autoFocus?: boolean;
  style?: React.CSSProperties;
  status?: 'error';
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<UnitOption[]>([]);
  const [searching, setSearching] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  // A preset unit (from the URL or a saved draft): fetch its code once.
  useEffect(() => {
    if (!value || options.some((o) => o.value === value)) return;
    let alive = true;
    invoke('units.get', { id: value })
      .then((u) => {
        if (alive) setOptions((prev) => (prev.some((o) => o.value === u.id) ? prev : [toOption(u), ...prev]));
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    const mine = ++seq.current;
    if (!q.trim()) return;
    timer.current = window.setTimeout(() => {
      setSearching(true);
      invoke('units.list', { q: q.trim(), limit: 20, offset: 0 })
        .then((r) => {
          if (mine !== seq.current) return;
          const found = r.rows.map(toOption);
          setOptions((prev) => {
            const keep = prev.filter((o) => o.value === value && !found.some((f) => f.value === o.value));
            return [...keep, ...found];
          });
        })
        .catch(() => undefined)
        .finally(() => {
          if (mine === seq.current) setSearching(false);
        });
    }, 150);
  };

  return (
    <Select
      id={id}
      data-testid={testId}
      autoFocus={autoFocus}
      allowClear={allowClear}
      status={status}
      style={style}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={searching}
      value={value || undefined}
      placeholder={placeholder ?? t('slip.unitSearch')}
      notFoundContent={searching ? null : t('slip.unitNotFound')}
      onChange={(v: string | undefined) => onChange(v, options.find((o) => o.value === v))}
      onBlur={onBlur}
      options={options.map((o) => ({
        value: o.value,
        label: o.label,
        title: o.label,
        owners: o.owners,
      }))}
      optionRender={(o) => (
        <span data-testid="unit-option" style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
          <strong>{o.data.label}</strong>
          <span style={{ color: 'rgba(0,0,0,0.45)', overflow: 'hidden', textOverflow: 'ellipsis' }}>{(o.data as { owners?: string | null }).owners ?? ''}</span>
        </span>
      )}
    />
  );
}

/** A short beep for the gate's loud refusals (best effort: no sound card, no beep). */
export function beep(kind: 'ok' | 'refusal') {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = kind === 'ok' ? 'sine' : 'square';
    osc.frequency.value = kind === 'ok' ? 880 : 220;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + (kind === 'ok' ? 0.15 : 0.6));
    osc.onended = () => void ctx.close();
  } catch {
    /* no audio: the screen says it loudly enough */
  }
}
