about-org = This bot is run by { $name }.
about-org-unset = This bot is an open-source project.
about-contact = Contact: { $contact }
about-privacy =
    <b>What the bot keeps</b>
    Only the language you chose, together with this chat's Telegram number, so it can answer you in it. Until you choose a language, nothing is kept.
    The bot does not keep your messages, your name or your phone number, and does not record which sections you open.

    <b>Good to know about Telegram</b>
    • Chats with bots are ordinary Telegram cloud chats, not end-to-end encrypted.
    • This chat stays in your chat list, and notifications can show the start of messages, even on a locked screen. You can turn them off for this chat.
    • To remove the conversation, delete this chat in Telegram.
