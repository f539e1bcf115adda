import { Navigate, useOutletContext } from 'react-router';
import type { StaffRole, StaffSession } from '../api/session';
import { sectionsFor } from '../layout/sections';

/** Each role's home: the program team's dashboard, the cashier's till. */
const HOME: Partial<Record<StaffRole, string>> = {
  admin: 'dashboard',
  marketer: 'dashboard',
  cashier: 'till',
};

/** /console/ opens the role's home, or else the first section the role may see. */
export default function HomeRedirect() {
  const session = useOutletContext<StaffSession>();
  const home = HOME[session.user.role] ?? sectionsFor(session.user.role)[0]?.path ?? 'members';
  return <Navigate to={`/${home}`} replace />;
}
