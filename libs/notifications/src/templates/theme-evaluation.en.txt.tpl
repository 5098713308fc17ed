How was it? Evaluation of {{title}}

Dear {{recipientName}},

Thank you for attending the theme meeting "{{title}}" ({{when}}). Would you tell us what you thought of it? It takes one score from 1 to 5 and, if you like, a comment. The organiser sees only the totals and the comments, not who gave what.

Give your evaluation: {{evaluationUrl}}

Kind regards,
{{foundationName}}
