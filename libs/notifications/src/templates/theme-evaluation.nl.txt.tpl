Hoe was het? Evaluatie van {{title}}

Beste {{recipientName}},

Bedankt dat je bij de themabijeenkomst "{{title}}" ({{when}}) was. Wil je laten weten hoe je het vond? Het is één cijfer van 1 tot 5 en, als je wilt, een opmerking. De organisator ziet alleen het totaal en de opmerkingen, niet wie wat gaf.

Geef je evaluatie: {{evaluationUrl}}

Met vriendelijke groet,
{{foundationName}}
