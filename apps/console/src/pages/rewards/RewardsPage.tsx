import { Route, Routes } from 'react-router';
import { EditReward, NewReward } from './RewardEditor';
import { RewardList } from './RewardList';

/** /rewards, /rewards/new and /rewards/:id. */
export default function RewardsPage() {
  return (
    <Routes>
      <Route index element={<RewardList />} />
      <Route path="new" element={<NewReward />} />
      <Route path=":id" element={<EditReward />} />
    </Routes>
  );
}
