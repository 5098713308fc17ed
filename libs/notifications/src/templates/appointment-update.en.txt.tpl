Changed: {{title}} ({{when}})

Dear {{recipientName}},

{{organizerName}} has changed the appointment "{{title}}". This is how it stands now:

When: {{when}}
{{#if schoolName}}Where: {{schoolName}}{{#if room}}, {{room}}{{/if}}
{{/if}}{{#if onlineUrl}}Online: {{onlineUrl}}
{{/if}}{{#if others.length}}With: {{#each others}}{{#unless @first}}, {{/unless}}{{this}}{{/each}}
{{/if}}
{{#if description}}{{description}}

{{/if}}Can you make it?
Yes, I will attend: {{acceptUrl}}
No, I can't: {{declineUrl}}

The calendar item attached updates your calendar.

Kind regards,
{{foundationName}}
