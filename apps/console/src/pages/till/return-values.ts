import type { components } from '../../api/schema';

export type ReturnBody = components['schemas']['ReturnDto'];

export interface ReturnLine {
  sku: string;
  quantity: number | string;
}

export interface ReturnValues extends Record<string, unknown> {
  orderId: string;
  lines: ReturnLine[];
}

export const emptyReturnLine = (): ReturnLine => ({ sku: '', quantity: 1 });

export const emptyReturn = (orderId = ''): ReturnValues => ({
  orderId,
  lines: [emptyReturnLine()],
});

/** The return body: the order and the units going back. */
export function toReturnBody(values: ReturnValues): ReturnBody {
  return {
    orderId: values.orderId.trim(),
    lines: values.lines.map((line) => ({ sku: line.sku.trim(), quantity: Number(line.quantity) })),
  };
}
