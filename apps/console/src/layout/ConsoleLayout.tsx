import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from '../api/client';
import { SESSION_KEY, useSession, useSignOut, type StaffSession } from '../api/session';
import { LanguageSelect } from '../components/LanguageSelect';
import { PageLoader } from '../components/PageLoader';
import { QueryState } from '../components/QueryState';
import { sectionsFor } from './sections';

/** Every signed-in page: header, role-based navigation and the page itself. */
export function ConsoleLayout() {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  // The session ended elsewhere (expired, signed out in another tab): forget it and sign in again.
  useEffect(() => {
    setUnauthorizedHandler(() => queryClient.setQueryData(SESSION_KEY, null));
  }, [queryClient]);
  return (
    <QueryState query={session}>
      {(user) =>
        user ? (
          <Shell session={user} />
        ) : (
          <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />
        )
      }
    </QueryState>
  );
}

function Shell({ session }: { session: StaffSession }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  // A link followed on a phone closes the navigation it was chosen from.
  useEffect(close, [location.pathname, close]);
  return (
    <AppShell
      padding="md"
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={opened}
              aria-controls="console-navigation"
            />
            <Title order={2} size="h4">
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSelect />
            <Group gap="xs" visibleFrom="sm" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t('session.signedInAs', { email: session.user.email })}
              </Text>
              <Badge variant="light">{t(`session.role.${session.user.role}`)}</Badge>
            </Group>
            <Button
              variant="default"
              size="sm"
              loading={signOut.isPending}
              onClick={() =>
                signOut.mutate(undefined, {
                  onSettled: () => void navigate('/sign-in', { replace: true }),
                })
              }
            >
              {t('session.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="console-navigation" aria-label={t('nav.label')}>
        <VisuallyHidden>
          <h2>{t('nav.label')}</h2>
        </VisuallyHidden>
        {sectionsFor(session.user.role).map((section) => (
          <NavLink
            key={section.key}
            component={RouterLink}
            to={`/${section.path}`}
            label={t(`nav.${section.key}`)}
            active={location.pathname.startsWith(`/${section.path}`)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet context={session} />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
