// Ingest cleaning: clean article text → its byline ("By Jane Roe, Reuters") lifted out of the first paragraphs.

/** "By …" and up to 110 characters with no sentence end: a period only after an initial or a month or title abbreviation ("Jane A. Doe | Jan. 5, 2021"). */
const BYLINE = /^by\s+([A-Z\u00c0-\u024f](?:[^.!?\n]|(?<=\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Jr|Sr|Dr|St))\.(?=\s)){1,110})$/i;
/** Paragraphs at the top of an article where a byline may stand. */
const SEARCH = 3;

/** Finds a "By …" byline among the first paragraphs; returns it (without "By") and the text without that paragraph. */
export function takeByline(text: string): { byline: string | null; text: string } {
  let start = 0;
  for (let i = 0; i < SEARCH && start < text.length; i++) {
    const end = text.indexOf('\n\n', start);
    const stop = end === -1 ? text.length : end;
    const match = BYLINE.exec(text.slice(start, stop));
    if (match && (match[1] as string).split(/\s+/).length <= 14) {
      const rest = text.slice(0, start) + text.slice(end === -1 ? stop : stop + 2);
      return { byline: cleanByline(match[1] as string), text: rest.replace(/\n\n$/, '') };
    }
    if (end === -1) break;
    start = end + 2;
  }
  return { byline: null, text };
}

/** Tidies a byline taken from text or metadata: drops a leading "By", trailing separators and extra spaces. */
export function cleanByline(raw: string): string | null {
  const byline = raw.replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '').replace(/[\s|,;:–—-]+$/, '').trim();
  return byline === '' || /^https?:/i.test(byline) ? null : byline;
}
