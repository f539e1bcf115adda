import { DomainError } from '@vafa/platform';

export const LEDGER_ERROR_CODES = [
  'INSUFFICIENT_POINTS',
  'REVERSAL_EXCEEDS_ORIGINAL',
  'NOT_REVERSIBLE',
  'LEDGER_TRANSACTION_NOT_FOUND',
] as const;

export type LedgerErrorCode = (typeof LEDGER_ERROR_CODES)[number];
type LedgerError = DomainError<LedgerErrorCode>;

export const insufficientPoints = (requested: number, available: number): LedgerError =>
  new DomainError(
    422,
    'INSUFFICIENT_POINTS',
    `The member has ${available} points available, fewer than ${requested}.`,
    {
      requested,
      available,
    },
  );

export const reversalExceedsOriginal = (left: number): LedgerError =>
  new DomainError(
    422,
    'REVERSAL_EXCEEDS_ORIGINAL',
    `At most ${left} more points of this transaction can be reversed.`,
    {
      reversible: left,
    },
  );

export const notReversible = (kind: string): LedgerError =>
  new DomainError(422, 'NOT_REVERSIBLE', `A ${kind} transaction cannot be reversed.`);

export const transactionNotFound = (): LedgerError =>
  new DomainError(404, 'LEDGER_TRANSACTION_NOT_FOUND', 'The ledger transaction was not found.');
