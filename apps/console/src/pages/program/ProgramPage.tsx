import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { ProgramForm } from './ProgramForm';

/** /console/program: every program setting, saved with PATCH /v1/program. */
export default function ProgramPage() {
  const { t } = useTranslation();
  const program = useQuery({
    queryKey: ['program'],
    queryFn: () => unwrap(api.GET('/v1/program')),
  });
  return (
    <Stack>
      <Title order={1}>{t('program.title')}</Title>
      <QueryState query={program}>{(settings) => <ProgramForm settings={settings} />}</QueryState>
    </Stack>
  );
}
