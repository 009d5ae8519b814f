import type { ReactNode } from 'react';
import { Button, Input, Select, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './feedback';
import { formatInt } from './format';
import { useDebouncedParam, useListParams } from './use-list-params';

/**
 * A filter text box of a list page, bound to one search param (debounced, see useDebouncedParam).
 * `pageFocus`: the page's main field, focused when a shortcut opens the page (see the Shell).
 */
export function ParamInput({
  name,
  delay,
  placeholder,
  width,
  maxLength,
  testId,
  pageFocus,
}: {
  name: string;
  delay?: number;
  placeholder: string;
  width: number;
  maxLength: number;
  testId: string;
  pageFocus?: boolean;
}) {
  const [text, setText] = useDebouncedParam(name, delay);
  return (
    <Input
      allowClear
      style={{ width }}
      placeholder={placeholder}
      value={text}
      maxLength={maxLength}
      onChange={(e) => setText(e.target.value)}
      data-testid={testId}
      {...(pageFocus ? { 'data-page-focus': '' } : {})}
    />
  );
}

/** A filter drop-down of a list page, bound to one search param (cleared: the param is removed). */
export function ParamSelect({
  name,
  width,
  placeholder,
  options,
  testId,
  searchable,
}: {
  name: string;
  width: number;
  placeholder: string;
  options: Array<{ value: string; label: string }>;
  testId: string;
  /** Type to filter the options by their label. */
  searchable?: boolean;
}) {
  const { get, update } = useListParams();
  return (
    <Select
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      style={{ width }}
      placeholder={placeholder}
      value={get(name)}
      onChange={(v: string | undefined) => update({ [name]: v })}
      options={options}
      data-testid={testId}
    />
  );
}

/** "Clear filters", shown while any filter is set. */
export function ClearFilters({ shown, onClear }: { shown: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <Button type="link" onClick={onClear} data-testid="filter-clear">
      {t('common.clearFilters')}
    </Button>
  );
}

/**
 * The header of a list page: title, the number of records (once known) and, when `onNew` is given,
 * the primary "new …" button with the Ctrl+N hint.
 */
export function ListPageHeader({
  title,
  total,
  countText,
  onNew,
  newLabel,
  newTestId,
}: {
  title: ReactNode;
  total: number | undefined;
  countText: (count: number, formatted: string) => string;
  onNew: (() => void) | null;
  newLabel: ReactNode;
  newTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={title}
      sub={total === undefined ? undefined : countText(total, formatInt(total))}
      extra={
        onNew ? (
          <Tooltip title={t('shortcut.new')}>
            <Button type="primary" icon={<PlusOutlined />} onClick={onNew} data-testid={newTestId}>
              {newLabel}
            </Button>
          </Tooltip>
        ) : null
      }
    />
  );
}
