import { Button, Fieldset, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import { emptyLine, type BasketValues } from './basket-values';

const FIELDS = ['sku', 'quantity', 'unitPrice'] as const;

/** The id of a line's field, so Enter can move the cursor to the next one. */
export const lineFieldId = (index: number, field: (typeof FIELDS)[number]) =>
  `till-line-${index}-${field}`;

interface BasketLinesProps {
  form: UseFormReturnType<BasketValues>;
  currency: string;
}

/**
 * The basket's lines: SKU, category, quantity and unit price (major units of the program's
 * currency). Enter moves on as a scanner expects — SKU to quantity to price — and from the
 * price to the next line's SKU, adding a line after the last.
 */
export function BasketLines({ form, currency }: BasketLinesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const lines = form.getValues().lines;

  const focusLater = (id: string) =>
    requestAnimationFrame(() => document.getElementById(id)?.focus());

  const enterMovesOn =
    (index: number, field: (typeof FIELDS)[number]) =>
    (event: React.KeyboardEvent<HTMLInputElement>) => {
      if (event.key !== 'Enter') {
        return;
      }
      event.preventDefault();
      const next = FIELDS[FIELDS.indexOf(field) + 1];
      if (next !== undefined) {
        focusLater(lineFieldId(index, next));
        return;
      }
      if (index === lines.length - 1) {
        form.insertListItem('lines', emptyLine());
      }
      focusLater(lineFieldId(index + 1, 'sku'));
    };

  return (
    <>
      {lines.map((_, index) => {
        const number = format.number(index + 1);
        return (
          <Fieldset
            // Lines have no identity of their own; their position is what the API reports.
            key={index}
            legend={t('till.basket.line', { number })}
            p="sm"
          >
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              <TextInput
                id={lineFieldId(index, 'sku')}
                label={t('till.basket.sku')}
                dir="ltr"
                autoComplete="off"
                onKeyDown={enterMovesOn(index, 'sku')}
                {...form.getInputProps(`lines.${index}.sku`)}
              />
              <TextInput
                label={t('till.basket.category')}
                dir="ltr"
                autoComplete="off"
                {...form.getInputProps(`lines.${index}.category`)}
              />
              <NumberInput
                id={lineFieldId(index, 'quantity')}
                label={t('till.basket.quantity')}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                onKeyDown={enterMovesOn(index, 'quantity')}
                {...form.getInputProps(`lines.${index}.quantity`)}
              />
              <TextInput
                id={lineFieldId(index, 'unitPrice')}
                label={t('till.basket.unitPrice', { currency })}
                inputMode="decimal"
                dir="ltr"
                autoComplete="off"
                onKeyDown={enterMovesOn(index, 'unitPrice')}
                {...form.getInputProps(`lines.${index}.unitPrice`)}
              />
            </SimpleGrid>
            {lines.length > 1 && (
              <Button
                mt="xs"
                size="xs"
                variant="outline"
                color="red.9"
                onClick={() => form.removeListItem('lines', index)}
              >
                {t('till.basket.removeLine', { number })}
              </Button>
            )}
          </Fieldset>
        );
      })}
      <Button
        variant="default"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          form.insertListItem('lines', emptyLine());
          focusLater(lineFieldId(lines.length, 'sku'));
        }}
      >
        {t('till.basket.addLine')}
      </Button>
    </>
  );
}
