import type { BoardColumnInput } from '@kontor/contracts';

type Words = { board: string; new: string; inProgress: string; waiting: string; resolved: string };

/** The default board is stored in the words of the agent who first opened it (they may rename it later). */
const WORDS: Record<string, Words> = {
  en: { board: 'My work', new: 'New', inProgress: 'In progress', waiting: 'Waiting', resolved: 'Resolved' },
  sv: { board: 'Mitt arbete', new: 'Nya', inProgress: 'Pågår', waiting: 'Väntar', resolved: 'Lösta' },
  pl: { board: 'Moja praca', new: 'Nowe', inProgress: 'W toku', waiting: 'Oczekujące', resolved: 'Rozwiązane' },
  ru: { board: 'Моя работа', new: 'Новые', inProgress: 'В работе', waiting: 'Ожидание', resolved: 'Решённые' },
};

/**
 * The board every agent finds the first time they open boards (docs/desk-boards.md): their own work, left to
 * right as it flows. Only incidents assigned to them (the base filter), so the board stays theirs; a limit of
 * five in progress, so starting a sixth is a visible choice; resolved ones of the last week only, so the last
 * column does not grow forever.
 */
export function defaultBoard(locale: string) {
  const words = WORDS[locale.slice(0, 2)] ?? (WORDS.en as Words);
  return {
    name: words.board,
    baseQuery: 'assignee:me',
    columns: [
      { title: words.new, status: 'new' },
      { title: words.inProgress, status: 'in_progress', wipLimit: 5 },
      { title: words.waiting, status: 'waiting' },
      { title: words.resolved, status: 'resolved', query: 'resolved:>-7d' },
    ] satisfies BoardColumnInput[],
  };
}
