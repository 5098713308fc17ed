<p>Dear {{recipientName}},</p>
<p>Thank you for attending the theme meeting <strong>{{title}}</strong> ({{when}}). Would you tell us what you thought of it? It takes one score from 1 to 5 and, if you like, a comment. The organiser sees only the totals and the comments, not who gave what.</p>
<p><a href="{{evaluationUrl}}">Give your evaluation</a></p>
<p>Kind regards,<br>{{foundationName}}</p>
