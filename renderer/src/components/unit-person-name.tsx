import { useMemo, type RefObject } from 'react';
import { AutoComplete } from 'antd';
import type { LinkView, UnitDetail } from '../../../shared/master/schema';
import type { FieldInputProps } from './form';
import { muted } from './format';
import { RelationTag } from './tags';

/** The unit's people a name is picked from: its active links, one a person. */
export function useUnitPeople(unit: UnitDetail | null): LinkView[] {
  return useMemo(() => {
    const seen = new Set<string>();
    return (unit?.links ?? []).filter((l) => l.active && (seen.has(l.personId) ? false : (seen.add(l.personId), true)));
  }, [unit]);
}

/**
 * A person's name on a form (a repair's reporter, a decoration's applicant): picked from the unit's people
 * (relation, name, masked phone) or typed. Picking calls `onPick`; typing over a picked name (`pickedName`)
 * while a person is set (`personPicked`) forgets the person (`onUnpick`).
 */
export function UnitPersonName({
  field,
  props,
  people,
  pickedName,
  personPicked,
  onPick,
  onUnpick,
  optionTestId,
  autoFocus,
}: {
  field: { value: string; onChange: (v: string) => void; onBlur: () => void };
  props: FieldInputProps;
  people: LinkView[];
  pickedName: RefObject<string | null>;
  personPicked: () => boolean;
  onPick: (link: LinkView) => void;
  onUnpick: () => void;
  optionTestId: string;
  autoFocus?: boolean;
}) {
  return (
    <AutoComplete
      id={props.id}
      data-testid={props['data-testid']}
      autoFocus={autoFocus}
      value={field.value}
      onBlur={field.onBlur}
      onChange={(v: string) => {
        // Choosing an option gives its person id: onSelect fills the name.
        if (people.some((l) => l.personId === v)) return;
        field.onChange(v ?? '');
        if (personPicked() && (v ?? '').trim() !== pickedName.current) {
          onUnpick();
          pickedName.current = null;
        }
      }}
      onSelect={(v: string) => {
        const link = people.find((l) => l.personId === v);
        if (link) onPick(link);
      }}
      filterOption={(input, o) => !input || String((o as { name?: string })?.name ?? '').includes(input.trim())}
      options={people.map((l) => ({
        value: l.personId,
        name: l.personName,
        label: (
          <span data-testid={optionTestId} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
            <RelationTag relation={l.relation} />
            {l.personName}
            {l.phoneMasked ? <span style={muted}>{l.phoneMasked}</span> : null}
          </span>
        ),
      }))}
    />
  );
}
