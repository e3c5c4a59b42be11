/**
 * Text encodings of uploaded CSV files. Thai offices still export from
 * programs that write Windows-874 (TIS-620 plus a few punctuation marks), so
 * a file that is not valid UTF-8 is read as Windows-874.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-874';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/**
 * UTF-8 when the bytes are valid UTF-8 (Thai in TIS-620 never is: its letters
 * 0xA1–0xFB are not valid continuation sequences), Windows-874 otherwise. A
 * non-UTF-8 file without Thai bytes is read as Windows-874 too: it is ASCII in
 * both, and it is the only other encoding we accept.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (hasUtf8Bom(bytes)) return 'utf-8-bom';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-874';
  }
}

export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'windows-874') return new TextDecoder('windows-874').decode(bytes);
  // TextDecoder drops a leading BOM by default, so both UTF-8 variants decode the same way.
  return new TextDecoder('utf-8').decode(bytes);
}
