menu-referral = 💬 Talk to a person
cmd-referral = Ask a specialist to contact you
cmd-group-reply = Write to the person: /reply CODE text
cmd-group-history = A referral’s history: /history CODE

## The person's side
ref-to-text =
    <b>Talk to a person</b>

    A specialist can contact you: here in this chat, without seeing your name or account, or by phone if you prefer. You will not need to tell your story twice.

    Who should contact you?
btn-ref-to-svc = The service I came from
btn-ref-to-hub = 🏠 A community safety hub near me
btn-ref-to-police = 👮 Police near me
btn-ref-to-fast = ⚡ Whoever can help fastest
ref-region-text = Which region are you in?
ref-region-or-location =
    Which region are you in?

    Or share your location, and I will find the one nearest to you. I use it only for that, remove it from the chat and do not keep it.
btn-ref-location = 📍 Share my location
ref-locate-text = Tap “📍 Send my location” at the bottom, below the message field. I use it only to find the one nearest to you, remove it from the chat and do not keep it.
btn-ref-near-region = 🗺 Choose the region instead
ref-location-used = Thank you. Your location was used and removed from the chat; I do not keep it.
ref-near-found = The { $kind } nearest to you: <b>{ $partner }</b>.
ref-near-far =
    There is none within { $km } km of you. The nearest { $kind } I know of: <b>{ $partner }</b>.

    You can ask them anyway, or ask whoever can help fastest: our duty team.
ref-near-unplaced = I cannot find them by location yet. Please choose your region, or ask whoever can help fastest: our duty team.
btn-ref-near-ask = ✅ Ask them to contact me
ref-partner-text = Choose who should contact you:
ref-none-of-kind = There is no such partner in the bot yet. “Whoever can help fastest” reaches our duty team.
ref-help-text = What help do you need?
ref-help-safety = Safety and shelter
ref-help-legal = Legal help
ref-help-psych = Psychological support
ref-help-police = Reporting to the police
ref-help-other = Something else
ref-contact-text =
    How should they contact you?

    Through this chat is anonymous: they write here under their organisation’s name and never see your Telegram name or account.
btn-ref-relay = 💬 Through this chat (anonymous)
btn-ref-phone = 📞 By phone
ref-phone-text =
    Type your Ukrainian number, for example 050 123 45 67, or tap “Share my number” below the chat.
ref-phone-keyboard = ⬇️ Or share it with one tap:
btn-ref-share-phone = 📱 Share my number
ref-phone-bad = That does not look like a Ukrainian number. Please try again, for example 050 123 45 67 or +380 50 123 45 67.
ref-phone-ok = Number noted: <code>{ $phone }</code>
ref-window-text = When is it safe to call you?
ref-window-morning = Morning (9:00–12:00)
ref-window-day = Afternoon (12:00–17:00)
ref-window-evening = Evening (17:00–21:00)
ref-window-any = Any time
ref-voicemail-text = If you do not answer, is it safe to leave a voicemail?
btn-ref-voicemail-yes = Yes, a voicemail is safe
btn-ref-voicemail-no = No voicemail, please
ref-note-text =
    Anything they should know first? A short note, up to { $max } characters. You can skip this.
