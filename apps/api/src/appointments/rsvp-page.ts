import type { RsvpAnswer, RsvpOutcome } from '@leerkring/scheduling';
import { escapeHtml, htmlPage } from '../http/html-page';

const LABEL: Record<RsvpAnswer, string> = { accept: 'Ja, ik kom', decline: 'Nee, ik kan niet' };

/** The page an accept / decline link opens: one button that POSTs the answer. */
export function rsvpConfirmPage(token: string, answer: RsvpAnswer): string {
  return htmlPage(
    'Je antwoord op de uitnodiging',
    `<p>Klik op de knop om je antwoord door te geven.</p>
<form method="post" action="/api/v1/rsvp/${encodeURIComponent(token)}">
<input type="hidden" name="answer" value="${answer}">
<button type="submit">${LABEL[answer]}</button>
</form>
<p lang="en" style="color:#555">Press the button to send your answer.</p>`,
  );
}

/** The HTTP status and page for each outcome: never a 500 for a bad link. */
export function rsvpOutcomePage(outcome: RsvpOutcome): { status: number; html: string } {
  switch (outcome.kind) {
    case 'recorded':
    case 'unchanged':
      return {
        status: 200,
        html: htmlPage(
          'Bedankt',
          `<p>${
            outcome.answer === 'accept'
              ? `Je komt naar <strong>${escapeHtml(outcome.title)}</strong>. Tot dan!`
              : `Je kunt niet bij <strong>${escapeHtml(outcome.title)}</strong> zijn. De organisator ziet dat.`
          }</p>`,
        ),
      };
    case 'stale':
      return {
        status: 409,
        html: htmlPage(
          'De afspraak is gewijzigd',
          `<p><strong>${escapeHtml(outcome.title)}</strong> is gewijzigd sinds deze mail. Gebruik de knoppen in de nieuwste mail.</p>`,
        ),
      };
    case 'cancelled':
      return {
        status: 410,
        html: htmlPage(
          'De afspraak gaat niet door',
          `<p><strong>${escapeHtml(outcome.title)}</strong> is afgezegd.</p>`,
        ),
      };
    case 'not_participant':
      return {
        status: 404,
        html: htmlPage('Uitnodiging niet gevonden', '<p>Deze uitnodiging bestaat niet (meer) voor jou.</p>'),
      };
    case 'invalid':
      return {
        status: 400,
        html: htmlPage(
          'Deze link klopt niet',
          '<p>De link is niet volledig of is veranderd. Gebruik de knoppen in de mail.</p>',
        ),
      };
  }
}
