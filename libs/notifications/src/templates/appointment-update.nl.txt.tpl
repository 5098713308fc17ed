Gewijzigd: {{title}} ({{when}})

Beste {{recipientName}},

{{organizerName}} heeft de afspraak "{{title}}" gewijzigd. Zo ziet hij er nu uit:

Wanneer: {{when}}
{{#if schoolName}}Waar: {{schoolName}}{{#if room}}, {{room}}{{/if}}
{{/if}}{{#if onlineUrl}}Online: {{onlineUrl}}
{{/if}}{{#if others.length}}Met: {{#each others}}{{#unless @first}}, {{/unless}}{{this}}{{/each}}
{{/if}}
{{#if description}}{{description}}

{{/if}}Kun je erbij zijn?
Ja, ik kom: {{acceptUrl}}
Nee, ik kan niet: {{declineUrl}}

Je agenda wordt bijgewerkt met het agenda-item in deze mail.

Met vriendelijke groet,
{{foundationName}}
