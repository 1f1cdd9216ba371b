/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes, CRLF or LF) into
 * objects keyed by the header row. Small on purpose: enough for the shipped corpora.
 *
 * @example
 * ```ts
 * parseCsv('a,b\n1,"x, ""y"""\n'); // [{ a: '1', b: 'x, "y"' }]
 * ```
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows = parseRows(text);
  const header = rows.shift() ?? [];
  return rows
    .filter((row) => row.length > 1 || (row[0] ?? '') !== '')
    .map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** Characters that end a run of plain field text. */
const SPECIAL = /[",\r\n]/g;

/**
 * The values of one column (empty for rows that lack it), skipping blank lines; `[]` when the
 * header has no such column. Cheaper than {@link parseCsv} when only one column is needed.
 *
 * @example
 * ```ts
 * csvColumn('a,b\n1,2\n3,4\n', 'b'); // ['2', '4']
 * ```
 */
export function csvColumn(text: string, column: string): string[] {
  const rows = parseRows(text);
  const index = rows.shift()?.indexOf(column) ?? -1;
  if (index < 0) return [];
  return rows.filter((row) => row.length > 1 || (row[0] ?? '') !== '').map((row) => row[index] ?? '');
}

function parseRows(text: string): string[][] {
  // Runs of plain text are sliced out whole (found with a regex and indexOf) rather than built a
  // character at a time: the shipped corpora are 12 MB, read on a fresh clone's first start.
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Where the next quote and carriage return are (past the end when none): a line with neither
  // is split on commas in one go.
  let nextQuote = -1;
  let nextReturn = -1;
  while (i < text.length) {
    if (row.length === 0 && field === '') {
      if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i);
      if (nextReturn < i) nextReturn = indexOrEnd(text, '\r', i);
      const newline = indexOrEnd(text, '\n', i);
      const lineEnd = nextReturn === newline - 1 ? newline - 1 : newline;
      if (newline < text.length && newline < nextQuote && lineEnd <= nextReturn) {
        rows.push(text.slice(i, lineEnd).split(','));
        i = newline + 1;
        continue;
      }
    }
    SPECIAL.lastIndex = i;
    const end = SPECIAL.exec(text)?.index ?? text.length;
    field += text.slice(i, end);
    i = end;
    if (i === text.length) break;
    const ch = text[i];
    if (ch === '"') {
      // A quoted run: up to the next lone quote; a doubled quote stands for one.
      for (let from = i + 1; ;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          field += text.slice(from);
          i = text.length;
          break;
        }
        field += text.slice(from, quote);
        if (text[quote + 1] !== '"') {
          i = quote + 1;
          break;
        }
        field += '"';
        from = quote + 2;
      }
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}
