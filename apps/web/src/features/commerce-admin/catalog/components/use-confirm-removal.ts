import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Deleting asked first: `ask(item)` opens the ConfirmModal that `modal` is spread into; confirming sends
 * `variablesOf(item)` and closes once it succeeded, while a refusal stays in the dialog until it is closed.
 */
export function useConfirmRemoval<T, V>(mutation: UseMutationResult<unknown, Error, V>, variablesOf: (item: T) => V) {
  const [removing, setRemoving] = useState<T | null>(null);
  return {
    removing,
    ask: setRemoving,
    modal: {
      opened: removing !== null,
      onClose: () => {
        setRemoving(null);
        mutation.reset();
      },
      onConfirm: () => removing && mutation.mutate(variablesOf(removing), { onSuccess: () => setRemoving(null) }),
      loading: mutation.isPending,
      error: mutation.error,
    },
  };
}
