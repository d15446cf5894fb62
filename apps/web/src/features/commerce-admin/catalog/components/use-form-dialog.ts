import { useState } from 'react';

/**
 * A dialog holding the form of a new item or of one to change. The item outlives closing, so the title does not
 * flip from "Edit" to "New" while the dialog fades out.
 */
export function useFormDialog<T>() {
  const [state, setState] = useState<{ opened: boolean; item: T | null }>({ opened: false, item: null });
  return {
    opened: state.opened,
    item: state.item,
    openNew: () => setState({ opened: true, item: null }),
    openEdit: (item: T) => setState({ opened: true, item }),
    close: () => setState((previous) => ({ ...previous, opened: false })),
  };
}
