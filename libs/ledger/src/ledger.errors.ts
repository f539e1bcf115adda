import { DomainError } from '@vafa/platform';

export const insufficientPoints = (requested: number, available: number): DomainError =>
  new DomainError(
    422,
    'INSUFFICIENT_POINTS',
    `The member has ${available} points available, fewer than ${requested}.`,
    {
      requested,
      available,
    },
  );

export const reversalExceedsOriginal = (left: number): DomainError =>
  new DomainError(
    422,
    'REVERSAL_EXCEEDS_ORIGINAL',
    `At most ${left} more points of this transaction can be reversed.`,
    {
      reversible: left,
    },
  );

export const transactionNotFound = (): DomainError =>
  new DomainError(404, 'LEDGER_TRANSACTION_NOT_FOUND', 'The ledger transaction was not found.');
