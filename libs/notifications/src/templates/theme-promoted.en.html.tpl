<p>Dear {{recipientName}},</p>
<p>A seat has become free at the theme meeting <strong>{{title}}</strong> ({{when}}). You were on the waitlist and are now registered. The invitation with the calendar entry follows in a separate mail.</p>
<p>Kind regards,<br>{{foundationName}}</p>
