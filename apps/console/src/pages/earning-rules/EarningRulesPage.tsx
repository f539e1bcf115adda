import { Route, Routes } from 'react-router';
import { RuleEditor } from './RuleEditor';
import { RuleList } from './RuleList';

/** /console/earning-rules: the list with Try a basket; /new and /:id: the rule form. */
export default function EarningRulesPage() {
  return (
    <Routes>
      <Route index element={<RuleList />} />
      <Route path="new" element={<RuleEditor />} />
      <Route path=":id" element={<RuleEditor />} />
    </Routes>
  );
}
