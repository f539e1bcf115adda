import { Route, Routes } from 'react-router';
import { TierEditor } from './TierEditor';
import { TierList } from './TierList';

/** /console/tiers: the tiers by rank; /new and /:id: the tier form. */
export default function TiersPage() {
  return (
    <Routes>
      <Route index element={<TierList />} />
      <Route path="new" element={<TierEditor />} />
      <Route path=":id" element={<TierEditor />} />
    </Routes>
  );
}
