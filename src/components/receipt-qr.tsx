import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { qrRuns } from '../services/qr-matrix';

/**
 * The receipt code as a QR code, drawn with views (one per dark run) on a white square with the
 * 4-module quiet zone scanners need. `px` is the side in CSS pixels.
 */
export default function ReceiptQr({ text, px = 220, label }: { text: string; px?: number; label: string }) {
  const qr = useMemo(() => qrRuns(text), [text]);
  const cell = Math.max(2, Math.floor(px / (qr.size + 8)));
  const side = cell * (qr.size + 8);
  return (
    <View
      className='receipt-qr'
      role='img'
      aria-label={label}
      data-testid='receipt-qr'
      data-modules={qr.size}
      style={{ width: `${side}px`, height: `${side}px`, background: '#fff', position: 'relative', margin: '0 auto' }}
    >
      {qr.rows.map((runs, r) =>
        runs.map(([c, len]) => (
          <View
            key={`${r}-${c}`}
            style={{ position: 'absolute', background: '#000', top: `${(r + 4) * cell}px`, left: `${(c + 4) * cell}px`, width: `${len * cell}px`, height: `${cell}px` }}
          />
        )),
      )}
    </View>
  );
}
