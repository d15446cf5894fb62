import { Text } from '@mantine/core';
import JsBarcode from 'jsbarcode';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * An article number as a Code 128 barcode, drawn as SVG so it prints sharp at any resolution. The number is
 * printed under the bars as well, for when the scanner fails. JsBarcode owns the SVG's contents; React never
 * renders children into it.
 */
export function Barcode({ value }: { value: string }) {
  const ref = useRef<SVGSVGElement>(null);
  const [failed, setFailed] = useState(false);
  useLayoutEffect(() => {
    if (!ref.current) return;
    try {
      JsBarcode(ref.current, value, {
        format: 'CODE128',
        height: 34,
        width: 1.3,
        margin: 0,
        fontSize: 12,
        textMargin: 2,
        background: 'transparent',
      });
      setFailed(false);
    } catch {
      // A character Code 128 cannot hold: the number alone is still readable.
      setFailed(true);
    }
  }, [value]);
  if (failed) {
    return (
      <Text size="sm" ff="monospace">
        {value}
      </Text>
    );
  }
  return <svg ref={ref} role="img" aria-label={value} data-testid="article-barcode" data-value={value} />;
}
