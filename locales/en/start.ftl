start-text =
    Hello! Here you can learn about your rights, find out how to support someone else, and get help numbers fast.

    Please choose your language.
    Оберіть мову, будь ласка.
language-text = Choose a language. I will remember it for this chat.
language-uk = Українська
language-en = English
