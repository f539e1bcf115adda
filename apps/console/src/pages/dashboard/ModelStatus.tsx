import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../components/data/DataTable';
import { useFormat } from '../../format/use-format';
import { modelParameters, type FittedModel, type ModelParameter } from './model-parameters';

export interface ModelState {
  status: 'fitted' | 'not_fitted' | 'insufficient_history';
  /** What history the model needs, in the API's words, when it cannot be fitted. */
  need: string | null;
  model: (FittedModel & { fittedAt: string; asOf: string; customers: number }) | null;
}

/** When the CLV model was fitted, on how many customers, with what parameters; or why it is not. */
export function ModelStatus({ state }: { state: ModelState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { model } = state;
  const columns: DataColumn<ModelParameter>[] = [
    {
      key: 'model',
      header: t('dashboard.model.model'),
      value: (row) => row.model,
      render: (row) =>
        row.model === 'bgnbd' ? t('dashboard.model.bgnbd') : t('dashboard.model.gammaGamma'),
    },
    { key: 'parameter', header: t('dashboard.model.parameter'), value: (row) => row.symbol },
    {
      key: 'value',
      header: t('dashboard.model.value'),
      value: (row) => row.value,
      render: (row) => format.significant(row.value),
      numeric: true,
    },
  ];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('dashboard.model.title')}
      </Title>
      {state.status === 'fitted' && model !== null ? (
        <>
          <Text size="sm">
            {t('dashboard.model.fitted', {
              fittedAt: format.dateTime(model.fittedAt),
              customers: format.number(model.customers),
              asOf: format.date(model.asOf),
            })}
          </Text>
          <DataTable
            label={t('dashboard.model.parameters')}
            columns={columns}
            rows={modelParameters(model)}
            fileName="clv-model-parameters.csv"
          />
        </>
      ) : (
        <Text size="sm">
          {state.status === 'insufficient_history'
            ? t('dashboard.model.insufficient')
            : t('dashboard.model.notFitted')}
          {state.need !== null && ` ${state.need}`}
        </Text>
      )}
    </Stack>
  );
}
