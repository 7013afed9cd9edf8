about-org = This bot is run by { $name }.
about-org-unset = This bot is an open-source project.
about-contact = Contact: { $contact }
about-privacy =
    <b>What the bot keeps</b>
    • The language and auto-erase setting you chose, encrypted, until you delete them.
    • The numbers of this chat's messages, not their content, for 48 hours, so that quick exit and auto-erase can erase them.
    • Once you choose a language: this chat’s number and that language, so the bot can send announcements, and your 16 Days subscription with its options if you subscribe. Deleted with /forget, or when you block the bot.
    The bot does not keep message texts, your name, username, phone number or location. Technical logs hold none of your messages, and your Telegram number appears there only as a one-way code.
    To delete everything: /forget or the button below.

    <b>What stays on your phone</b>
    • Chats with bots are ordinary Telegram cloud chats, not end-to-end encrypted.
    • Quick exit (/exit) erases the messages of the last 48 hours on both sides. Older ones stay: delete the chat in Telegram to remove them.
    • The chat stays in your chat list, and notifications can show the start of messages, even on a locked screen. You can turn them off for this chat.
btn-auto-erase = ⏱ Auto-erase: { erase-option }
btn-forget = 🗑 Delete my data
erase-option =
    { $minutes ->
        [0] off
        [15] 15 min
        [60] 1 hour
       *[240] 4 hours
    }
erase-text =
    <b>Auto-erase</b>
    The bot can erase our conversation by itself, your messages and its own, a set time after your last action in the chat. Telegram allows erasing messages less than 48 hours old.
erase-state =
    { $minutes ->
        [0] Auto-erase is off now.
       *[other] On now: the conversation is erased { erase-option } after your last action.
    }
forget-intro = This is what the bot keeps about you:
forget-item-language = language: { $language }
forget-item-auto-erase = auto-erase: { erase-option }
forget-item-messages =
    the numbers of { $count } { $count ->
        [one] message
       *[other] messages
    } of this chat from the last 48 hours, without content
forget-question = Delete all of it? This cannot be undone.
forget-nothing = The bot keeps nothing about you right now.
btn-forget-confirm = 🗑 Yes, delete my data
btn-forget-and-erase = 🗑 Delete data and erase chat
forget-done = Done: the bot keeps nothing about you any more. The messages of this chat stay in Telegram; you can delete them together with the chat.
