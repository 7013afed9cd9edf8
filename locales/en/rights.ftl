# “My rights” (content brief §2). Phone numbers only through variables.

rights-intro = A short guide to what Ukrainian law says about domestic violence and how it can protect you. Choose a topic.

## What counts as domestic violence

rights-forms = What is domestic violence
rights-forms-1 =
    The Law of Ukraine “On Prevention and Counteraction of Domestic Violence” (No. 2229-VIII) names four forms of domestic violence:

    • <b>physical</b>: causing pain or harm to your body;
    • <b>sexual</b>: any sexual acts without your consent;
    • <b>psychological</b>: humiliation, intimidation, constant control;
    • <b>economic</b>: taking away money, property or things you need to live, or keeping total control of them.
rights-forms-2 =
    Violence is not only what someone does. It also includes <b>omissions</b> (for example, deliberately leaving a person without care or help) and <b>threats</b>.

    Violence can happen without bruises. If you recognise any of this in your life, it is not your fault, and you have the right to protection.

    You can talk about it anonymously on the government hotline { $govHotline }. The La Strada Ukraine line also offers support: { $laStrada }. Both work 24/7 and are free.

## Who is protected

rights-who = Who is protected
rights-who-1 =
    The law protects you whether or not you live with the abuser now. It covers:

    • current and former spouses;
    • current and former partners;
    • people who have a child together;
    • parents and children;
    • other relatives;
    • guardians and foster carers.

    So violence from an ex-partner after a break-up is domestic violence too.

## Rights of a victim

rights-rights = Your rights
rights-rights-1 =
    As a person affected by domestic violence, you have the right:

    • to urgent protection;
    • to apply yourself or through a representative;
    • to full information about your rights and the services available;
    • to be treated with respect for your dignity;
    • to confidentiality and protection of your personal data;
    • to free social, medical and psychological help.
rights-rights-2 =
    You also have the right:

    • to free legal aid;
    • where possible, to a specialist of the gender you choose;
    • to compensation;
    • to go to the police and to court;
    • to be told about decisions, including when the abuser is released.

    You decide which of these rights to use, and when. Free legal advice: { $legalAid }.

## Urgent restraining order

rights-urgent = Urgent restraining order (police)
rights-urgent-1 =
    This is an order issued by the <b>police</b> for <b>up to 10 days</b>. The police issue it on their own initiative or when you apply for it.

    The order can:
    • oblige the abuser to leave the home, even if the abuser owns it;
    • ban the abuser from entering the home;
    • ban contacting you in any way.
rights-urgent-2 =
    If the risk assessment carried out by the police finds a high risk, the police are obliged to issue the order. Breaking the order is an offence.

    To get an order, you can apply to the police, including the officers who come out to a call.

    For longer protection, from 1 to 6 months, there is the restrictive order, issued by a court.

## Restrictive order

rights-restrict = Restrictive order (court)
rights-restrict-1 =
    A restrictive order is issued by a <b>court</b> for <b>1 to 6 months</b>. It can be extended, each time by up to 6 months.

    Among other things, the court can:
    • ban the abuser from staying in the shared home;
    • ban them from coming within a set distance of your home, work or place of study;
    • ban stalking you;
    • ban any contact, including through other people;
    • limit the abuser’s contact with a child.
rights-restrict-2 =
    Who can apply to the court:
    • you or your representative;
    • for a child: the parents or the children’s service.

    Lawyers of the free legal aid system can help you write the application: { $legalAid }.

    If you are in danger right now, you can call the police: { $police }.

## When it is a crime

rights-crime = When it is a crime
rights-crime-1 =
    What the abuser is liable for depends on whether it is a single episode or systematic violence:

    • a <b>single episode</b> of domestic violence is an administrative offence (Article 173-2 of the Code of Ukraine on Administrative Offences);
    • <b>systematic</b> domestic violence is a crime (Article 126-1 of the Criminal Code of Ukraine, in force since 11 January 2019).

    Even a single episode breaks the law, and you can report it to the police: { $police }.

    Free legal aid lawyers can help you work out your options in your situation: { $legalAid }.

## Free legal aid

rights-legal-aid = Free legal aid
rights-legal-aid-1 =
    People affected by domestic violence have the right to free legal aid.

    The free legal aid line: { $legalAid }, 24/7 and free of charge.

    They can help you:
    • understand your rights;
    • write a court application for a restrictive order;
    • apply for the status and reparations for survivors of war-related sexual violence.

    You can call even if you have not decided what to do next.

## Children who witness violence

rights-children = Children who witness violence
rights-children-1 =
    A child who witnesses domestic violence is a victim too, even if the violence is not aimed at them. This is set out in Law No. 3733-IX, in force since 19 December 2024.

    So the child also has the right to protection and help.

    To protect a child, the parents or the children’s service can apply to the court for a restrictive order. The court can limit the abuser’s contact with the child.
rights-children-2 =
    Children and teenagers can also call the La Strada Ukraine line for children and young people themselves: { $childLine } or { $childLineFree }, free of charge.

    If your child has seen violence, it is not your fault. You do not have to cope with this alone: you can talk it over on { $laStrada } or { $govHotline }.

## Conflict-related sexual violence

rights-crsv = War-related sexual violence
rights-crsv-1 =
    If you have survived sexual violence related to the war, it is not your fault.

    Law No. 4067-IX (in force since 18 June 2025) gives survivors a special status and urgent interim reparations.

    Lawyers of the free legal aid system can help you apply: { $legalAid }.

    You decide whether and when to apply. If you would like to talk to someone right now, Lifeline Ukraine is there: { $lifeline }.
