import QRCode from 'qrcode-terminal/vendor/QRCode';
import QRErrorCorrectLevel from 'qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel';

/**
 * A QR code as runs of dark modules per row, for drawing with plain views (works the same in
 * WeChat and H5, no canvas, no image file). The encoder is Kazuhiko Arase's (MIT), vendored by
 * qrcode-terminal — pure JS, ~28 kB, already in the lock file; level M survives a creased slip.
 */
export interface QrRuns {
  /** Modules per side (no quiet zone). */
  size: number;
  /** Per row, the dark runs as [startColumn, length]. */
  rows: Array<Array<[number, number]>>;
}

export function qrRuns(text: string): QrRuns {
  const qr = new QRCode(-1, QRErrorCorrectLevel.M);
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  const rows: QrRuns['rows'] = [];
  for (let r = 0; r < size; r++) {
    const runs: Array<[number, number]> = [];
    let start = -1;
    for (let c = 0; c <= size; c++) {
      const dark = c < size && qr.isDark(r, c);
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        runs.push([start, c - start]);
        start = -1;
      }
    }
    rows.push(runs);
  }
  return { size, rows };
}
