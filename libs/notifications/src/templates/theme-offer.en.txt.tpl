A seat is free: {{title}} ({{when}})

Dear {{recipientName}},

A seat has become free at the theme meeting "{{title}}" ({{when}}). You were on the waitlist; the seat is now yours to take.

Do you want it? Answer before {{deadline}}. After that the seat goes to the next person on the waitlist.
Yes, I will come: {{acceptUrl}}
No, pass it on: {{declineUrl}}

Kind regards,
{{foundationName}}
