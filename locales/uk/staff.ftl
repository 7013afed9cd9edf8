cmd-broadcast = Персонал: нова розсилка
cmd-broadcasts = Персонал: розсилки
cmd-stats = Персонал: статистика
stats-head =
    <b>Статистика</b> (анонімні лічильники, дні за UTC; лише числа)
    Підписані на повідомлення «16 днів» зараз: { $subscribers }
stats-week = за 7 днів:
stats-none = Поки що нічого не пораховано.
btn-stats-csv = 📄 CSV за всі дні
bc-audience-name = { $audience ->
        [subscribers] усі підписники
        [subscribers-uk] підписники, що читають українською
        [subscribers-en] підписники, що читають англійською
       *[everyone] усі, хто не заблокував бота
    }
bc-status = { $status ->
        [scheduled] заплановано
        [running] надсилається
        [done] завершено
       *[cancelled] скасовано
    }
bcs-head = <b>Розсилки</b> (спершу нові)
bcs-none = Розсилок ще не було. Почати: /broadcast
bcs-line = #{ $id } · { $status } · { $audience } · { $when }
    Отримувачів { $total }, надіслано { $sent }, не доставлено { $failed }
btn-bc-cancel = ✖ Скасувати #{ $id }
btn-bc-cancel-yes = ✖ Так, скасувати
bc-cancel-question = Скасувати розсилку #{ $id }? Більше ніхто її не отримає; уже надіслане лишиться.
bc-cancel-done = Скасовано
bc-cancel-too-late = Розсилку вже завершено
bc-progress-head = <b>Розсилка #{ $id }</b>: { $status }
bc-progress = Надіслано { $sent } · не доставлено { $failed } · у черзі { $remaining }
bc-progress-eta = лишилося приблизно { $minutes } хв { $seconds } с
kept-broadcast-draft = розсилка, яку ви пишете (її текст — доки не завершите чи не скасуєте)
bc-btn-cancel = ✖ Скасувати
bc-use-buttons = Оберіть, будь ласка, кнопкою вище.
bc-text-only = Надішліть, будь ласка, текст повідомленням (без файлів і наліпок).
bc-cancelled = Розсилку скасовано, нічого не надіслано.
bc-html-bad = Telegram не зміг прочитати цей HTML: { $problem }. Надішліть текст ще раз, будь ласка.
bc-start =
    <b>Нова розсилка</b>
    Один текст для всіх мов чи окремі тексти українською та англійською?
bc-btn-one = Один текст для всіх
bc-btn-each = Українською та англійською
bc-ask-text = Надішліть текст. Можна HTML: &lt;b&gt;жирний&lt;/b&gt;, &lt;i&gt;курсив&lt;/i&gt;, &lt;a href="https://…"&gt;посилання&lt;/a&gt;.
bc-ask-text-in = Надішліть текст мовою: { $language }. Можна HTML: &lt;b&gt;, &lt;i&gt;, &lt;a href="…"&gt;.
bc-audience = { $audience } ({ $count })
bc-ask-audience = Кому надіслати?
bc-preview = Попередній перегляд — саме так побачать отримувачі:
bc-ask-when = Коли надіслати?
bc-btn-now = Зараз
bc-btn-later = У визначений час
bc-ask-time = Надішліть дату й час ({ $zone }), наприклад 2026-12-05 14:30
bc-time-bad = Не вдалося прочитати. Напишіть, будь ласка, так: 2026-12-05 14:30 ({ $zone }).
bc-time-past = Цей час уже минув. Оберіть, будь ласка, час у майбутньому.
bc-when-now = зараз
bc-confirm = Надіслати { $count } людям ({ $audience }), { $when }?
bc-btn-send = ✅ Надіслати
bc-scheduled = Розсилку #{ $id } заплановано: { $when }. Її видно в /broadcasts, там же можна скасувати.
bc-started = Розсилка #{ $id }: надсилаю…
