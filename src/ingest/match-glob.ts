// Ingest paths: a glob pattern ("data/**/*.{html,txt}") → a RegExp over '/'-separated relative paths.

const GLOB_CHARS = /[*?[{]/;

/** True when a path holds glob syntax (`*`, `?`, `[…]`, `{a,b}`). */
export function hasGlobChars(path: string): boolean {
  return GLOB_CHARS.test(path);
}

/**
 * Compiles a glob to a RegExp matching whole '/'-separated paths: `*` any run within one segment, `?` one character,
 * `[abc]`/`[!abc]` a class, `{a,b}` alternatives (nestable), `**` as a whole segment any number of segments,
 * and `\` escapes the next character.
 */
export function matchGlob(pattern: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRegExp(pattern[++i] as string);
    } else if (c === '*') {
      const segmentStart = i === 0 || pattern[i - 1] === '/';
      if (pattern[i + 1] === '*' && segmentStart && (pattern[i + 2] === '/' || i + 2 === pattern.length)) {
        if (pattern[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        while (pattern[i + 1] === '*') i++;
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        re += '\\[';
      } else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!') || body.startsWith('^')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\').replace(/^\^?\]/, (m) => m.replace(']', '\\]'))}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) {
      re += '|';
    } else {
      re += escapeRegExp(c);
    }
  }
  re += ')'.repeat(braces);
  return new RegExp(`^${re}$`, 'u');
}

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|]/.test(c) ? `\\${c}` : c;
}
