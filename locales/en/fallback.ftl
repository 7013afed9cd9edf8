fallback-message =
    Thank you for writing. I am only a bot and do not reply to messages: everything works through the buttons below. I do not keep what you wrote, but your message stays in this chat until you delete it or use quick exit 🚪.

    If you are in danger, call { $police }.
fallback-command = I don’t know that command. Here is what I can do:
fallback-expired = This button no longer works. Here is the main menu.
