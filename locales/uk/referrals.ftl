menu-referral = 💬 Поговорити з людиною
cmd-referral = Попросити фахівця зв’язатися з вами
cmd-group-reply = Написати людині: /reply КОД текст
cmd-group-history = Історія звернення: /history КОД

## Бік людини
ref-to-text =
    <b>Поговорити з людиною</b>

    Фахівець може зв’язатися з вами: тут, у цьому чаті, не бачачи вашого імені чи акаунта, або телефоном, якщо вам так зручніше. Розповідати все вдруге не доведеться.

    Хто має з вами зв’язатися?
btn-ref-to-svc = Служба, з якої я прийшла / прийшов
btn-ref-to-hub = 🏠 Найближчий центр безпеки громади
btn-ref-to-police = 👮 Найближча поліція
btn-ref-to-fast = ⚡ Хто зможе допомогти найшвидше
ref-region-text = У якій ви області?
ref-region-or-location =
    У якій ви області?

    Або надішліть геолокацію, і я знайду, хто найближче до вас. Я використаю її лише для цього, приберу з чату й не зберігатиму.
btn-ref-location = 📍 Надіслати геолокацію
ref-locate-text = Натисніть «📍 Надіслати мою геолокацію» внизу, під полем для повідомлення. Я використаю геолокацію лише щоб знайти, хто найближче до вас, приберу її з чату й не зберігатиму.
btn-ref-near-region = 🗺 Краще обрати область
ref-location-used = Дякую. Геолокацію використано й прибрано з чату; я її не зберігаю.
ref-near-found = Найближчий до вас { $kind }: <b>{ $partner }</b>.
ref-near-far =
    У межах { $km } км від вас нікого немає. Найближчий відомий мені { $kind }: <b>{ $partner }</b>.

    Можете все одно звернутися до них або до тих, хто зможе допомогти найшвидше, — нашої чергової команди.
ref-near-unplaced = Поки що я не можу знайти їх за геолокацією. Оберіть, будь ласка, область або зверніться до тих, хто зможе допомогти найшвидше, — нашої чергової команди.
btn-ref-near-ask = ✅ Попросити їх зв’язатися зі мною
ref-partner-text = Оберіть, хто має з вами зв’язатися:
ref-none-of-kind = Таких партнерів у боті ще немає. «Хто зможе допомогти найшвидше» — це наша чергова команда.
ref-help-text = Яка допомога вам потрібна?
ref-help-safety = Безпека і прихисток
ref-help-legal = Правова допомога
ref-help-psych = Психологічна підтримка
ref-help-police = Заява до поліції
ref-help-other = Інше
ref-contact-text =
    Як із вами зв’язатися?

    Через цей чат — анонімно: фахівці пишуть сюди від імені своєї організації й не бачать ні вашого імені в Telegram, ні акаунта.
btn-ref-relay = 💬 Через цей чат (анонімно)
btn-ref-phone = 📞 Телефоном
ref-phone-text =
    Напишіть свій український номер, наприклад 050 123 45 67, або натисніть «Поділитися номером» під чатом.
ref-phone-keyboard = ⬇️ Або поділіться ним одним дотиком:
btn-ref-share-phone = 📱 Поділитися номером
ref-phone-bad = Це не схоже на український номер. Спробуйте ще раз, наприклад 050 123 45 67 або +380 50 123 45 67.
ref-phone-ok = Номер записано: <code>{ $phone }</code>
ref-window-text = Коли вам безпечно телефонувати?
ref-window-morning = Зранку (9:00–12:00)
ref-window-day = Удень (12:00–17:00)
ref-window-evening = Увечері (17:00–21:00)
ref-window-any = Будь-коли
ref-voicemail-text = Якщо ви не відповісте, чи безпечно залишити голосове повідомлення?
btn-ref-voicemail-yes = Так, голосове можна
btn-ref-voicemail-no = Ні, без голосових
ref-note-text =
    Що їм варто знати наперед? Коротка примітка, до { $max } символів. Цей крок можна пропустити.
