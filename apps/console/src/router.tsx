import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from './components/RouteError';
import { ConsoleLayout } from './layout/ConsoleLayout';

// Every page is its own chunk: the first load carries only the shell and the sign-in page.
const SignInPage = lazy(() => import('./pages/SignInPage'));
const HomeRedirect = lazy(() => import('./pages/HomeRedirect'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const TillPage = lazy(() => import('./pages/till/TillPage'));
const MembersPage = lazy(() => import('./pages/members/MembersPage'));
const EarningRulesPage = lazy(() => import('./pages/earning-rules/EarningRulesPage'));
const ProgramPage = lazy(() => import('./pages/program/ProgramPage'));
const TiersPage = lazy(() => import('./pages/tiers/TiersPage'));
const ReferralsPage = lazy(() => import('./pages/referrals/ReferralsPage'));
const CampaignsPage = lazy(() => import('./pages/campaigns/CampaignsPage'));
const RewardsPage = lazy(() => import('./pages/rewards/RewardsPage'));
const MemberPage = lazy(() => import('./pages/members/member/MemberPage'));
const AuditLogPage = lazy(() => import('./pages/audit-log/AuditLogPage'));
const ApiKeysPage = lazy(() => import('./pages/api-keys/ApiKeysPage'));
const WebhooksPage = lazy(() => import('./pages/webhooks/WebhooksPage'));
const StaffPage = lazy(() => import('./pages/staff/StaffPage'));

/** A section route: its own error boundary, so one broken page leaves the shell working. */
const page = (path: string, element: React.ReactNode): RouteObject => ({
  path,
  element,
  errorElement: <RouteError />,
});

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <ConsoleLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      page('dashboard/*', <DashboardPage />),
      page('till', <TillPage />),
      page('members', <MembersPage />),
      page('members/:id', <MemberPage />),
      page('earning-rules/*', <EarningRulesPage />),
      page('tiers/*', <TiersPage />),
      page('rewards/*', <RewardsPage />),
      page('referrals/*', <ReferralsPage />),
      page('campaigns/*', <CampaignsPage />),
      page('program/*', <ProgramPage />),
      page('audit-log/*', <AuditLogPage />),
      page('api-keys/*', <ApiKeysPage />),
      page('webhooks/*', <WebhooksPage />),
      page('staff/*', <StaffPage />),
      page('*', <NotFoundPage />),
    ],
  },
];

export const createConsoleRouter = () => createBrowserRouter(routes, { basename: '/console' });
