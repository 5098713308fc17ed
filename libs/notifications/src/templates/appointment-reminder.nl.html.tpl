<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{{title}}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:36rem">
<p>Beste {{recipientName}},</p>
<p>Een herinnering aan <strong>{{title}}</strong>.</p>
<table style="border-collapse:collapse">
<tr><th style="text-align:left;padding-right:1rem">Wanneer</th><td>{{when}}</td></tr>
{{#if schoolName}}<tr><th style="text-align:left;padding-right:1rem">Waar</th><td>{{schoolName}}{{#if room}}, {{room}}{{/if}}</td></tr>{{/if}}
{{#if onlineUrl}}<tr><th style="text-align:left;padding-right:1rem">Online</th><td><a href="{{onlineUrl}}">{{onlineUrl}}</a></td></tr>{{/if}}
</table>
{{#if description}}<p style="white-space:pre-line">{{description}}</p>{{/if}}
<p style="color:#555">Herinneringen uitzetten kan bij je instellingen in Leerkring.</p>
<p>Met vriendelijke groet,<br>{{foundationName}}</p>
</body></html>
