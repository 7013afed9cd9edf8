# "Am I in danger?" (content brief §5). Never a score. Phone numbers only through variables.

menu-danger = ⚠️ Am I in danger?
btn-danger = ⚠️ Am I in danger?
danger-intro =
    <b>Am I in danger?</b>
    { $total } short questions about signs that the danger may be growing, one at a time. Answer yes, no or not sure, and stop whenever you like.

    Your answers are not kept anywhere. At the end you will see what the signs mean and what can help, not a score.

    If you are in danger right now, call { $police }.
btn-danger-start = Begin
danger-question = <b>Question { $n } of { $total }</b>
danger-q-worse = Has the violence become worse or more frequent lately?
danger-q-weapon = Does the person who hurts you have a gun or another weapon, or have they threatened you with one?
danger-q-kill = Have they threatened to kill you?
danger-q-choke = Have they ever choked or strangled you?
danger-q-sex = Have they forced you to have sex?
danger-q-separation = Have you separated from them, or tried to, in the past year?
danger-q-control = Do they control your daily life: where you go, whom you see, what you do?
danger-q-jealousy = Are they violently jealous?
danger-q-stalking = Do they follow you, watch you or keep checking where you are?
danger-q-children = Have they threatened to hurt your children?
danger-q-pregnancy = Did they hurt you while you were pregnant?
danger-q-suicide = Have they threatened to kill themselves?
danger-q-belief = Do you think they could kill you?
btn-danger-yes = Yes
btn-danger-no = No
btn-danger-unsure = Not sure
btn-danger-stop = ⏹ Stop
danger-stopped = We stopped. Your answers were not kept. If you are in danger, call { $police }.
danger-result-some =
    <b>What your answers show</b>
    You recognised few or none of these signs. Any violence is still a reason to look for support, and if something changes, trust your feelings. The government hotline { $govHotline } and La Strada { $laStrada } can talk it through with you, anonymously and free of charge.
danger-result-several =
    <b>What your answers show</b>
    You recognised several of these signs. Together they can mean high danger. You do not have to face it alone: the government hotline { $govHotline } and La Strada { $laStrada } help around the clock. If you are in danger now, call the police: { $police }.
danger-result-high =
    <b>You may be in serious danger</b>
    If you can, call the police now: { $police }.
    The government hotline { $govHotline } and La Strada { $laStrada } work around the clock and can help you find a safe place.

    What you answered includes signs that mean high danger.
danger-result-unsure = You were not sure about some questions. That is all right: a specialist at { $govHotline } or { $laStrada } can help you think them through.
danger-result-after = This is not a diagnosis and not a score, only a way to look at the signs. Your answers were not kept. Police can issue an urgent restraining order, and a court a restrictive order; a safety plan helps you prepare.
btn-danger-plan = 🛡 Safety plan
