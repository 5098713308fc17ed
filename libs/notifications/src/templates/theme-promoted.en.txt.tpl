You are registered: {{title}} ({{when}})

Dear {{recipientName}},

A seat has become free at the theme meeting "{{title}}" ({{when}}). You were on the waitlist and are now registered. The invitation with the calendar entry follows in a separate mail.

Kind regards,
{{foundationName}}
