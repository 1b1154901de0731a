// API edge: the built web UI (ui/dist) → static files at `/`, with a strict content security policy.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

/** Where `npm run build` puts the UI: ui/dist beside src/ (and beside dist/ in a package). */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../ui/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The UI's policy: scripts, styles and data from this server only; no inline script, no plugins, no framing.
 * Article text is put into the page as text, never as markup; the policy is a second wall behind that.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Dyad</title>
<h1>Dyad</h1><p>The web UI is not built. Run <code>npm run build</code>, then start <code>dyad serve</code> again.
The JSON API is at <a href="/api/stats">/api/stats</a>; its description at <a href="/api/openapi.json">/api/openapi.json</a>.</p>`;

/** The file under `root` a URL path names, or null when it leaves `root` or is not a plain path. */
export function uiFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(join(base, path === '/' || path === '' ? 'index.html' : path));
  return file === base || file.startsWith(base + sep) ? file : null;
}

/** A handler that answers GET requests for the UI's files from `root`. */
export function serveUi(root: string): (c: Context) => Promise<Response> {
  return async (c) => {
    const file = uiFile(root, c.req.path);
    const headers: Record<string, string> = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Referrer-Policy': 'no-referrer' };
    if (file === null) return c.text('not found', 404);
    try {
      const info = await stat(file);
      if (!info.isFile()) return c.text('not found', 404);
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // Built assets carry a content hash in their names: cache them; index.html must always be fresh.
      const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Type': type, 'Cache-Control': cache } });
    } catch {
      if (c.req.path === '/' || c.req.path === '/index.html') return c.html(NOT_BUILT, 200, headers);
      return c.text('not found', 404);
    }
  };
}
