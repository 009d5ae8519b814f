import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Tag } from 'antd';
import type { InputRef } from 'antd';
import { HomeOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/master/schema';
import { invoke } from '../api';
import { useUiStore } from '../stores/use-ui-store';

const DEBOUNCE_MS = 120;

/** The box at the top: unit code, name, pinyin initials or the last digits of a phone. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
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
      setSearched(false);
      return;
    }
    const timer = window.setTimeout(() => {
      invoke('search.global', { q: q.slice(0, 50) }).then(
        (r) => {
          if (mine === seq.current) {
            setHits(r);
            setSearched(true);
          }
        },
        () => {
          if (mine === seq.current) {
            setHits([]);
            setSearched(true);
          }
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const go = (value: string) => {
    const hit = hits.find((h) => `${h.kind}:${h.id}` === value);
    if (!hit) return;
    navigate(hit.kind === 'unit' ? `/units/${hit.id}` : `/people/${hit.id}`);
    setText('');
    setHits([]);
    inputRef.current?.blur();
  };

  return (
    <AutoComplete
      style={{ width: '100%', maxWidth: 460 }}
      value={text}
      onChange={(v) => setText(v)}
      onSelect={go}
      defaultActiveFirstOption
      popupMatchSelectWidth={460}
      notFoundContent={searched && text.trim() ? <span data-testid="search-empty">{t('search.noResults')}</span> : null}
      options={hits.map((h) => ({
        value: `${h.kind}:${h.id}`,
        label: (
          <div data-testid="search-hit" data-kind={h.kind} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {h.kind === 'unit' ? <HomeOutlined style={{ color: '#1668dc' }} /> : <UserOutlined style={{ color: '#389e0d' }} />}
            <span style={{ fontWeight: 500 }}>{h.title}</span>
            {h.subtitle ? <span style={{ color: 'rgba(0,0,0,0.45)', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{h.subtitle}</span> : null}
            <span style={{ marginLeft: 'auto' }}>
              <Tag style={{ marginInlineEnd: 0 }}>{t(h.kind === 'unit' ? 'search.kindUnit' : 'search.kindPerson')}</Tag>
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
          if (e.key === 'Escape') {
            setText('');
            inputRef.current?.blur();
          }
        }}
      />
    </AutoComplete>
  );
}
