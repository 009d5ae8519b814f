import { useCallback, useEffect, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatInt } from './format';
import { useNewRecordShortcut } from './permissions';

/** Rows per page of the server-paged list pages. */
export const LIST_PAGE_SIZE = 50;

export interface ListParams {
  params: URLSearchParams;
  /** A filter's value, `undefined` when it is not set. */
  get: (name: string) => string | undefined;
  /** Sets (or, for an empty value, removes) filters; any change but a page change goes back to page 1. */
  update: (patch: Record<string, string | undefined>) => void;
  /** Removes every filter. */
  clear: () => void;
  page: number;
  pageSize: number;
  /** `offset` of the current page for the list query. */
  offset: number;
  /** The antd Table `pagination` of a server-paged list with `total` rows. */
  pagination: (total: number) => TablePaginationConfig;
}

/**
 * The filters and page of a list page, kept in the URL search params (so Back, reload and links
 * keep them). Params are replaced, not pushed: filtering does not fill the history.
 */
export function useListParams(pageSize = LIST_PAGE_SIZE): ListParams {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const get = useCallback((name: string) => params.get(name) ?? undefined, [params]);

  const update = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!('page' in patch)) next.delete('page');
      setParams(next, { replace: true });
    },
    [params, setParams],
  );

  const clear = useCallback(() => setParams({}, { replace: true }), [setParams]);

  const pagination = useCallback(
    (total: number): TablePaginationConfig => ({
      current: page,
      pageSize,
      total,
      showSizeChanger: false,
      showTotal: (n) => t('common.total', { count: n, formatted: formatInt(n) }),
      onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
    }),
    [page, pageSize, t, update],
  );

  return { params, get, update, clear, page, pageSize, offset: (page - 1) * pageSize, pagination };
}

/**
 * A text box bound to one search param, written to the URL `delay` ms after the last keystroke
 * (trimmed; empty removes the param). When the param changes from elsewhere — "clear filters",
 * a link to the same page — the box shows the new value.
 */
export function useDebouncedParam(name: string, delay = 250): [string, (text: string) => void] {
  const { params, update } = useListParams();
  const value = params.get(name) ?? '';
  const [text, setText] = useState(value);
  // The param value the box last agreed with: a different one came from outside.
  const [synced, setSynced] = useState(value);
  if (value !== synced) {
    setSynced(value);
    if (value !== text.trim()) setText(value);
  }

  useEffect(() => {
    const next = text.trim();
    if (next === value) return;
    const timer = window.setTimeout(() => {
      setSynced(next);
      update({ [name]: next || undefined });
    }, delay);
    return () => window.clearTimeout(timer);
  }, [text, value, name, delay, update]);

  return [text, setText];
}

/**
 * The "new record" opener of a list page: Ctrl+N / Alt+N, and `?new=1` in the URL (links such as
 * Today's "add a building"), which is then removed. Pass `null` when the user may not create.
 */
export function useNewRecordOpener(open: (() => void) | null): void {
  const { params, update } = useListParams();
  useNewRecordShortcut(open);
  const wanted = params.get('new') === '1';
  useEffect(() => {
    if (wanted && open) {
      open();
      update({ new: undefined });
    }
  }, [wanted, open, update]);
}
