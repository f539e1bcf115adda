import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoader } from '../../components/PageLoader';
import { EditCampaign, NewCampaign } from './CampaignEditor';
import { CampaignList } from './CampaignList';

// Its own chunk: the charts load only when a run's results are opened.
const RunResultsPage = lazy(() => import('./run-results/RunResultsPage'));

/** /campaigns, /campaigns/new, /campaigns/:id and a run's results, /campaigns/:id/runs/:runId. */
export default function CampaignsPage() {
  return (
    <Routes>
      <Route index element={<CampaignList />} />
      <Route path="new" element={<NewCampaign />} />
      <Route path=":id" element={<EditCampaign />} />
      <Route
        path=":id/runs/:runId"
        element={
          <Suspense fallback={<PageLoader />}>
            <RunResultsPage />
          </Suspense>
        }
      />
    </Routes>
  );
}
