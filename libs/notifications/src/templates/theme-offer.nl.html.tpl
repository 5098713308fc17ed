<p>Beste {{recipientName}},</p>
<p>Er is een plek vrijgekomen bij de themabijeenkomst <strong>{{title}}</strong> ({{when}}). Je stond op de wachtlijst; de plek is nu voor jou.</p>
<p>Wil je de plek? Geef het door vóór {{deadline}}. Daarna gaat de plek naar de volgende op de wachtlijst.</p>
<p><a href="{{acceptUrl}}">Ja, ik kom</a> · <a href="{{declineUrl}}">Nee, geef de plek door</a></p>
<p>Met vriendelijke groet,<br>{{foundationName}}</p>
