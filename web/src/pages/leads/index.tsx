import { Navigate, useLocation } from 'react-router';

/** /leads opens the board, so the menu can tell the board apart from the group's other pages. */
export default function LeadsHome() {
  const { search } = useLocation();
  return <Navigate to={`/leads/board${search}`} replace />;
}
