menu-services = 📍 Знайти допомогу поруч
cmd-services = Знайти допомогу поруч
svc-kinds-text =
    Яка допомога вам потрібна? Оберіть, будь ласка.
    Якщо не знаєте, оберіть «Будь-яка допомога».
svc-cat-police = 👮 Поліція
svc-cat-polina = 🚓 «Поліна»: мобільні групи поліції
svc-cat-hub = 🤝 Хаби безпеки громади
svc-cat-shelter = 🏠 Притулки
svc-cat-crisis = 🛏 Денні центри, кризові кімнати
svc-cat-mobile = 🚐 Мобільні бригади допомоги
svc-cat-legal = ⚖️ Безоплатна правнича допомога
svc-cat-social = 🏢 Центри соціальних служб
svc-cat-relief = 💜 Центри допомоги постраждалим
svc-cat-psych = 💬 Психологічна підтримка
svc-cat-medical = 🏥 Медична допомога
svc-cat-hotline = 📞 Гарячі лінії
svc-cat-any = 🔎 Будь-яка допомога
svc-how-text =
    Як шукати?

    📍 За геолокацією: покажу найближчі місця. Геолокацію я використаю лише для цього пошуку й ніде не збережу.
    🗺 За областю й містом: без геолокації.
svc-btn-location = 📍 Надіслати геолокацію
svc-btn-region = 🗺 Обрати область і місто
svc-location-text =
    Натисніть «📍 Надіслати мою геолокацію» внизу, під полем для повідомлення.

    Я використаю геолокацію лише для цього пошуку, не збережу її і приберу з чату.
svc-location-prompt = ⬇️ Кнопка внизу
svc-btn-send-location = 📍 Надіслати мою геолокацію
svc-btn-cancel = ✖️ Скасувати
svc-location-cancelled = Гаразд, шукаймо без геолокації.
svc-location-closed = ✓
svc-location-used = Дякую. Геолокацію використано для пошуку й прибрано з чату; я її не зберігаю.
svc-near-title = Найближче до вас: { $kind }
svc-nothing-near = Ближче ніж за { $km } км нічого не знайшлося ({ $kind }). Ось найближче далі:
svc-nothing = Поки що нічого не знайшлося ({ $kind }). Національні лінії підкажуть, куди звернутися.
svc-km = { $km } км
svc-address-unknown = { $city }, точна адреса не підтверджена
svc-unverified = ⚠️ Не перевірено: зателефонуйте, перш ніж іти
svc-national-lines = Національні лінії
svc-no-contacts = Контакти ще не підтверджені. Дізнатися, як звернутися, допоможуть { $govHotline } і { $laStrada }: цілодобово й безкоштовно.
svc-source = Джерело: { $source }. Перевірено: { $date }.
svc-never-checked = ще ні
svc-other-language = Частина відомостей є лише англійською.
svc-btn-map = 🗺 Показати на мапі
svc-btn-refer = 🤝 Попросити, щоб зі мною зв’язалися
svc-btn-more = Ще →
svc-oblast-text = Оберіть область.
svc-region-empty = У довіднику поки немає таких місць ({ $kind }). Національні лінії підкажуть, куди звернутися.
svc-city-text = Оберіть місто.
svc-city-title = { $kind }: { $city }
svc-gone = Цього запису вже немає в довіднику.
oblast-vinnytsia = Вінницька
oblast-volyn = Волинська
oblast-dnipropetrovsk = Дніпропетровська
oblast-donetsk = Донецька
oblast-zhytomyr = Житомирська
oblast-zakarpattia = Закарпатська
oblast-zaporizhzhia = Запорізька
oblast-ivano-frankivsk = Івано-Франківська
oblast-kyiv = м. Київ
oblast-kyiv-oblast = Київська
oblast-kirovohrad = Кіровоградська
oblast-luhansk = Луганська
oblast-lviv = Львівська
oblast-mykolaiv = Миколаївська
oblast-odesa = Одеська
oblast-poltava = Полтавська
oblast-rivne = Рівненська
oblast-sumy = Сумська
oblast-ternopil = Тернопільська
oblast-kharkiv = Харківська
oblast-kherson = Херсонська
oblast-khmelnytskyi = Хмельницька
oblast-cherkasy = Черкаська
oblast-chernivtsi = Чернівецька
oblast-chernihiv = Чернігівська
oblast-crimea = АР Крим
oblast-sevastopol = м. Севастополь
svc-import-wrong-file = Надішліть, будь ласка, файл CSV або JSON до 20 МБ у форматі довідника (див. README).
svc-import-file = Файл
svc-import-line = Рядок { $line }
svc-import-refused = У файлі є помилки: { $count }. Нічого не змінено. Виправте їх і надішліть файл ще раз.
svc-import-more-errors = …і ще { $count }: повний список у файлі нижче.
svc-import-dry-run = Файл перевірено. Якщо його застосувати:
svc-import-summary =
    додано: { $added }
    змінено: { $changed }
    вимкнено (немає у файлі): { $deactivated }
    без змін: { $unchanged }
svc-import-question = Застосувати? Зміни буде внесено всі разом або жодної.
svc-btn-import = ✅ Так, застосувати
svc-import-expired = Це підтвердження вже недійсне. Надішліть файл ще раз.
svc-import-done = Готово, довідник оновлено.
svc-qr-help =
    Посилання й QR-код для плаката:
    /qr svc_&lt;ідентифікатор&gt;: картка служби
    /qr hub_&lt;ідентифікатор&gt;: хаб безпеки громади
    /qr rights: мої права
    /qr plan: план безпеки
    /qr help: екстрені номери
svc-error-file = файл не вдалося прочитати як CSV або JSON
svc-error-bad-id = ідентифікатор: малі латинські літери, цифри й дефіси, до 24 знаків
svc-error-duplicate-id = такий ідентифікатор уже є вище у файлі
svc-error-unknown-category = невідомий вид допомоги
svc-error-missing-name = немає назви
svc-error-too-long = задовгий текст
svc-error-unknown-oblast = невідома або порожня область
svc-error-missing-city = потрібна назва міста українською й англійською
svc-error-bad-coordinates = координати мають бути числами, широта й довгота разом
svc-error-outside-ukraine = координати поза межами України
svc-error-bad-phone = неправильний номер телефону
svc-error-bad-website = неправильна адреса сайту
svc-error-bad-telegram = неправильне ім’я в Telegram
svc-error-bad-flag = має бути yes або no
svc-error-bad-date = дата має бути у вигляді РРРР-ММ-ДД
svc-error-missing-source = не вказано джерело
forget-item-find-help = вид допомоги, який ви обрали перед надсиланням геолокації (доки геолокація не надійде)
svc-national-fallback =
    { $govHotline } — урядова гаряча лінія з протидії домашньому насильству: цілодобово, безкоштовно, анонімно
    { $laStrada } — національна гаряча лінія «Ла Страда-Україна»: цілодобово, безкоштовно
