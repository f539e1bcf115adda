import {
  createTheme,
  DirectionProvider,
  MantineProvider,
  type CSSVariablesResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/api-error';
import { DirectionSync } from './components/DirectionSync';
import { directionOf, currentLanguage } from './i18n/i18n';
import { createConsoleRouter } from './router';

const theme = createTheme({
  // Shade 8 keeps white button text and light-variant text above WCAG AA contrast.
  primaryColor: 'blue',
  primaryShade: 8,
  // Vazirmatn / Noto for Persian where installed; the system UI font otherwise.
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, Vazirmatn, "Noto Sans Arabic", "Noto Sans", sans-serif',
});

/** Mantine's default "dimmed" grey and error red are below AA contrast on white; darker ones are not. */
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[8] ?? '#e03131',
  },
  dark: {},
});

const newQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; a dropped connection may.
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });

export function App() {
  const [queryClient] = useState(newQueryClient);
  const [router] = useState(createConsoleRouter);
  return (
    <DirectionProvider initialDirection={directionOf(currentLanguage())} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <DirectionSync />
        <Notifications />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
