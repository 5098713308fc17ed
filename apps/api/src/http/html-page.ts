import type { Response } from 'express';

/**
 * The small server-rendered pages that links in mails open without signing in (RSVP, waitlist
 * offers, evaluations): one look, escaped text, never cached, never leaking the token onward.
 */
export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1rem;padding:.6rem 1.2rem;background:#1f5f8b;color:#fff;border:0;border-radius:4px;cursor:pointer}
fieldset{border:1px solid #bbb;border-radius:4px;margin:0 0 1rem}label{display:block;margin:.25rem 0}
textarea{width:100%;font:inherit;box-sizing:border-box}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

/** In the OpenAPI document: routes that answer pages for people, errors included. */
export const HTML_PAGE = { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } };

export function sendHtml(response: Response, status: number, html: string): void {
  response
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .set('Referrer-Policy', 'no-referrer')
    .send(html);
}
