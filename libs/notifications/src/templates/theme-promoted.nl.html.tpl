<p>Beste {{recipientName}},</p>
<p>Er is een plek vrijgekomen bij de themabijeenkomst <strong>{{title}}</strong> ({{when}}). Je stond op de wachtlijst en bent nu ingeschreven. De uitnodiging met het agenda-item volgt in een aparte mail.</p>
<p>Met vriendelijke groet,<br>{{foundationName}}</p>
