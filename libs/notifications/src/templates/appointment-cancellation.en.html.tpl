<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{title}}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:36rem">
<p>Dear {{recipientName}},</p>
<p>The appointment <strong>{{title}}</strong> on {{when}} is off for you.</p>
{{#if schoolName}}<p>It was to take place at {{schoolName}}{{#if room}}, {{room}}{{/if}}.</p>{{/if}}
<p style="color:#555">The calendar item attached removes it from your calendar.</p>
<p>Kind regards,<br>{{foundationName}}</p>
</body></html>