btn-ref-note-skip = Пропустити
ref-note-too-long = Тут { $length } символів; скоротіть, будь ласка, до { $max }.
ref-note-text-only = Напишіть примітку текстом або натисніть «Пропустити».
ref-use-buttons = Оберіть, будь ласка, одну з кнопок.
ref-consent-title = <b>Перевірте, будь ласка, перед надсиланням</b>
ref-consent-to = Кому: <b>{ $partner }</b>, їхнім фахівцям у Telegram.
ref-consent-shared = Вони побачать:
ref-consent-help = потрібну допомогу: { $help }
ref-consent-relay = що писати вам треба через цей чат
ref-consent-phone = ваш телефон <code>{ $phone }</code>, дзвонити: { $window }
ref-consent-voicemail-yes = голосове повідомлення залишити можна
ref-consent-voicemail-no = голосових не залишати
ref-consent-note = вашу примітку: «{ $note }»
ref-consent-not-shared = Вони не побачать ні вашого імені чи імені користувача в Telegram, ні акаунта.
ref-consent-kept = Бот зберігає запит, доки його не закриють, і ще { $days } днів після того, а потім видаляє. Скасувати його можна будь-коли.
btn-ref-send = ✅ Надіслати
btn-ref-change = ✏️ Змінити
btn-ref-stop = ✖️ Зупинити
ref-stopped = Зупинено. Нічого не надіслано й не збережено.
ref-partner-any = чергова команда
ref-already-open = У вас уже є відкритий запит до них: <b>{ $code }</b>. Можна стежити за ним або обрати когось іншого.
btn-ref-see = 📄 Запит { $code }
ref-unavailable = На жаль, зараз ніхто не приймає запитів через бот. Нічого не збережено. Якщо вам загрожує небезпека, телефонуйте { $police }; гаряча лінія { $govHotline } працює цілодобово.
ref-sent = ✅ Надіслано. Код вашого запиту — <b>{ $code }</b>; стежити за ним можна тут.
ref-entry-text = <b>Ваші запити</b>
btn-ref-new = ➕ Новий запит
ref-status-title = Запит <b>{ $code }</b>
ref-status-to = Кому: { $partner }
ref-status-open = Стан: чекає на фахівця.
ref-status-claimed = Стан: прийнято ({ $partner }).
ref-status-contacted = Стан: прийнято ({ $partner }), на зв’язку.
ref-status-closed-resolved = Стан: закрито ({ $partner }).
ref-status-closed-unreachable = Стан: закрито ({ $partner }): не вдалося з вами зв’язатися.
ref-status-closed-declined = Стан: закрито ({ $partner }).
ref-status-closed-cancelled = Стан: ви скасували запит.
ref-status-closed-withdrawn = Стан: відкликано.
btn-ref-reply = ↩️ Відповісти
btn-ref-refresh = 🔄 Стан
btn-ref-cancel = Скасувати мій запит
ref-cancel-question = Скасувати запит <b>{ $code }</b>? Фахівцям повідомлять, що ви його відкликали.
btn-ref-cancel-yes = Так, скасувати
btn-ref-cancel-no = Ні, залишити
ref-cancelled = Запит скасовано.
ref-reply-text = Напишіть повідомлення (до { $max } символів). Його отримає { $partner } без вашого імені.
ref-reply-too-long = Тут { $length } символів; скоротіть, будь ласка, до { $max }.
ref-reply-sent = ✅ Надіслано.
ref-reply-failed = На жаль, повідомлення не вдалося доставити. Спробуйте пізніше.
ref-update-first = 🔔 Є новини
ref-update-claimed = Ваш запит прийнято ({ $partner }). З вами зв’яжуться так, як ви обрали.
ref-update-released = Ваш запит знову чекає на фахівця.
ref-update-closed = Ваш запит закрито ({ $partner }).
ref-update-escalated = За { $minutes } хвилин ніхто не взяв ваш запит, тож ми передали його й нашій черговій команді. Якщо вам загрожує небезпека зараз, телефонуйте { $police }; гаряча лінія { $govHotline } і «Ла Страда» { $laStrada } працюють цілодобово.
ref-relay-from = Повідомлення від: <b>{ $partner }</b> (запит { $code })
ref-kept = ваші запити на зв’язок: { $count }, з тим, чим ви вирішили поділитися
ref-kept-draft = запит на зв’язок, який ви почали заповнювати
ref-kept-staff = ваш доступ фахівця ({ $groups }): ваш ID у Telegram і ваше ім’я в історії запитів, з якими ви працювали. Після видалення доступ припиниться: запити, які ви ведете, повернуться в чергу, а замість вашого імені там буде «{ card-actor-former }».
ref-kept-staff-fallback = резервна група

