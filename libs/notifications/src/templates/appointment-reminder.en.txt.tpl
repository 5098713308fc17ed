Reminder: {{title}} ({{when}})

Dear {{recipientName}},

A reminder of "{{title}}".

When: {{when}}
{{#if schoolName}}Where: {{schoolName}}{{#if room}}, {{room}}{{/if}}
{{/if}}{{#if onlineUrl}}Online: {{onlineUrl}}
{{/if}}
{{#if description}}{{description}}

{{/if}}You can switch reminders off in your Leerkring settings.

Kind regards,
{{foundationName}}
