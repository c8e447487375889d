import QRCode from 'qrcode-terminal/vendor/QRCode';
import QRErrorCorrectLevel from 'qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel';
import { qrRuns } from '../../src/services/qr-matrix';

describe('qrRuns (receipt QR code)', () => {
  it('a receipt code fits a small symbol (version 1 or 2: 21 or 25 modules)', () => {
    expect([21, 25]).toContain(qrRuns('NM7K-3QPA-X9').size);
  });

  it('the runs reproduce the encoder matrix exactly', () => {
    const text = 'NM7K-3QPA-X9';
    const { size, rows } = qrRuns(text);
    const qr = new QRCode(-1, QRErrorCorrectLevel.M);
    qr.addData(text);
    qr.make();
    for (let r = 0; r < size; r++) {
      const dark = new Set<number>();
      for (const [c, len] of rows[r]!) for (let i = 0; i < len; i++) dark.add(c + i);
      for (let c = 0; c < size; c++) expect(dark.has(c)).toBe(qr.isDark(r, c));
    }
  });

  it('has the three finder patterns (7-module dark top row at three corners)', () => {
    const { size, rows } = qrRuns('ABC-123');
    expect(rows[0]).toContainEqual([0, 7]);
    expect(rows[0]).toContainEqual([size - 7, 7]);
    expect(rows[size - 1]).toContainEqual([0, 7]);
  });

  it('different codes give different symbols', () => {
    expect(qrRuns('NM7K-3QPA-X9').rows).not.toEqual(qrRuns('NM7K-3QPA-X8').rows);
  });
});
