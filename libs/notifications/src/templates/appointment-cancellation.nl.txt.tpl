Afgezegd: {{title}} ({{when}})

Beste {{recipientName}},

De afspraak "{{title}}" op {{when}} gaat voor jou niet door.
{{#if schoolName}}Het zou zijn bij {{schoolName}}{{#if room}}, {{room}}{{/if}}.
{{/if}}
Het agenda-item in deze mail haalt de afspraak uit je agenda.

Met vriendelijke groet,
{{foundationName}}
