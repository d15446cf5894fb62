import { Navigate } from 'react-router';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { useBoards } from './boards-api';

/** `/desk/boards`: opens my default board (the first visit creates it). */
export function BoardsPage() {
  const boards = useBoards();
  const first = boards.data?.[0];
  if (first) return <Navigate to={`/desk/boards/${first.id}`} replace />;
  if (boards.error) return <ProblemAlert error={boards.error} />;
  return <PageLoader />;
}
