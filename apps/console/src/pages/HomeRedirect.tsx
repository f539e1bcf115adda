import { Navigate, useOutletContext } from 'react-router';
import type { StaffSession } from '../api/session';
import { sectionsFor } from '../layout/sections';

/** /console/ opens the first section the signed-in role may see. */
export default function HomeRedirect() {
  const session = useOutletContext<StaffSession>();
  const first = sectionsFor(session.user.role)[0];
  return <Navigate to={`/${first?.path ?? 'members'}`} replace />;
}
