<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{{title}}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:36rem">
<p>Beste {{recipientName}},</p>
<p>{{organizerName}} heeft de afspraak <strong>{{title}}</strong> gewijzigd. Zo ziet hij er nu uit:</p>
<table style="border-collapse:collapse">
<tr><th style="text-align:left;padding-right:1rem">Wanneer</th><td>{{when}}</td></tr>
{{#if schoolName}}<tr><th style="text-align:left;padding-right:1rem">Waar</th><td>{{schoolName}}{{#if room}}, {{room}}{{/if}}</td></tr>{{/if}}
{{#if onlineUrl}}<tr><th style="text-align:left;padding-right:1rem">Online</th><td><a href="{{onlineUrl}}">{{onlineUrl}}</a></td></tr>{{/if}}
{{#if others.length}}<tr><th style="text-align:left;padding-right:1rem">Met</th><td>{{#each others}}{{#unless @first}}, {{/unless}}{{this}}{{/each}}</td></tr>{{/if}}
</table>
{{#if description}}<p style="white-space:pre-line">{{description}}</p>{{/if}}
<p>Kun je erbij zijn?</p>
<p><a href="{{acceptUrl}}" style="display:inline-block;padding:.5rem 1rem;background:#1f6f43;color:#fff;text-decoration:none;border-radius:4px">Ja, ik kom</a>
&nbsp;<a href="{{declineUrl}}" style="display:inline-block;padding:.5rem 1rem;background:#8b1f1f;color:#fff;text-decoration:none;border-radius:4px">Nee, ik kan niet</a></p>
<p style="color:#555">Je agenda wordt bijgewerkt met het agenda-item in deze mail.</p>
<p>Met vriendelijke groet,<br>{{foundationName}}</p>
</body></html>
