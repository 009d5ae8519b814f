import { Button, Col, Row, Select, Table, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { lineAmount } from '../../../../shared/workflows/repairs/rules';
import type { RepairDetail } from '../../../../shared/workflows/repairs/schema';
import type { PriceItem } from '../../../../shared/workflows/repairs/settings';
import { translateMessage } from '../../api';
import { Field, PROBLEM_ATTR } from '../../components/form';
import { NumberInput } from '../../components/number-input';
import type { ChargeValue } from './schemas';
import { muted, yuan } from './common';

export interface ChargesShape {
  charges: ChargeValue[];
}

const MAX_LINES = 20;

/** The amount of a half-typed line, or null while its item or quantity is missing. */
function amountOf(line: ChargeValue | undefined, price: (code: string) => PriceItem | undefined): number | null {
  const p = line?.code ? price(line.code) : undefined;
  if (!p || !line?.quantity || !Number.isInteger(line.quantity) || line.quantity < 1) return null;
  return lineAmount({ unitPriceFen: p.priceFen, quantity: line.quantity });
}

/**
 * Charge lines picked from the price list in settings (labour and materials, priced in fen): an item (type to
 * filter by name or code) and how many; each line's amount and the total are shown in yuan as typed.
 */
export function ChargeLines({
  control,
  priceList,
  error,
  idPrefix = 'f',
  disabled,
}: {
  control: Control<ChargesShape>;
  priceList: PriceItem[];
  error?: string;
  idPrefix?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'charges' });
  const lines = useWatch({ control, name: 'charges' }) ?? [];
  const price = (code: string) => priceList.find((p) => p.code === code);
  const amounts = lines.map((l) => amountOf(l, price));
  const total = amounts.reduce<number>((s, a) => s + (a ?? 0), 0);

  return (
    <div data-testid="charge-lines">
      {fields.map((row, i) => (
        <Row gutter={8} key={row.id} align="top" data-testid="charge-line">
          <Col flex="24px" style={{ paddingTop: i === 0 ? 36 : 6, ...muted, textAlign: 'right' }}>
            {i + 1}
          </Col>
          <Col flex="auto">
            <Field control={control} name={`charges.${i}.code`} label={i === 0 ? t('repairUi.chargeItem') : undefined} required={i === 0} idPrefix={idPrefix}>
              {(field, p) => (
                <Select
                  id={p.id}
                  data-testid={p['data-testid']}
                  disabled={disabled}
                  autoFocus={i === fields.length - 1 && !field.value}
                  showSearch={{
                    filterOption: (input, o) => {
                      const q = input.trim().toLowerCase();
                      return !!o && (String(o.label).toLowerCase().includes(q) || String(o.value).toLowerCase().startsWith(q));
                    },
                  }}
                  placeholder={t('repairUi.chargeItemPlaceholder')}
                  value={field.value ?? undefined}
                  onChange={(v: string) => field.onChange(v)}
                  onBlur={field.onBlur}
                  notFoundContent={t('repairUi.priceListEmpty')}
                  options={priceList.map((p) => ({ value: p.code, label: p.name }))}
                  optionRender={(o) => {
                    const p = price(String(o.value));
                    if (!p) return o.label;
                    return (
                      <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-testid="price-option">
                        <span>
                          {p.name} <span style={{ ...muted, fontSize: 12 }}>{t(`repairUi.chargeKind.${p.kind}`)}</span>
                        </span>
                        <span style={muted}>
                          {yuan(p.priceFen)} / {p.unitOfCount}
                        </span>
                      </span>
                    );
                  }}
                />
              )}
            </Field>
          </Col>
          <Col flex="110px">
            <Field control={control} name={`charges.${i}.quantity`} label={i === 0 ? t('repairUi.quantity') : undefined} required={i === 0} idPrefix={idPrefix}>
              {(field, p) => (
                <NumberInput
                  {...p}
                  disabled={disabled}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  suffix={lines[i]?.code ? price(lines[i].code!)?.unitOfCount : undefined}
                />
              )}
            </Field>
          </Col>
          <Col flex="120px" style={{ paddingTop: i === 0 ? 36 : 6, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} data-testid={`charge-amount-${i}`}>
            {/* The watched lines may lag a render behind the rows just added. */}
            {amounts[i] == null ? <span style={muted}>—</span> : yuan(amounts[i]!)}
          </Col>
          <Col flex="32px" style={{ paddingTop: i === 0 ? 30 : 0 }}>
            <Tooltip title={t('repairUi.removeCharge')}>
              <Button type="text" danger icon={<DeleteOutlined />} disabled={disabled} onClick={() => remove(i)} aria-label={t('repairUi.removeCharge')} data-testid={`charge-remove-${i}`} />
            </Tooltip>
          </Col>
        </Row>
      ))}
      {error ? (
        <div style={{ color: '#ff4d4f', marginBottom: 8 }} data-testid="error-charges" {...{ [PROBLEM_ATTR]: '' }}>
          {translateMessage(t, error)}
        </div>
      ) : null}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => append({ code: null, quantity: 1 }, { shouldFocus: false })}
          disabled={disabled || fields.length >= MAX_LINES || priceList.length === 0}
          data-testid="charge-add"
        >
          {t('repairUi.addCharge')}
        </Button>
        <span style={{ fontWeight: 600 }} data-testid="charge-total" data-fen={total}>
          {t('repair.chargeTotal')}
          {t('repairUi.colon')}
          {yuan(total)}
        </span>
      </div>
      {priceList.length === 0 ? <div style={{ ...muted, marginTop: 4 }}>{t('repairUi.priceListEmptyHint')}</div> : null}
    </div>
  );
}

/** The charges of an order as priced on it (the price of the day it was entered). */
export function ChargesTable({ repair }: { repair: RepairDetail }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="line"
      size="small"
      pagination={false}
      dataSource={repair.charges}
      data-testid="charges-table"
      onRow={(c) => ({ 'data-testid': 'charge-row', 'data-code': c.code }) as object}
      locale={{ emptyText: t('repairUi.noCharges') }}
      columns={[
        { title: '#', dataIndex: 'line', width: 36 },
        {
          title: t('repairUi.chargeItem'),
          dataIndex: 'name',
          render: (v: string, c) => (
            <span>
              {v} <span style={{ ...muted, fontSize: 12, whiteSpace: 'nowrap' }}>{t(`repairUi.chargeKind.${c.kind}`)}</span>
            </span>
          ),
        },
        {
          title: t('repairUi.quantity'),
          dataIndex: 'quantity',
          width: 130,
          align: 'right',
          render: (v: number, c) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {v} {c.unitOfCount} <span style={{ ...muted, fontSize: 12 }}>× {yuan(c.unitPriceFen)}</span>
            </span>
          ),
        },
        { title: t('repairUi.amount'), dataIndex: 'amountFen', width: 100, align: 'right', render: (v: number) => yuan(v) },
      ]}
      summary={() =>
        repair.charges.length ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3} align="right">
              <strong>{t('repair.chargeTotal')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="charges-total" data-fen={repair.chargeTotalFen}>
                {yuan(repair.chargeTotalFen)}
              </strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
