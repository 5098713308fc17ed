const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The small page a sign-in link opens: one button that POSTs the token. */
export function verifyPage(token: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloggen bij Leerkring</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1rem;padding:.6rem 1.2rem;background:#1f5f8b;color:#fff;border:0;border-radius:4px;cursor:pointer}</style>
</head><body>
<h1>Inloggen bij Leerkring</h1>
<p>Klik op de knop om in te loggen. De link werkt één keer.</p>
<form method="post" action="/api/v1/auth/verify">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="mode" value="cookie">
<button type="submit">Inloggen</button>
</form>
<p lang="en" style="color:#555">Sign in to Leerkring: press the button. The link works once.</p>
</body></html>`;
}
