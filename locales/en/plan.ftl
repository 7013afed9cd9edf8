# Safety plan (content brief §4). Phone numbers only through variables.
# Checklist entries (plan-item-*) are button labels: plain text, no markup.

menu-plan = 🛡 Safety plan
cmd-plan = Safety plan
plan-hub-intro =
    <b>Safety plan</b>
    A safety plan is what you prepare in advance, so that in a hard moment you know what to do. We will go through { $total } short steps: places and a way out, people you trust, neighbours, an emergency bag, documents, children, your phone, leaving and the numbers to know.

    Tick what fits you, skip what does not, and stop whenever you like. At the end you choose: keep the plan here, encrypted, or just see it and keep nothing.
plan-hub-in-progress =
    <b>Safety plan</b>
    You started a plan earlier and did not finish it. Continue where you stopped, or start over?
plan-hub-saved =
    <b>Safety plan</b>
    Your plan is kept here, encrypted. You can see it, change any step or delete it.
btn-plan-start = ▶️ Make a plan
btn-plan-continue = ▶️ Continue
btn-plan-start-over = ↺ Start over
btn-plan-view = 📄 Show my plan
btn-plan-edit = ✏️ Change a step
btn-plan-delete = 🗑 Delete my plan
btn-plan-delete-confirm = 🗑 Yes, delete my plan
btn-plan-mine = 🛡 My safety plan
plan-edit-text = Which step would you like to change?
plan-delete-question = Delete your safety plan? It cannot be brought back, but you can always make a new one.
plan-deleted = Your safety plan is deleted. The bot keeps nothing of it.
plan-edited = ✓ The change is saved.
plan-edit-cancelled = Nothing was changed.
plan-stopped = We stopped here. Nothing of this plan was kept. You can start again any time: /plan
plan-step-header = <b>Step { $n } of { $total }: { $title }</b>

plan-step-places = Safe places and a way out
plan-step-places-text = Think about where you could go if it gets dangerous, and how you would get out. During an incident, a room with a way out is safer, away from the kitchen and the bathroom. If you can, call { $police }.
plan-item-places-room = A room with a way out, not the kitchen or bathroom
plan-item-places-exit = A way out of the home I can use
plan-item-places-place = A place nearby where I can go
plan-item-places-shelter = A shelter: I know the hotlines can help find one

plan-step-people = Trusted people and a code word
plan-step-people-text = A code word agreed with people you trust lets you ask for help without saying it out loud.
plan-item-people-trusted = Someone I trust knows what is happening
plan-item-people-codeword = We agreed a code word
plan-item-people-action = They know what to do when they hear it

plan-step-neighbours = Neighbours
plan-step-neighbours-text = A neighbour who hears violence can call the police, { $police }.
plan-item-neighbours-call = A neighbour will call the police if they hear violence
plan-item-neighbours-ask = There is a neighbour I could ask

plan-step-bag = An emergency bag
plan-step-bag-text = A bag packed in advance and kept in a safe place saves time if you have to leave quickly. Tick what is already in it.
plan-item-bag-documents = Documents, or copies or photos of them
plan-item-bag-money = Money
plan-item-bag-keys = Keys
plan-item-bag-medicine = Medicine
plan-item-bag-charger = Phone charger
plan-item-bag-children = Children’s things

plan-step-documents = Documents to copy
plan-step-documents-text = Copies or photos of your documents help if the originals stay behind. Tick what you have copied.
plan-item-documents-passport = Passport
plan-item-documents-taxid = Tax number (RNOKPP)
plan-item-documents-birth = Birth certificates
plan-item-documents-marriage = Marriage certificate

plan-step-children = Children
plan-step-children-text = If there are children, you can agree with them in advance where to hide, whom to call and a code word. Children and young people can call the La Strada line { $childLine }.
plan-item-children-hide = They know where to hide
plan-item-children-call = They know whom to call
plan-item-children-codeword = They know the code word

plan-step-tech = Phone and online safety
plan-step-tech-text = A phone can give away where you are and whom you talk to. Tick what you have done.
plan-item-tech-device = I have a safe device to use
plan-item-tech-history = I clear the history
plan-item-tech-location = Location sharing is off
plan-item-tech-passwords = I changed my passwords

plan-step-leaving = Leaving
plan-step-leaving-text = If you decide to leave: where to go, when it is safest, and who helps. A shelter can be found through { $laStrada } or { $govHotline }. The decision is yours.
plan-item-leaving-where = I know where I would go
plan-item-leaving-when = I know when it is safest
plan-item-leaving-who = I know who would help me

plan-step-numbers = Numbers to know by heart
plan-step-numbers-text = Your phone may be taken away. Numbers learnt by heart stay with you: police { $police }, the government hotline { $govHotline }, La Strada { $laStrada }.
plan-item-numbers-police = I know the police number
plan-item-numbers-hotline = I know the government hotline
plan-item-numbers-lastrada = I know the La Strada number
plan-item-numbers-person = I know the number of a person I trust

btn-plan-note = ✏️ Add a note
btn-plan-note-change = ✏️ Change the note
btn-plan-note-remove = 🗑 Remove the note
btn-plan-note-cancel = ← Back to the step
btn-plan-next = Next →
btn-plan-skip = Skip →
btn-plan-stop = ⏹ Stop
btn-plan-save-changes = 💾 Save the change
btn-plan-cancel = Cancel
plan-note-shown = 📝 Your note: <i>{ $note }</i>
plan-note-ask = Write a short note for “{ $title }” in one message, in your own words (up to { $max } characters).
plan-note-warning = Please write only what would not put you at risk if someone looked through this phone. A hint that only you understand is enough.
plan-note-too-long = This note has { $length } characters, and a note can have up to { $max }. Nothing is lost: your message stays in the chat, so you can copy it and send a shorter version.
plan-note-saved = ✓ The note is added.
plan-note-text-only = A note can only be text. Please write it in one message.
plan-use-buttons = Please choose with the buttons. To add something in your own words, press “✏️ Add a note”.
plan-finish-text =
    <b>That is the whole plan.</b>
    Would you like to keep it here? It is stored encrypted, you can see and change it later, and delete it whenever you want. Or just see it now: then nothing is kept.
btn-plan-save = 💾 Keep my plan
btn-plan-just-show = 👁 Just show it to me
plan-saved = ✓ Your plan is kept, encrypted. Here it is; it cannot be forwarded or saved from this chat.
plan-not-saved = Here is your plan. Nothing of it is kept; it cannot be forwarded or saved from this chat.
plan-summary-title = <b>🛡 My safety plan</b>
plan-summary-empty = Nothing is ticked yet. You can change any step whenever you like.
plan-summary-numbers = In danger: police { $police }, government hotline { $govHotline }, La Strada { $laStrada }.
plan-next-saved =
    <b>What can help next</b>
    Police can issue an urgent restraining order, and a court a restrictive order. The emergency numbers are one tap away. You can see or change your plan any time: /plan
plan-next-not-saved =
    <b>What can help next</b>
    Police can issue an urgent restraining order, and a court a restrictive order. The emergency numbers are one tap away. You can make a plan again any time: /plan
plan-kept-draft = a safety plan you started and did not finish, encrypted
plan-kept-saved = your safety plan, encrypted
