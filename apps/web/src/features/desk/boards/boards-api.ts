import type {
  Board,
  BoardColumnCards,
  BoardInput,
  BoardPatch,
  BoardView,
  IncidentDetail,
  IncidentStatus,
} from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { deskKey } from '../api/desk-api';

const boardsKey = [...deskKey, 'boards'] as const;
const BOARDS_API = '/api/desk/boards';
const boardPath = (id: string) => `${BOARDS_API}/${encodeURIComponent(id)}`;

/** My boards, the default one first; the first call creates it. */
export function useBoards() {
  return useQuery({
    queryKey: boardsKey,
    queryFn: async ({ signal }) => (await api<{ boards: Board[] }>(BOARDS_API, { signal })).boards,
  });
}

export function useBoard(id: string) {
  return useQuery({
    queryKey: [...boardsKey, id],
    queryFn: ({ signal }) => api<BoardView>(boardPath(id), { signal }),
  });
}

function useBoardMutation<Input, Output>(action: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: boardsKey }),
  });
}

export const useCreateBoard = () =>
  useBoardMutation((input: BoardInput) => api<Board>(BOARDS_API, { method: 'POST', body: input }));
export const usePatchBoard = (id: string) =>
  useBoardMutation((patch: BoardPatch) => api<Board>(boardPath(id), { method: 'PATCH', body: patch }));
export const useDeleteBoard = () => useBoardMutation((id: string) => api<void>(boardPath(id), { method: 'DELETE' }));

export interface CardMove {
  cardId: string;
  /** The card's status before the move, to word a refusal. */
  from: IncidentStatus;
  to: BoardColumnCards;
}

/** The board as it will be once the move succeeds: the card at the top of its new column, counts updated. */
function withMove(board: BoardView, { cardId, to }: CardMove): BoardView {
  const card = board.columns.flatMap((column) => column.cards).find((candidate) => candidate.id === cardId);
  if (!card || !to.status) return board;
  const moved = { ...card, status: to.status };
  const columns = board.columns.map((column) => {
    const had = column.cards.some((candidate) => candidate.id === cardId);
    const cards = column.cards.filter((candidate) => candidate.id !== cardId);
    const gets = column.id === to.id;
    const count = column.count - (had ? 1 : 0) + (gets ? 1 : 0);
    return {
      ...column,
      cards: gets ? [moved, ...cards] : cards,
      count,
      overLimit: column.wipLimit !== null && count > column.wipLimit,
    };
  });
  return { ...board, columns };
}

/**
 * Moves a card to a status column: shown at once, then the server's transition table decides. A refused move
 * puts the board back as it was (the card snaps back) and leaves the error to show.
 */
export function useMoveCard(boardId: string) {
  const queryClient = useQueryClient();
  const key = [...boardsKey, boardId];
  return useMutation({
    mutationFn: ({ cardId, to }: CardMove) =>
      api<IncidentDetail>(`/api/desk/incidents/${encodeURIComponent(cardId)}/status`, {
        method: 'POST',
        body: { status: to.status as IncidentStatus },
      }),
    onMutate: async (move) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<BoardView>(key);
      if (before) queryClient.setQueryData(key, withMove(before, move));
      return { before };
    },
    onError: (_error, _move, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: deskKey }),
  });
}
