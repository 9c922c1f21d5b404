/**
 * What we expect of an import file, and the plain-English refusal for anything else (an image, an
 * empty file, a Word document). Which layout a table is in: lib/import/layouts.ts.
 */
export const EXPECTED =
  "Expected an export of UPR recommendations: UPR Info's CSV, or OHCHR's Universal Human Rights Index as Excel (.xlsx), CSV or JSON.";

export class RefusedFile extends Error {
  override name = 'RefusedFile';
}

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zipped file that is not an Excel workbook (a Word document, for instance)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office file (.xls or .doc)'],
  [[0x52, 0x49, 0x46, 0x46], 'a media file'],
];

/** Refuses at once what cannot be an export: an empty file, an image, a binary file. */
export function refuseNonText(bytes: Uint8Array, fileName = ''): void {
  const name = fileName ? `“${fileName}” ` : 'The file ';
  if (!bytes.length || !/\S/.test(String.fromCharCode(...bytes.subarray(0, 4096)))) {
    throw new RefusedFile(`${name}is empty. ${EXPECTED}`);
  }
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) {
      const xls = /\.xls$/i.test(fileName) ? ' Open it in your spreadsheet program and save it as .xlsx or CSV first.' : '';
      throw new RefusedFile(`${name}is ${what}, not an export of recommendations.${xls} ${EXPECTED}`);
    }
  }
  // Text never holds NUL bytes; UTF-16 files and other binaries do.
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new RefusedFile(`${name}is not a text, JSON or Excel file. ${EXPECTED}`);
}
