menu-text =
    How can I help? Please choose.

    You can come back to this menu any time: /menu
menu-sos = 🆘 I need help now
menu-rights = ⚖️ My rights
menu-bystander = 🤝 Help someone else
menu-language = 🌐 Language / Мова
menu-about = ℹ️ About & privacy
cmd-menu = Main menu
cmd-sos = Emergency numbers
cmd-language = Change language
cmd-privacy = About & privacy
cmd-exit = Quick exit: delete the messages
cmd-forget = Delete my data
