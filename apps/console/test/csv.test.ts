// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvField, downloadCsv, toCsv, UTF8_BOM } from '../src/components/data/csv';

describe('CSV (RFC 4180)', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(
      toCsv(
        ['month', 'points'],
        [
          ['2026-01', 1200],
          ['2026-02', null],
        ],
      ),
    ).toBe('month,points\r\n2026-01,1200\r\n2026-02,\r\n');
  });

  it('quotes fields holding commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField('plain')).toBe('plain');
  });

  it('keeps Persian text as it is', () => {
    expect(toCsv(['بخش'], [['قهرمانان']])).toBe('بخش\r\nقهرمانان\r\n');
  });

  it('guards text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+98912')).toBe("'+98912");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField(-250)).toBe('-250');
    expect(csvField(0.61)).toBe('0.61');
  });

  it('leaves a cell empty for null and for numbers that are not finite', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('downloadCsv', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves UTF-8 with a byte order mark under the given name', async () => {
    let saved: Blob | undefined;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:csv';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });

    downloadCsv('pareto.csv', toCsv(['segment'], [['قهرمانان']]));

    expect(clicked).toEqual(['pareto.csv']);
    expect(saved?.type).toBe('text/csv;charset=utf-8');
    if (saved === undefined) {
      throw new Error('nothing was saved');
    }
    const bytes = new Uint8Array(await saved.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('segment\r\nقهرمانان\r\n');
    expect(UTF8_BOM).toBe('\uFEFF');
  });
});
