Je bent ingeschreven: {{title}} ({{when}})

Beste {{recipientName}},

Er is een plek vrijgekomen bij de themabijeenkomst "{{title}}" ({{when}}). Je stond op de wachtlijst en bent nu ingeschreven. De uitnodiging met het agenda-item volgt in een aparte mail.

Met vriendelijke groet,
{{foundationName}}
