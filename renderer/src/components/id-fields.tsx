import type { ComponentType, ReactNode } from 'react';
import { Input, Select } from 'antd';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ID_TYPES, type IdType } from '../../../shared/master/enums';
import { Field } from './form';

/**
 * The ID type picker and ID number box of a person (or of a slip's carrier), each in its own `Cell`
 * of the caller's layout. `onNumberTyped` gets each new number text, so the form can choose a type
 * when a number is typed while none is set.
 */
export function IdDocumentFields<T extends FieldValues>({
  control,
  typeName,
  numberName,
  numberExtra,
  onNumberTyped,
  Cell,
}: {
  control: Control<T>;
  typeName: FieldPath<T>;
  numberName: FieldPath<T>;
  numberExtra?: ReactNode;
  onNumberTyped: (text: string) => void;
  Cell: ComponentType<{ children: ReactNode }>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Cell>
        <Field control={control} name={typeName} label={t('person.idType')}>
          {(field, p) => (
            <Select
              {...p}
              allowClear
              value={(field.value as IdType | null | undefined) ?? undefined}
              onChange={(v: IdType | undefined) => field.onChange(v ?? null)}
              onBlur={field.onBlur}
              placeholder={t('common.choose')}
              options={ID_TYPES.map((v) => ({ value: v, label: t(`enum.idType.${v}`) }))}
            />
          )}
        </Field>
      </Cell>
      <Cell>
        <Field control={control} name={numberName} label={t('person.idNumber')} extra={numberExtra} max={30}>
          {(field, p) => (
            <Input
              {...p}
              ref={field.ref}
              name={field.name}
              disabled={field.disabled}
              onBlur={field.onBlur}
              value={(field.value as string | null | undefined) ?? ''}
              onChange={(e) => {
                field.onChange(e.target.value);
                onNumberTyped(e.target.value);
              }}
            />
          )}
        </Field>
      </Cell>
    </>
  );
}
