# “Help someone else” (content brief §7). Phone numbers only through variables.

bystander-intro = If you see or suspect that someone is being abused, you can help in ways that keep both you and them safe.

## The 5 Ds (Right To Be)

bystander-five-ds = How to step in: the 5 Ds
bystander-five-ds-1 =
    Here are five ways to step in, suggested by Right To Be (known as the “5 Ds”). Choose the one that feels safe for you.

    • <b>Distract.</b> You can interrupt with something ordinary, for example by asking one of them an unrelated question.
    • <b>Delegate.</b> You can call the police on { $police }, or get other people nearby to help.
bystander-five-ds-2 =
    • <b>Document.</b> Filming makes sense only when someone is already helping the person. It is best to keep your distance and to give the recording to the person who was harmed: it is their choice what happens with it.
    • <b>Delay.</b> If you could not step in, you can check in later: ask how they are and whether they would like any help.
    • <b>Direct.</b> You can say briefly and calmly that this is not okay, but only if it is safe.

    Your safety matters too.

## How to report as a witness

bystander-report = How to report as a witness
bystander-report-1 =
    Witnesses of domestic violence can call the police: { $police }, 24/7 and free of charge.

    If you would rather not give your name, you can report anonymously to the government hotline { $govHotline }. It works 24/7 and is free from mobile phones and landlines.

    When you call, it helps to give the address, say briefly what you see or hear, and mention whether there are children or a weapon.

    If someone is hurt, you can call an ambulance: { $ambulance }.

## When a child is at risk

bystander-children = When a child is at risk
bystander-children-1 =
    If a child is in danger right now, you can call the police straight away: { $police }.

    To talk it over or share what worries you, you can call the La Strada Ukraine line for children and young people: { $childLine } or { $childLineFree }, free of charge.

    You can report anonymously to the government hotline { $govHotline }: it also takes reports of violence against children.

    A child who witnesses domestic violence is a victim too, even if the violence is not aimed at them.

    If a child tells you about violence, you can thank them for trusting you and tell them it is not their fault.

## What to avoid

bystander-dont = What to avoid
bystander-dont-1 =
    So that your help does no harm, it is better not to:

    • confront the abuser alone: it can be dangerous for you and for the person being harmed;
    • share the person’s story with others without their consent;
    • pressure, rush or blame them: only they can decide what to do and when;
    • post photos or videos on social media: it can put them at risk.

    What helps instead: listen, believe them, tell them it is not their fault, and share the numbers { $laStrada } and { $govHotline }.
