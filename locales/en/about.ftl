about-org = This bot is run by { $name }.
about-org-unset = This bot is an open-source project.
about-contact = Contact: { $contact }
about-intro = The bot keeps only what it needs to work, mostly encrypted. /forget shows exactly what it keeps about you, and deletes all of it.
btn-about-kept = 🗂 What the bot keeps
about-privacy =
    <b>What the bot keeps</b>
    • Your language and auto-erase choice, encrypted.
    • The numbers of this chat’s messages (no content) for 48 hours, to erase them.
    • Your safety plan if you keep it, and an unfinished one, encrypted.
    • Your requests to talk to a person (phone and note encrypted), until { $days } { $days ->
        [one] day
       *[other] days
    } after they close.
    • Once you choose a language: it and this chat’s ID, for announcements, and your 16 Days subscription.
    • This chat’s ID (your Telegram ID), unencrypted, while any of this is kept; with auto-erase on, also its time and the chat’s last activity.
    Nothing else you write, no name or location; a phone only if you give it for a request. Technical logs show your ID only as a one-way code.
btn-about-telegram = 📱 What stays in Telegram
about-telegram =
    <b>What stays in Telegram</b>
    • Chats with bots are ordinary Telegram cloud chats, not end-to-end encrypted. They can be seen on every device logged into your account, such as Telegram Desktop on a shared computer.
    • Quick exit (/exit) and auto-erase delete the messages of the last 48 hours on both sides. Older ones stay: delete the chat in Telegram to remove them.
    • The chat itself stays in your chat list, and notifications can show the start of messages, even on a locked screen. You can turn them off for this chat.
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
    The bot can erase our conversation by itself, your messages and its own, a set time after your last action in the chat, or after the bot’s last message if it writes later (a staff reply, a 16 Days message). It can only erase messages less than 48 hours old.
erase-state =
    { $minutes ->
        [0] Auto-erase is off now.
       *[other] On now: the conversation is erased { erase-option } after your last action or the bot’s last message.
    }
forget-intro = This is what the bot keeps about you (this message cannot be forwarded or saved):
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
