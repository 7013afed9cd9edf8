menu-text =
    Чим я можу допомогти? Оберіть, будь ласка.

    До цього меню можна повернутися будь-коли: /menu
menu-sos = 🆘 Мені потрібна допомога зараз
menu-rights = ⚖️ Мої права
menu-bystander = 🤝 Як допомогти іншій людині
menu-language = 🌐 Мова / Language
menu-about = ℹ️ Про бот і приватність
cmd-menu = Головне меню
cmd-sos = Екстрені номери допомоги
cmd-language = Змінити мову
cmd-privacy = Про бот і приватність
