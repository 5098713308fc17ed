Invitation: {{title}} ({{when}})

Dear {{recipientName}},

{{organizerName}} invites you to "{{title}}".

When: {{when}}
{{#if schoolName}}Where: {{schoolName}}{{#if room}}, {{room}}{{/if}}
{{/if}}{{#if onlineUrl}}Online: {{onlineUrl}}
{{/if}}{{#if others.length}}With: {{#each others}}{{#unless @first}}, {{/unless}}{{this}}{{/each}}
{{/if}}
{{#if description}}{{description}}

{{/if}}Can you make it?
Yes, I will attend: {{acceptUrl}}
No, I can't: {{declineUrl}}

The invitation is also attached as a calendar item.

Kind regards,
{{foundationName}}
