/**
 * Independent readers for the sample tests: an RFC 4180 CSV parser and the few value parsers a careful person
 * would write by hand. They deliberately share nothing with the generator, so the tests check the files
 * against what they say, not the generator against itself.
 */

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) after an optional BOM. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** VND as a POS prints it: `45000`, `-45000`, `1.250.000`, `1.250.000 ₫` (no-break space). NaN otherwise. */
export function parseVnd(text: string): number {
  const bare = text.replace(/\u00a0₫$/, '');
  if (/^-?\d+$/.test(bare)) return Number(bare);
  if (/^-?\d{1,3}(\.\d{3})+$/.test(bare)) return Number(bare.replace(/\./g, ''));
  return NaN;
}

/** `dd/mm/yyyy hh:mm[:ss]` → `yyyy-mm-dd`, or '' when it is not a real date and time. */
export function dayOf(text: string): string {
  const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return '';
  const [, dd, mm, yyyy, hh, mi] = match;
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (date.getUTCDate() !== Number(dd) || date.getUTCMonth() !== Number(mm) - 1) return '';
  if (Number(hh) > 23 || Number(mi) > 59) return '';
  return `${yyyy}-${mm}-${dd}`;
}

/** Vietnam's 2018 renumbering of 11-digit mobiles (pos-formats.md). */
const OLD_MOBILE_PREFIXES: Record<string, string> = {
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  '0186': '056',
  '0188': '058',
  '0199': '059',
};

/** Any of the spellings in pos-formats.md → `0xxxxxxxxx`, or '' when it is not a Vietnamese mobile. */
export function canonicalPhone(text: string): string {
  let digits = text.replace(/^'/, '').replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  else if (digits.length === 9) digits = `0${digits}`;
  if (digits.length === 11 && OLD_MOBILE_PREFIXES[digits.slice(0, 4)]) {
    digits = OLD_MOBILE_PREFIXES[digits.slice(0, 4)] + digits.slice(4);
  }
  return /^0[35789]\d{8}$/.test(digits) ? digits : '';
}

/** A table read from a sheet: the header and each record keyed by column name, with its 1-based row. */
export interface Record_ {
  row: number;
  cells: string[];
  get(column: string): string;
}

export function recordsOf(rows: string[][], headerRow: number): Record_[] {
  const header = rows[headerRow - 1];
  const index = new Map(header.map((name, i) => [name, i]));
  return rows.slice(headerRow).map((cells, k) => ({
    row: headerRow + 1 + k,
    cells,
    get(column: string): string {
      const at = index.get(column);
      if (at === undefined) throw new Error(`No column "${column}"`);
      return cells[at];
    },
  }));
}