btn-ref-note-skip = Skip
ref-note-too-long = That is { $length } characters; please shorten it to { $max }.
ref-note-text-only = Please write the note as text, or tap “Skip”.
ref-use-buttons = Please choose one of the buttons.
ref-consent-title = <b>Please check before sending</b>
ref-consent-to = It goes to: <b>{ $partner }</b>, to their staff on Telegram.
ref-consent-shared = They will see:
ref-consent-help = the help you need: { $help }
ref-consent-relay = that they should write to you through this chat
ref-consent-phone = your phone <code>{ $phone }</code>, to call { $window }
ref-consent-voicemail-yes = a voicemail is safe
ref-consent-voicemail-no = no voicemail
ref-consent-note = your note: “{ $note }”
ref-consent-not-shared = They will not see your Telegram name, username or account.
ref-consent-kept = The bot keeps the request until it is closed and { $days } days after, then deletes it. You can cancel it at any time.
btn-ref-send = ✅ Send
btn-ref-change = ✏️ Change
btn-ref-stop = ✖️ Stop
ref-stopped = Stopped. Nothing was sent or kept.
ref-partner-any = the duty team
ref-already-open = You already have an open request to them: <b>{ $code }</b>. You can follow it or choose someone else.
btn-ref-see = 📄 Request { $code }
ref-unavailable = Sorry, no one can take requests through the bot right now. Nothing was kept. If you are in danger, call { $police }; the hotline { $govHotline } answers 24/7.
ref-sent = ✅ Sent. Your reference code is <b>{ $code }</b>; you can follow the request here.
ref-entry-text = <b>Your requests</b>
btn-ref-new = ➕ New request
ref-status-title = Request <b>{ $code }</b>
ref-status-to = To: { $partner }
ref-status-open = Status: waiting for a specialist.
ref-status-claimed = Status: accepted by { $partner }.
ref-status-contacted = Status: accepted by { $partner }, in contact.
ref-status-closed-resolved = Status: closed by { $partner }.
ref-status-closed-unreachable = Status: closed by { $partner }: they could not reach you.
ref-status-closed-declined = Status: closed by { $partner }.
ref-status-closed-cancelled = Status: cancelled by you.
ref-status-closed-withdrawn = Status: withdrawn.
btn-ref-reply = ↩️ Reply
btn-ref-refresh = 🔄 Status
btn-ref-cancel = Cancel my request
ref-cancel-question = Cancel request <b>{ $code }</b>? The staff will be told you withdrew it.
btn-ref-cancel-yes = Yes, cancel it
btn-ref-cancel-no = No, keep it
ref-cancelled = The request is cancelled.
ref-reply-text = Write your message to { $partner } (up to { $max } characters). It goes without your name.
ref-reply-too-long = That is { $length } characters; please shorten it to { $max }.
ref-reply-sent = ✅ Sent.
ref-reply-failed = Sorry, the message could not be delivered. Please try again later.
ref-update-first = 🔔 An update
ref-update-claimed = Your request was accepted by { $partner }. They will contact you the way you chose.
ref-update-released = Your request is waiting for a specialist again.
ref-update-closed = Your request was closed by { $partner }.
ref-update-escalated = No one has taken your request in { $minutes } minutes, so we have passed it to our duty team as well. If you are in danger now, call { $police }; the hotline { $govHotline } and La Strada { $laStrada } answer 24/7.
ref-relay-from = Message from <b>{ $partner }</b> (request { $code }):
ref-kept = your requests to be contacted: { $count }, with what you chose to share
ref-kept-draft = a request to be contacted that you started filling in
ref-kept-staff = your staff access ({ $groups }): your Telegram ID, and your first name in the history of the requests you acted on. Deleting ends this access: the requests you hold go back to the queue, and your name there becomes “{ card-actor-former }”.
ref-kept-staff-fallback = the fallback group

## Staff groups
card-title = 📋 Referral <b>{ $code }</b>
card-to = To: { $partner }
card-to-any = the fallback group (whoever can help fastest)
card-service = Service asked for: { $service }
card-help = Help needed: { $help }
card-relay = Contact: through the bot, anonymously. Reply to this card or write /reply { $code } and your text.
card-phone = Contact: phone <code>{ $phone }</code>, { $window }
card-voicemail-yes = Voicemail: safe
card-voicemail-no = Voicemail: NOT safe
card-note = Note: { $note }
card-status-open = Status: 🟡 waiting, not claimed
card-status-claimed = Status: 🔵 claimed by { $name }
card-status-contacted = Status: 🟢 contacted by { $name }
card-status-closed = Status: ⚪ closed: { $outcome }
card-escalated = ⏰ Unclaimed for { $minutes } minutes: escalated to the fallback group.
card-close-question = How did it end?
btn-card-claim = ✋ Claim
btn-card-contacted = 📞 Contacted
btn-card-close = ✔️ Close
btn-card-release = ↩️ Release
btn-card-resolved = Resolved
btn-card-unreachable = Could not reach
btn-card-declined = Declined
btn-card-back = ← Back
ref-outcome-resolved = resolved
ref-outcome-unreachable = could not reach
ref-outcome-declined = declined
ref-outcome-cancelled = cancelled by the person
ref-outcome-withdrawn = withdrawn by the person
card-cancelled = Referral <b>{ $code }</b>: the person cancelled the request.
card-withdrawn = Referral <b>{ $code }</b>: the person withdrew and deleted their data.
card-relay-from-person = 💬 <b>{ $code }</b>, the person writes:
card-reminder = ⏰ Referral <b>{ $code }</b> has waited { $minutes } minutes. Who can take it?
card-escalated-here = ⏰ Referral <b>{ $code }</b> has waited { $minutes } minutes with no one taking it.
card-purged = 📋 Referral <b>{ $code }</b>: closed; details deleted after { $days } days.
staff-admins-only = Only the bot’s admins can do that.
staff-partner-fallback = This is the fallback group; it receives referrals without a partner and needs no linking.
staff-partner-usage =
    Usage: /partner_add kind; name; region; city; service id
    kind is hub, police or service; region, city and service id are optional.
    Example: /partner_add hub; Kyiv community safety hub; Kyiv region; Kyiv
