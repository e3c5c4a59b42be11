import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRecords, UnclosedQuote } from '../src/server/modules/imports/csv.ts';

/** csv-parse with the options the import used before it had its own reader: the reference. */
function reference(text: string, delimiter: string): string[][] | { unclosedAfter: number } {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    const e = err as { code?: string; records?: number };
    if (e.code !== 'CSV_QUOTE_NOT_CLOSED') throw err;
    return { unclosedAfter: e.records ?? -1 };
  }
}

function ours(text: string, delimiter: string): string[][] | { unclosedAfter: number } {
  try {
    return [...csvRecords(text, delimiter)];
  } catch (err) {
    if (err instanceof UnclosedQuote) return { unclosedAfter: err.records };
    throw err;
  }
}

/** A small deterministic generator, so a failure names an input that can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('the import CSV reader', () => {
  it.each([
    ['plain rows, CRLF', 'a,b\r\nc,d\r\n', ','],
    ['quoted delimiters, line breaks and doubled quotes', '"a,1","b\r\nc","say ""hi"""\n', ','],
    ['a quote inside a field is text', 'ab"c,d"e"\n', ','],
    ['a closing quote followed by text keeps both quotes', '"ab"c,x\n', ','],
    ['the first line break decides: a bare \\n in a CRLF file is text', 'a,b\r\nc\nd,e\r\n', ','],
    ['empty lines are records of one empty field', 'a\n\n\nb', ','],
    ['pipes (MoPH 43 files) and Thai text', 'HOSPCODE|NAME\n12345|สมชาย\n', '|'],
    ['no final line break', 'a,b', ','],
    ['only a quoted empty field', '""', ','],
  ])('%s: the same records as csv-parse', (_name, text, delimiter) => {
    expect(ours(text, delimiter)).toEqual(reference(text, delimiter));
  });

  it('an unclosed quote is an error that says how many records came before it', () => {
    expect(ours('a,b\nc,d\n"e,f\n', ',')).toEqual({ unclosedAfter: 2 });
    expect(reference('a,b\nc,d\n"e,f\n', ',')).toEqual({ unclosedAfter: 2 });
  });

  it('agrees with csv-parse on 20,000 random inputs made of the characters that matter', () => {
    const next = random(20261125);
    const alphabet = ['a', 'ก', ' ', '"', '"', ',', ',', '|', ';', '\r', '\n', '\r\n', '\t'];
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(next() * 24);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      const delimiter = next() < 0.75 ? ',' : '|';
      const a = JSON.stringify(ours(text, delimiter));
      const b = JSON.stringify(reference(text, delimiter));
      if (a !== b) mismatches.push(`${JSON.stringify(text)} ${delimiter}: ${a} ≠ ${b}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
