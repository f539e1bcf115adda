import { Route, Routes } from 'react-router';
import { EditCampaign, NewCampaign } from './CampaignEditor';
import { CampaignList } from './CampaignList';

/** /campaigns, /campaigns/new and /campaigns/:id. */
export default function CampaignsPage() {
  return (
    <Routes>
      <Route index element={<CampaignList />} />
      <Route path="new" element={<NewCampaign />} />
      <Route path=":id" element={<EditCampaign />} />
    </Routes>
  );
}
