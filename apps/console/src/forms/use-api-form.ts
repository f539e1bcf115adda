import { useForm, type UseFormInput, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { applyApiErrors } from './apply-api-errors';

type Values = Record<string, unknown>;

export interface ApiForm<V extends Values> {
  form: UseFormReturnType<V>;
  /** Pass to `<form onSubmit>`: validates, submits, and maps API validation errors to fields. */
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  /** An error that belongs to no field (show it above the submit button); null otherwise. */
  formError: unknown;
  submitting: boolean;
}

/**
 * A Mantine form whose submit calls the API: field problems from a VALIDATION_FAILED answer
 * appear beside their fields, anything else in `formError`.
 */
export function useApiForm<V extends Values>(
  input: UseFormInput<V> & { submit: (values: V) => Promise<unknown> },
): ApiForm<V> {
  const { submit, ...formInput } = input;
  const form = useForm<V>(formInput);
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    setSubmitting(true);
    try {
      await submit(values);
    } catch (error) {
      const placed = applyApiErrors(form, error, Object.keys(form.getValues()));
      if (!placed) {
        setFormError(error);
      }
    } finally {
      setSubmitting(false);
    }
  });
  return { form, onSubmit, formError, submitting };
}
