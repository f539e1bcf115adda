import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { useSession, useSignIn } from '../api/session';
import { LanguageSelect } from '../components/LanguageSelect';
import { useErrorMessage } from '../components/use-error-message';
import { useApiForm } from '../forms/use-api-form';

export default function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const { form, onSubmit, formError, submitting } = useApiForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    submit: async (values) => {
      await signIn.mutateAsync(values);
      await navigate(from, { replace: true });
    },
  });
  if (session.data) {
    return <Navigate to={from} replace />;
  }

  const failure = (error: unknown): string => {
    if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
      return t('signIn.invalidCredentials');
    }
    if (error instanceof ApiError && error.code === 'TOO_MANY_SIGN_IN_ATTEMPTS') {
      return t('signIn.tooManyAttempts');
    }
    return t('signIn.failed', { message: errorMessage(error) });
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Title order={1} size="h3">
                {t('signIn.title')}
              </Title>
              <LanguageSelect />
            </Group>
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
              required
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            {formError !== null && (
              <Alert color="red" role="alert">
                {failure(formError)}
              </Alert>
            )}
            <Button type="submit" loading={submitting}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
