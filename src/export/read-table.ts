// Export readers: TSV and CSV text → rows of named fields (for round-trip tests and for users re-reading exports).

/** Splits RFC 4180 CSV into records of fields (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Undoes the spreadsheet-formula guard of `csvField` (export-context.ts) (a `'` put before a leading = + - @). */
export function unguard(field: string): string {
  return /^'[=+\-@]/.test(field) ? field.slice(1) : field;
}

/** CSV with a header line → one object per record, keyed by header, formula guards undone. */
export function readCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, unguard(row[i] ?? '')])));
}

/** TSV → objects keyed by `columns` (files without a header, like GDELT's), or by the first line when absent. */
export function readTsv(text: string, columns?: readonly string[]): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const names = columns ?? lines.shift()?.split('\t') ?? [];
  return lines.map((line) => {
    const fields = line.split('\t');
    if (fields.length !== names.length) throw new Error(`TSV line has ${fields.length} fields, expected ${names.length}: ${line.slice(0, 80)}`);
    return Object.fromEntries(names.map((name, i) => [name, fields[i] ?? '']));
  });
}
