<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{title}}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:36rem">
<p>Dear {{recipientName}},</p>
<p>{{organizerName}} has changed the appointment <strong>{{title}}</strong>. This is how it stands now:</p>
<table style="border-collapse:collapse">
<tr><th style="text-align:left;padding-right:1rem">When</th><td>{{when}}</td></tr>
{{#if schoolName}}<tr><th style="text-align:left;padding-right:1rem">Where</th><td>{{schoolName}}{{#if room}}, {{room}}{{/if}}</td></tr>{{/if}}
{{#if onlineUrl}}<tr><th style="text-align:left;padding-right:1rem">Online</th><td><a href="{{onlineUrl}}">{{onlineUrl}}</a></td></tr>{{/if}}
{{#if others.length}}<tr><th style="text-align:left;padding-right:1rem">With</th><td>{{#each others}}{{#unless @first}}, {{/unless}}{{this}}{{/each}}</td></tr>{{/if}}
</table>
{{#if description}}<p style="white-space:pre-line">{{description}}</p>{{/if}}
<p>Can you make it?</p>
<p><a href="{{acceptUrl}}" style="display:inline-block;padding:.5rem 1rem;background:#1f6f43;color:#fff;text-decoration:none;border-radius:4px">Yes, I will attend</a>
&nbsp;<a href="{{declineUrl}}" style="display:inline-block;padding:.5rem 1rem;background:#8b1f1f;color:#fff;text-decoration:none;border-radius:4px">No, I can't</a></p>
<p style="color:#555">The calendar item attached updates your calendar.</p>
<p>Kind regards,<br>{{foundationName}}</p>
</body></html>
