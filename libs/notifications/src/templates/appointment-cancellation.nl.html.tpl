<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{{title}}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:36rem">
<p>Beste {{recipientName}},</p>
<p>De afspraak <strong>{{title}}</strong> op {{when}} gaat voor jou niet door.</p>
{{#if schoolName}}<p>Het zou zijn bij {{schoolName}}{{#if room}}, {{room}}{{/if}}.</p>{{/if}}
<p style="color:#555">Het agenda-item in deze mail haalt de afspraak uit je agenda.</p>
<p>Met vriendelijke groet,<br>{{foundationName}}</p>
</body></html>
