import { Route, Routes } from 'react-router';
import { EndpointList } from './EndpointList';
import { EndpointPage } from './EndpointPage';

/** /webhooks (the endpoints) and /webhooks/:id (one endpoint and its deliveries). */
export default function WebhooksPage() {
  return (
    <Routes>
      <Route index element={<EndpointList />} />
      <Route path=":id" element={<EndpointPage />} />
    </Routes>
  );
}
