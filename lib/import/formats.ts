/**
 * The two export layouts we take, recognised by their header line, and the plain-English refusal
 * for anything else (an image, an empty file, a spreadsheet with other columns).
 */
export type ExportFormat = 'upr-info' | 'uhri';

export const UPR_INFO_COLUMNS = ['To', 'To-Rgrp', 'To-Org', 'Text', 'From', 'From-Rgrp', 'From-Org', 'Response', 'Action', 'Issue', 'Session'] as const;
/** Columns a UPR Info file cannot do without; the regional group and organisation columns are informative only. */
export const UPR_INFO_REQUIRED = ['To', 'Text', 'From', 'Response', 'Action', 'Issue', 'Session'] as const;

export const UHRI_COLUMNS = [
  'Text',
  'Countries Concerned',
  'Recommending Body',
  'Document Symbol',
  'Themes',
  'Affected Persons',
  'SDGs',
  'UPR Recommending States',
  'UPR Position',
  'UPR Session',
] as const;
export const UHRI_REQUIRED = ['Text', 'Countries Concerned', 'Recommending Body', 'UPR Recommending States', 'UPR Position', 'UPR Session'] as const;

export const EXPECTED =
  'Expected a CSV export of UPR recommendations: from UPR Info (columns To, Text, From, Response, Action, Issue, Session) ' +
  "or from OHCHR's Universal Human Rights Index (columns Text, Countries Concerned, Recommending Body, UPR Recommending States, UPR Position, UPR Session).";

export class RefusedFile extends Error {
  override name = 'RefusedFile';
}

const headerKey = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase();

/** Column positions by name, found case-insensitively and in any order. */
export function columnIndex(header: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (!out.has(k)) out.set(k, i);
  });
  return out;
}

function missing(header: readonly string[], required: readonly string[]): string[] {
  const idx = columnIndex(header);
  return required.filter((c) => !idx.has(c.toLowerCase()));
}

/** Which export a header line belongs to, or a RefusedFile saying what is missing. */
export function detectFormat(header: readonly string[]): ExportFormat {
  const uprMissing = missing(header, UPR_INFO_REQUIRED);
  if (!uprMissing.length) return 'upr-info';
  const uhriMissing = missing(header, UHRI_REQUIRED);
  if (!uhriMissing.length) return 'uhri';
  const seen = header.filter((h) => h.trim()).slice(0, 8).map((h) => `“${h.trim().slice(0, 40)}”`);
  const closer = uprMissing.length <= uhriMissing.length ? { name: 'UPR Info', missing: uprMissing } : { name: 'UHRI', missing: uhriMissing };
  throw new RefusedFile(
    `This file does not have the columns of a UPR export. ${seen.length ? `Its first line reads ${seen.join(', ')}. ` : ''}` +
      `For a ${closer.name} export it lacks ${closer.missing.join(', ')}. ${EXPECTED}`,
  );
}

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zipped file (an Excel .xlsx or Word .docx workbook, for instance)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office file (.xls or .doc)'],
  [[0x52, 0x49, 0x46, 0x46], 'a media file'],
];

/** Refuses at once what cannot be a CSV text export: an empty file, an image, a binary file. */
export function refuseNonText(bytes: Uint8Array, fileName = ''): void {
  const name = fileName ? `“${fileName}” ` : 'The file ';
  if (!bytes.length || !/\S/.test(String.fromCharCode(...bytes.subarray(0, 4096)))) {
    throw new RefusedFile(`${name}is empty. ${EXPECTED}`);
  }
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) {
      const xlsx = /\.xlsx?$/i.test(fileName) ? ' Open it in your spreadsheet program and save it as CSV first.' : '';
      throw new RefusedFile(`${name}is ${what}, not a CSV export.${xlsx} ${EXPECTED}`);
    }
  }
  // Text never holds NUL bytes; UTF-16 files and other binaries do.
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new RefusedFile(`${name}is not a text (CSV) file. ${EXPECTED}`);
}
