Herinnering: {{title}} ({{when}})

Beste {{recipientName}},

Een herinnering aan "{{title}}".

Wanneer: {{when}}
{{#if schoolName}}Waar: {{schoolName}}{{#if room}}, {{room}}{{/if}}
{{/if}}{{#if onlineUrl}}Online: {{onlineUrl}}
{{/if}}
{{#if description}}{{description}}

{{/if}}Herinneringen uitzetten kan bij je instellingen in Leerkring.

Met vriendelijke groet,
{{foundationName}}
