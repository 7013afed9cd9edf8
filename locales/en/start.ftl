start-text =
    Hello! Here you can learn about your rights, find out how to support someone else, and quickly find where to turn for help.

    Please choose your language.
    Оберіть мову, будь ласка.
language-text = Choose a language. I will remember it for this chat.
language-uk = Українська
language-en = English
safe-question =
    Is it safe for you to chat right now?
    Чи безпечно вам зараз переписуватися?

    If the person who hurts you may be nearby, choose “No”. “Quick exit” deletes the messages of the last 48 hours, but the chat itself stays in your chat list.
safe-yes = Yes, it is safe
safe-no = No, not now
safe-no-text = All right. Come back whenever it suits you.
