Er is een plek vrij: {{title}} ({{when}})

Beste {{recipientName}},

Er is een plek vrijgekomen bij de themabijeenkomst "{{title}}" ({{when}}). Je stond op de wachtlijst; de plek is nu voor jou.

Wil je de plek? Geef het door vóór {{deadline}}. Daarna gaat de plek naar de volgende op de wachtlijst.
Ja, ik kom: {{acceptUrl}}
Nee, geef de plek door: {{declineUrl}}

Met vriendelijke groet,
{{foundationName}}
