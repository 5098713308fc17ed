<p>Beste {{recipientName}},</p>
<p>Bedankt dat je bij de themabijeenkomst <strong>{{title}}</strong> ({{when}}) was. Wil je laten weten hoe je het vond? Het is één cijfer van 1 tot 5 en, als je wilt, een opmerking. De organisator ziet alleen het totaal en de opmerkingen, niet wie wat gaf.</p>
<p><a href="{{evaluationUrl}}">Geef je evaluatie</a></p>
<p>Met vriendelijke groet,<br>{{foundationName}}</p>
