Cancelled: {{title}} ({{when}})

Dear {{recipientName}},

The appointment "{{title}}" on {{when}} is off for you.
{{#if schoolName}}It was to take place at {{schoolName}}{{#if room}}, {{room}}{{/if}}.
{{/if}}
The calendar item attached removes it from your calendar.

Kind regards,
{{foundationName}}
