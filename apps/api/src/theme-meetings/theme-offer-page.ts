import type { OfferAnswer, OfferOutcome } from '@leerkring/theme-meetings';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1rem;padding:.6rem 1.2rem;background:#1f5f8b;color:#fff;border:0;border-radius:4px;cursor:pointer}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

const LABEL: Record<OfferAnswer, string> = { accept: 'Ja, ik neem de plek', decline: 'Nee, geef de plek door' };

export function offerConfirmPage(token: string, answer: OfferAnswer): string {
  return page(
    'Een plek bij de themabijeenkomst',
    `<p>Klik op de knop om je antwoord door te geven.</p>
<form method="post" action="/api/v1/theme-offers/${encodeURIComponent(token)}">
<input type="hidden" name="answer" value="${answer}">
<button type="submit">${LABEL[answer]}</button>
</form>
<p lang="en" style="color:#555">Press the button to send your answer.</p>`,
  );
}

export function offerOutcomePage(outcome: OfferOutcome): { status: number; html: string } {
  switch (outcome.kind) {
    case 'accepted':
      return {
        status: 200,
        html: page('Bedankt', `<p>Je bent ingeschreven voor <strong>${escapeHtml(outcome.title)}</strong>.</p>`),
      };
    case 'declined':
      return {
        status: 200,
        html: page(
          'Bedankt',
          `<p>De plek bij <strong>${escapeHtml(outcome.title)}</strong> gaat naar de volgende.</p>`,
        ),
      };
    case 'unchanged':
      return {
        status: 200,
        html: page(
          'Al doorgegeven',
          `<p>Je antwoord voor <strong>${escapeHtml(outcome.title)}</strong> was al bekend.</p>`,
        ),
      };
    case 'expired':
      return {
        status: 410,
        html: page(
          'Het aanbod is verlopen',
          `<p>De plek bij <strong>${escapeHtml(outcome.title)}</strong> is niet meer voor je vrij.</p>`,
        ),
      };
    case 'invalid':
      return { status: 400, html: page('Deze link klopt niet', '<p>De link is niet volledig of is veranderd.</p>') };
  }
}
