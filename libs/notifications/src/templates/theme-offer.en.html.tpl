<p>Dear {{recipientName}},</p>
<p>A seat has become free at the theme meeting <strong>{{title}}</strong> ({{when}}). You were on the waitlist; the seat is now yours to take.</p>
<p>Do you want it? Answer before {{deadline}}. After that the seat goes to the next person on the waitlist.</p>
<p><a href="{{acceptUrl}}">Yes, I will come</a> · <a href="{{declineUrl}}">No, pass it on</a></p>
<p>Kind regards,<br>{{foundationName}}</p>
