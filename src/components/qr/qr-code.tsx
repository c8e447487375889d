import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { encodeQr } from './qr-encode';

const QUIET = 4;

/** Runs of equal modules in one row: one View per run keeps the node count low on WeChat. */
function runs(row: boolean[]): Array<{ dark: boolean; len: number }> {
  const out: Array<{ dark: boolean; len: number }> = [];
  for (const d of row) {
    const last = out[out.length - 1];
    if (last && last.dark === d) last.len++;
    else out.push({ dark: d, len: 1 });
  }
  return out;
}

/**
 * A QR code drawn with plain Views (no canvas, no image service), so it shows offline in the
 * mini-program and in H5. `size` is the target width in px, quiet zone included.
 */
export default function QrCode({ text, size = 240, testId }: { text: string; size?: number; testId?: string }) {
  const matrix = useMemo(() => encodeQr(text), [text]);
  const n = matrix.length + QUIET * 2;
  const cell = Math.max(2, Math.floor(size / n));
  const blank = new Array<boolean>(QUIET).fill(false);
  const rows = useMemo(() => matrix.map((r) => runs([...blank, ...r, ...blank])), [matrix]);
  const px = (k: number) => `${k * cell}px`;
  return (
    <View className='qr' data-testid={testId} data-modules={matrix.length} style={{ width: px(n), padding: `${QUIET * cell}px 0`, background: '#ffffff' }}>
      {rows.map((row, y) => (
        <View key={y} style={{ display: 'flex', height: px(1) }}>
          {row.map((r, i) => (
            <View key={i} style={{ width: px(r.len), height: px(1), background: r.dark ? '#000000' : '#ffffff' }} />
          ))}
        </View>
      ))}
    </View>
  );
}