## Групи фахівців
card-title = 📋 Звернення <b>{ $code }</b>
card-to = Кому: { $partner }
card-to-any = резервна група (хто зможе допомогти найшвидше)
card-service = Запитана служба: { $service }
card-help = Потрібна допомога: { $help }
card-relay = Зв’язок: через бот, анонімно. Дайте відповідь на цю картку або напишіть /reply { $code } і текст.
card-phone = Зв’язок: телефон <code>{ $phone }</code>, { $window }
card-voicemail-yes = Голосове: можна
card-voicemail-no = Голосове: НЕ можна
card-note = Примітка: { $note }
card-status-open = Стан: 🟡 чекає, ніхто не взяв
card-status-claimed = Стан: 🔵 взяв(-ла) { $name }
card-status-contacted = Стан: 🟢 зв’язок встановив(-ла) { $name }
card-status-closed = Стан: ⚪ закрито: { $outcome }
card-escalated = ⏰ Ніхто не взяв за { $minutes } хв: передано до резервної групи.
card-close-question = Чим завершилося?
btn-card-claim = ✋ Взяти
btn-card-contacted = 📞 Зв’язалися
btn-card-close = ✔️ Закрити
btn-card-release = ↩️ Повернути
btn-card-resolved = Вирішено
btn-card-unreachable = Не вдалося зв’язатися
btn-card-declined = Відмовилися
btn-card-back = ← Назад
ref-outcome-resolved = вирішено
ref-outcome-unreachable = не вдалося зв’язатися
ref-outcome-declined = відмовилися
ref-outcome-cancelled = людина скасувала
ref-outcome-withdrawn = людина відкликала
card-cancelled = Звернення <b>{ $code }</b>: людина скасувала запит.
card-withdrawn = Звернення <b>{ $code }</b>: людина відкликала запит і видалила свої дані.
card-relay-from-person = 💬 <b>{ $code }</b>, людина пише:
card-reminder = ⏰ Звернення <b>{ $code }</b> чекає вже { $minutes } хв. Хто може взяти?
card-escalated-here = ⏰ Звернення <b>{ $code }</b> чекає вже { $minutes } хв, і ніхто його не взяв.
card-purged = 📋 Звернення <b>{ $code }</b>: закрито; подробиці видалено через { $days } днів.
staff-admins-only = Це можуть лише адміністратори бота.
staff-partner-fallback = Це резервна група: вона отримує звернення без партнера, прив’язувати її не треба.
staff-partner-usage =
    Як користуватися: /partner_add тип; назва; область; місто; id служби
    тип — hub, police або service; область, місто й id служби можна не вказувати.
    Приклад: /partner_add hub; Центр безпеки громади Києва; Київська область; Київ
staff-kind-hub = центр безпеки громади
staff-kind-police = підрозділ поліції
staff-kind-service = служба
staff-partner-linked =
    Тепер ця група отримує звернення для <b>{ $name }</b> ({ $kind }). Фахівців можна зареєструвати командою /invite.
    Звернутися саме до { $name } люди можуть за цим посиланням: { $link }
staff-group-upgraded = { $count ->
    [0] Ця група тепер супергрупа. Картки звернень надходитимуть сюди, як і раніше.
   *[other] Ця група тепер супергрупа. Картки звернень надходитимуть сюди, як і раніше; незакриті картки ({ $count }) надіслано ще раз нижче.
}
staff-fallback-upgraded = Резервна група стала супергрупою й отримала новий id. Звернення знову надходитимуть сюди, щойно адміністратор задасть <code>STAFF_CHAT_ID={ $id }</code> і перезапустить бота.
staff-not-linked = Ця група не прив’язана до партнера. Адміністратор може прив’язати її командою /partner_add.
staff-invite-private =
    Запрошення фахівця для <b>{ $where }</b>, одноразове, дійсне 24 години:
    { $link }
    або команда /join { $token } в особистому чаті з ботом.
staff-invite-sent = Я надіслав запрошення вам в особисті.
staff-invite-start-first = Я не можу написати вам в особисті: спершу відкрийте чат зі мною, а тоді знову виконайте /invite.
staff-join-bad = Це запрошення недійсне: його вже використали, термін минув або в ньому помилка. Попросіть адміністратора про нове.
staff-join-done = Тепер ви фахівець для <b>{ $where }</b> і можете брати звернення в її групі.
staff-not-authorised = У вас немає повноважень на дії з цим зверненням.
staff-card-gone = Цього звернення вже немає.
staff-claimed-you = Ви взяли { $code }.
staff-claimed-other = { $name } взяв(-ла) його раніше.
staff-claim-first = Спершу візьміть звернення.
staff-already-closed = Це звернення вже закрито.
staff-holder-only = Це може лише { $name }, хто його взяв.
staff-card-changed = Звернення тим часом змінилося; картка тепер показує його стан.
staff-reply-usage = Як користуватися: /reply КОД текст, для звернення з цієї групи.
staff-relay-closed = Звернення { $code } закрито; повідомлення не надіслано.
staff-relay-phone = Для { $code } людина просила дзвінок, а не повідомлення.
staff-relay-holder-only = Писати людині може лише фахівець, який узяв { $code }.
staff-relay-too-long = Задовго: до { $max } символів, будь ласка.
staff-relay-delivered = ✓ Доставлено людині ({ $code }).
staff-relay-failed = Повідомлення людині ({ $code }) не вдалося доставити.
staff-history-usage = Як користуватися: /history КОД, для звернення з цієї групи.
card-history = Історія <b>{ $code }</b>:
card-actor-person = людина
card-actor-bot = бот
card-actor-former = колишній член команди
card-event-sent = надіслала запит
card-event-claimed = взяв(-ла)
card-event-contacted = зв’язався(-лася) з людиною
card-event-released = повернув(-ла)
card-event-closed-resolved = закрив(-ла): вирішено
card-event-closed-unreachable = закрив(-ла): не вдалося зв’язатися
card-event-closed-declined = закрив(-ла): відмовилися
card-event-cancelled = скасувала запит
card-event-withdrawn = відкликала запит
card-event-reminder = нагадав групі
card-event-escalated = передав до резервної групи
card-event-message-to-person = написав(-ла) людині
card-event-message-to-staff = написала фахівцям
ref-keyboard-closed = ✓
