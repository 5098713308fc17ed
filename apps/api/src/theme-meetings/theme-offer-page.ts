import type { OfferAnswer, OfferOutcome } from '@leerkring/theme-meetings';
import { escapeHtml, htmlPage } from '../http/html-page';

const LABEL: Record<OfferAnswer, string> = { accept: 'Ja, ik neem de plek', decline: 'Nee, geef de plek door' };

export function offerConfirmPage(token: string, answer: OfferAnswer): string {
  return htmlPage(
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
        html: htmlPage('Bedankt', `<p>Je bent ingeschreven voor <strong>${escapeHtml(outcome.title)}</strong>.</p>`),
      };
    case 'declined':
      return {
        status: 200,
        html: htmlPage(
          'Bedankt',
          `<p>De plek bij <strong>${escapeHtml(outcome.title)}</strong> gaat naar de volgende.</p>`,
        ),
      };
    case 'unchanged':
      return {
        status: 200,
        html: htmlPage(
          'Al doorgegeven',
          `<p>Je antwoord voor <strong>${escapeHtml(outcome.title)}</strong> was al bekend.</p>`,
        ),
      };
    case 'expired':
      return {
        status: 410,
        html: htmlPage(
          'Het aanbod is verlopen',
          `<p>De plek bij <strong>${escapeHtml(outcome.title)}</strong> is niet meer voor je vrij.</p>`,
        ),
      };
    case 'invalid':
      return {
        status: 400,
        html: htmlPage('Deze link klopt niet', '<p>De link is niet volledig of is veranderd.</p>'),
      };
  }
}
