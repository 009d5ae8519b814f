import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Tag } from 'antd';
import type { InputRef } from 'antd';
import { BarChartOutlined, FileDoneOutlined, FormatPainterOutlined, HomeOutlined, IdcardOutlined, KeyOutlined, LoginOutlined, PhoneOutlined, SearchOutlined, ToolOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { parseRecordNumber } from '../../../shared/kernel/record-number';
import type { SearchHit } from '../../../shared/master/schema';
import type { SlipState } from '../../../shared/workflows/slips/rules';
import type { RepairState } from '../../../shared/workflows/repairs/rules';
import type { CallbackState } from '../../../shared/workflows/callbacks/rules';
import { invoke } from '../api';
import { useUiStore } from '../stores/use-ui-store';

const DEBOUNCE_MS = 120;

const pathOf = (hit: SearchHit) => hit.route ?? (hit.kind === 'unit' ? `/units/${hit.id}` : hit.kind === 'slip' ? `/slips/${hit.id}` : `/people/${hit.id}`);

const KIND = {
  unit: { icon: <HomeOutlined style={{ color: '#1668dc' }} />, label: 'search.kindUnit' },
  person: { icon: <UserOutlined style={{ color: '#389e0d' }} />, label: 'search.kindPerson' },
  slip: { icon: <FileDoneOutlined style={{ color: '#d46b08' }} />, label: 'search.kindSlip' },
  report: { icon: <BarChartOutlined style={{ color: '#722ed1' }} />, label: 'search.kindReport' },
  repair: { icon: <ToolOutlined style={{ color: '#cf1322' }} />, label: 'repair.record' },
  callback: { icon: <PhoneOutlined style={{ color: '#08979c' }} />, label: 'callback.record' },
  decoration: { icon: <FormatPainterOutlined style={{ color: '#c41d7f' }} />, label: 'decoration.record' },
  pass: { icon: <IdcardOutlined style={{ color: '#c41d7f' }} />, label: 'decoration.passRecord' },
  'move-in': { icon: <KeyOutlined style={{ color: '#0958d9' }} />, label: 'movein.record' },
  'moving-in': { icon: <LoginOutlined style={{ color: '#0958d9' }} />, label: 'movein.movingInRecord' },
} as const;

/**
 * The box at the top: unit code, name, pinyin initials or the last digits of a phone — or a record number
 * (FX-2026-000016, typed or scanned from the printed QR code): Enter on a number that names one record opens it
 * at once, even before the debounced search has answered (a scanner types the number and Enter within milliseconds).
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  /** The query `hits` answer (they lag the text by the debounce). */
  const [hitsFor, setHitsFor] = useState<string | null>(null);
  /** The text as of the last keystroke, emptied at once when a hit is opened (state lags within one key event). */
  const textRef = useRef('');
  const [searched, setSearched] = useState(false);
  const inputRef = useRef<InputRef>(null);
  const seq = useRef(0);
  const tick = useUiStore((s) => s.searchFocusTick);
  // The box is emptied when a hit is chosen or on Escape — not on every navigation: text typed right
  // after clicking a menu item, while that page is still loading, must not be wiped when it appears.

  useEffect(() => {
    if (tick > 0) {
      inputRef.current?.focus();
      inputRef.current?.select?.();
    }
  }, [tick]);

  useEffect(() => {
    const q = text.trim();
    const mine = ++seq.current;
    if (!q) {
      setHits([]);
      setHitsFor(null);
      setSearched(false);
      return;
    }
    const timer = window.setTimeout(() => {
      invoke('search.global', { q: q.slice(0, 50) }).then(
        (r) => {
          if (mine === seq.current) {
            setHits(r);
            setHitsFor(q);
            setSearched(true);
          }
        },
        () => {
          if (mine === seq.current) {
            setHits([]);
            setHitsFor(q);
            setSearched(true);
          }
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const open = (hit: SearchHit) => {
    navigate(pathOf(hit));
    textRef.current = '';
    seq.current++;
    setText('');
    setHits([]);
    setHitsFor(null);
    inputRef.current?.blur();
  };

  const go = (value: string) => {
    // Already opened by the Enter below (the list's own Enter handling runs after it, in the same key event).
    if (!textRef.current.trim()) return;
    const hit = hits.find((h) => `${h.kind}:${h.id}` === value);
    if (hit) open(hit);
  };

  /** A record hit's state, in words (units, people and reports have none). */
  const stateLabel = (h: SearchHit): string | null =>
    h.kind === 'slip'
      ? t(`enum.slipState.${h.state as SlipState}`)
      : h.kind === 'repair'
        ? t(`repair.state.${h.state as RepairState}`)
        : h.kind === 'callback'
          ? t(`callback.state.${h.state as CallbackState}`)
          : null;

  const q = text.trim();
  const isNumber = !!parseRecordNumber(q);
  // For a record number, hits of a shorter prefix (FX-2026-00001 while typing …016) are not offered for Enter.
  const shown = isNumber && hitsFor !== q ? [] : hits;

  /** Enter on a record number: open the one record it names, asking the host now if the debounced answer is not in yet. */
  const enterNumber = () => {
    const typed = textRef.current.trim();
    if (!typed || !parseRecordNumber(typed)) return;
    if (hitsFor === typed) {
      if (hits.length === 1) open(hits[0]);
      return;
    }
    const mine = ++seq.current;
    invoke('search.global', { q: typed.slice(0, 50) }).then(
      (r) => {
        if (mine !== seq.current || textRef.current.trim() !== typed) return;
        if (r.length === 1) return open(r[0]);
        setHits(r);
        setHitsFor(typed);
        setSearched(true);
      },
      () => {
        if (mine !== seq.current) return;
        setHits([]);
        setHitsFor(typed);
        setSearched(true);
      },
    );
  };

  return (
    <AutoComplete
      style={{ width: '100%', maxWidth: 460 }}
      value={text}
      onChange={(v) => {
        textRef.current = v;
        setText(v);
      }}
      onSelect={go}
      defaultActiveFirstOption
      popupMatchSelectWidth={460}
      notFoundContent={searched && q && !(isNumber && hitsFor !== q) ? <span data-testid="search-empty">{t('search.noResults')}</span> : null}
      options={shown.map((h) => ({
        value: `${h.kind}:${h.id}`,
        label: (
          <div data-testid="search-hit" data-kind={h.kind} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {KIND[h.kind].icon}
            <span style={{ fontWeight: 500 }}>{h.title}</span>
            {h.subtitle || h.state ? (
              <span style={{ color: 'rgba(0,0,0,0.45)', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {[h.subtitle, h.state ? stateLabel(h) : null, h.revision ? t('search.revision', { n: h.revision }) : null].filter(Boolean).join(' · ')}
              </span>
            ) : null}
            <span style={{ marginLeft: 'auto' }}>
              <Tag style={{ marginInlineEnd: 0 }}>{t(KIND[h.kind].label)}</Tag>
            </span>
          </div>
        ),
      }))}
    >
      <Input
        ref={inputRef}
        data-testid="global-search"
        prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
        placeholder={t('search.placeholder')}
        allowClear
        maxLength={50}
        onKeyDown={(e) => {
          if (e.key === 'Enter') enterNumber();
          if (e.key === 'Escape') {
            textRef.current = '';
            setText('');
            inputRef.current?.blur();
          }
        }}
      />
    </AutoComplete>
  );
}
