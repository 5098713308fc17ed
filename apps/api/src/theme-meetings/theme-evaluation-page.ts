import type { EvaluationLink } from '@leerkring/theme-meetings';
import { escapeHtml, htmlPage } from '../http/html-page';

const SCORES: Array<[number, string]> = [
  [1, '1 – slecht'],
  [2, '2 – matig'],
  [3, '3 – voldoende'],
  [4, '4 – goed'],
  [5, '5 – uitstekend'],
];

/** The form the evaluation link opens: a score 1–5 (required) and an optional comment. */
export function evaluationFormPage(token: string, link: Extract<EvaluationLink, { kind: 'open' }>): string {
  const radios = SCORES.map(
    ([score, label]) =>
      `<label><input type="radio" name="score" value="${score}" required${link.score === score ? ' checked' : ''}> ${label}</label>`,
  ).join('\n');
  return htmlPage(
    'Hoe was de themabijeenkomst?',
    `<p>Je evaluatie van <strong>${escapeHtml(link.title)}</strong>. De organisator ziet alleen het totaal en de opmerkingen, niet wie wat gaf.</p>
<form method="post" action="/api/v1/theme-evaluations/${encodeURIComponent(token)}">
<fieldset><legend>Je cijfer</legend>
${radios}
</fieldset>
<label for="comment">Opmerking (niet verplicht)</label>
<textarea id="comment" name="comment" rows="4" maxlength="2000">${escapeHtml(link.comment ?? '')}</textarea>
<p><button type="submit">Evaluatie versturen</button></p>
</form>
<p lang="en" style="color:#555">Your evaluation: a score from 1 (poor) to 5 (excellent) and, if you like, a comment.</p>`,
  );
}

export function evaluationThanksPage(title: string, score: number): string {
  return htmlPage(
    'Bedankt',
    `<p>Je evaluatie van <strong>${escapeHtml(title)}</strong> is ontvangen (cijfer ${score}). Via dezelfde link kun je haar nog aanpassen.</p>`,
  );
}

export const evaluationInvalidPage = (): string =>
  htmlPage('Deze link klopt niet', '<p>De link is niet volledig of is veranderd. Gebruik de link in de mail.</p>');
