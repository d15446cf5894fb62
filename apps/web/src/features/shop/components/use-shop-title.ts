import { useEffect } from 'react';

/** The tab's title, as the server-rendered pages write theirs: "<page> – WestGear". */
export function useShopTitle(title: string) {
  useEffect(() => {
    const before = document.title;
    document.title = `${title} – WestGear`;
    return () => {
      document.title = before;
    };
  }, [title]);
}
