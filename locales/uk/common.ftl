btn-back = ← Назад
btn-menu = ☰ Меню
btn-sos = 🆘 Екстрені номери
btn-more-lines = 📞 Інші лінії підтримки
btn-page-prev = ← Попередня
btn-page-next = Далі →
error-text =
    Вибачте, щось пішло не так. Спробуйте, будь ласка, ще раз.
    Якщо вам загрожує небезпека, телефонуйте { $police }.
btn-exit = 🚪 Швидкий вихід
btn-numbers = 📞 Номери
rate-limit-text = Повідомлень забагато, тож я на мить зупинюся. Спробуйте ще раз за { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунди
       *[other] { $seconds } секунд
    }. Якщо вам загрожує небезпека, телефонуйте { $police }.
rate-limit-notice = Забагато натискань поспіль: спробуйте ще раз за { $seconds } с. Небезпека? Поліція { $police }, гаряча лінія { $govHotline }, «Ла Страда-Україна» { $laStrada }.
