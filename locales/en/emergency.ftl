sos-text =
    <b>If you are in danger</b>

    { $police } — police, if someone hurts or threatens you. 24/7, free.
    { $ambulance } — ambulance. 24/7, free.
    { $emergency } — single emergency number; coverage may still be incomplete.
    { $govHotline } — government hotline: domestic and gender-based violence, trafficking, violence against children. Anonymous, 24/7, free.
    { $laStrada } or { $laStradaFree } — La Strada Ukraine: someone listens and advises. 24/7, free.
    { $childLine } or { $childLineFree } — La Strada Ukraine for children and young people. Free.

    Tap a number to copy it.
lines-text =
    <b>Other support lines</b>

    { $legalAid } — free legal aid: advice and help with applications. 24/7, free.
    { $lifeline } — Lifeline Ukraine: emotional support when things are very hard, suicide prevention. 24/7, free from major mobile operators.
    { $psychLine } — National Psychological Association support line: daily, 10:00 to 20:00.

    Tap a number to copy it.