staff-kind-hub = community safety hub
staff-kind-police = police unit
staff-kind-service = service
staff-partner-linked =
    This group now receives referrals for <b>{ $name }</b> ({ $kind }). Register caseworkers with /invite.
    People can ask { $name } directly through this link: { $link }
staff-group-upgraded = { $count ->
    [0] This group is now a supergroup. Referral cards keep coming here.
   *[other] This group is now a supergroup. Referral cards keep coming here; the active ones ({ $count }) are posted again below.
}
staff-fallback-upgraded = This fallback group is now a supergroup with a new id. Referrals reach it again once an admin sets <code>STAFF_CHAT_ID={ $id }</code> and restarts the bot.
staff-not-linked = This group is not linked to a partner. An admin can link it with /partner_add.
staff-invite-private =
    Caseworker invite for <b>{ $where }</b>, valid once for 24 hours:
    { $link }
    or the command /join { $token } in a private chat with the bot.
staff-invite-sent = I sent the invite to you privately.
staff-invite-start-first = I cannot write to you privately: open a chat with me first, then run /invite again.
staff-join-bad = This invite is not valid: it was used already, has expired or was mistyped. Ask an admin for a new one.
staff-join-done = You are now a caseworker for <b>{ $where }</b>. You can claim referrals in its group.
staff-not-authorised = You are not authorised to act on this referral.
staff-card-gone = This referral no longer exists.
staff-claimed-you = You have claimed { $code }.
staff-claimed-other = { $name } claimed it first.
staff-claim-first = Claim the referral first.
staff-already-closed = This referral is already closed.
staff-holder-only = Only { $name }, who holds it, can do that.
staff-card-changed = The referral changed in the meantime; the card now shows its state.
staff-reply-usage = Usage: /reply CODE text, for a referral shown in this group.
staff-relay-closed = Referral { $code } is closed; the message was not sent.
staff-relay-phone = The person asked for a phone call for { $code }, not messages.
staff-relay-holder-only = Only the caseworker who claimed { $code } can write to the person.
staff-relay-too-long = Too long: up to { $max } characters, please.
staff-relay-delivered = ✓ Delivered to the person ({ $code }).
staff-relay-failed = The message to the person ({ $code }) could not be delivered.
staff-history-usage = Usage: /history CODE, for a referral shown in this group.
card-history = History of <b>{ $code }</b>:
card-actor-person = the person
card-actor-bot = the bot
card-actor-former = a former team member
card-event-sent = sent the request
card-event-claimed = claimed
card-event-contacted = contacted the person
card-event-released = released
card-event-closed-resolved = closed: resolved
card-event-closed-unreachable = closed: could not reach
card-event-closed-declined = closed: declined
card-event-cancelled = cancelled the request
card-event-withdrawn = withdrew the request
card-event-reminder = reminded the group
card-event-escalated = escalated to the fallback group
card-event-message-to-person = wrote to the person
card-event-message-to-staff = wrote to the staff
ref-keyboard-closed = ✓
