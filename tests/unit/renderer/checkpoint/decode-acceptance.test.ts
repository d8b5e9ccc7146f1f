import { describe, expect, it } from 'vitest';
import { createFrameGate, createReadAcceptor, isLinearFormat, isNoReadHintDue, type DecodedSymbol } from '../../../../renderer/scan/decode-acceptance';

const qr = (text: string): DecodedSymbol => ({ text, format: 'QRCode' });
const ean = (text: string): DecodedSymbol => ({ text, format: 'EAN-13' });

describe('frame gate', () => {
  it('drops frames while a decode runs', () => {
    const gate = createFrameGate({ maxPerSecond: 15 });
    expect(gate.canStart(0)).toBe(true);
    gate.start(0);
    expect(gate.canStart(500)).toBe(false); // still busy, however long it takes
    gate.finish();
    expect(gate.canStart(500)).toBe(true);
  });

  it('starts at most ~15 decodes a second even when decodes are instant', () => {
    const gate = createFrameGate({ maxPerSecond: 15 });
    let starts = 0;
    for (let t = 0; t < 1000; t += 1000 / 60) {
      if (!gate.canStart(t)) continue;
      gate.start(t);
      gate.finish();
      starts += 1;
    }
    expect(starts).toBeLessThanOrEqual(15);
    expect(starts).toBeGreaterThanOrEqual(14);
  });
});

describe('read acceptor', () => {
  it('accepts a QR code at once', () => {
    const acceptor = createReadAcceptor();
    expect(acceptor.push(qr('https://diia.app/x'), 0)).toBe('https://diia.app/x');
  });

  it('accepts a 1D code only when two consecutive frames agree', () => {
    const acceptor = createReadAcceptor();
    expect(acceptor.push(ean('4006381333931'), 0)).toBeNull();
    expect(acceptor.push(ean('4006381333931'), 70)).toBe('4006381333931');
  });

  it('does not accept 1D reads that disagree or are split by an empty frame', () => {
    const acceptor = createReadAcceptor();
    expect(acceptor.push(ean('4006381333931'), 0)).toBeNull();
    expect(acceptor.push(ean('4006381333948'), 70)).toBeNull();
    expect(acceptor.push(null, 140)).toBeNull();
    expect(acceptor.push(ean('4006381333948'), 210)).toBeNull();
    expect(acceptor.push({ text: '4006381333948', format: 'Code128' }, 280)).toBeNull(); // same text, other format
    expect(acceptor.push({ text: '4006381333948', format: 'Code128' }, 350)).toBe('4006381333948');
  });

  it('counts the same code held in front of the camera as one read', () => {
    const acceptor = createReadAcceptor({ dedupeWindowMs: 3_000 });
    const reads = [];
    for (let t = 0; t < 20_000; t += 70) reads.push(acceptor.push(qr('A'), t));
    expect(reads.filter((r) => r !== null)).toEqual(['A']);
  });

  it('reads the same code again after it has been away for the window', () => {
    const acceptor = createReadAcceptor({ dedupeWindowMs: 3_000 });
    expect(acceptor.push(qr('A'), 0)).toBe('A');
    expect(acceptor.push(qr('A'), 2_000)).toBeNull();
    expect(acceptor.push(qr('A'), 5_001)).toBe('A');
    acceptor.reset();
    expect(acceptor.push(qr('A'), 5_100)).toBe('A');
  });

  it('ignores empty text', () => {
    expect(createReadAcceptor().push(qr(''), 0)).toBeNull();
  });

  it('knows which formats are linear', () => {
    expect(isLinearFormat('QRCode')).toBe(false);
    expect(isLinearFormat('EAN-13')).toBe(true);
    expect(isLinearFormat('Code128')).toBe(true);
  });
});

describe('no-read hint', () => {
  it('is due after 5 s without a read, not before, and never with the camera off', () => {
    expect(isNoReadHintDue(1_000, 5_999)).toBe(false);
    expect(isNoReadHintDue(1_000, 6_000)).toBe(true);
    expect(isNoReadHintDue(null, 60_000)).toBe(false);
  });
});
