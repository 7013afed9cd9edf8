menu-services = 📍 Find help near me
cmd-services = Find help near me
svc-kinds-text =
    What kind of help do you need? Please choose.
    If you are not sure, choose “Any kind of help”.
svc-cat-police = 👮 Police
svc-cat-polina = 🚓 POLINA police teams
svc-cat-hub = 🤝 Community safety hubs
svc-cat-shelter = 🏠 Shelters
svc-cat-crisis = 🛏 Day centres, crisis rooms
svc-cat-mobile = 🚐 Mobile help teams
svc-cat-legal = ⚖️ Free legal aid
svc-cat-social = 🏢 Social services centres
svc-cat-relief = 💜 Survivor relief centres
svc-cat-psych = 💬 Psychological support
svc-cat-medical = 🏥 Medical help
svc-cat-hotline = 📞 Hotlines
svc-cat-any = 🔎 Any kind of help
svc-how-text =
    How shall we search?

    📍 By location: I show the nearest places. I use your location for this search only and store it nowhere.
    🗺 By region and city: no location needed.
svc-btn-location = 📍 Share my location
svc-btn-region = 🗺 Choose region and city
svc-location-text =
    Tap “📍 Send my location” at the bottom, below the message field.

    I use your location for this search only, do not store it, and remove it from the chat.
svc-location-prompt = ⬇️ The button is below
svc-btn-send-location = 📍 Send my location
svc-btn-cancel = ✖️ Cancel
svc-location-cancelled = All right, let us search without your location.
svc-location-closed = ✓
svc-location-used = Thank you. Your location was used for this search and removed from the chat; I do not store it.
svc-near-title = Nearest to you: { $kind }
svc-nothing-near = Nothing within { $km } km ({ $kind }). The nearest further away:
svc-nothing = Nothing found yet ({ $kind }). The national lines can tell you where to turn.
svc-km = { $km } km
svc-address-unknown = { $city }, exact address not confirmed
svc-unverified = ⚠️ Not verified: call before you go
svc-national-lines = National lines
svc-no-contacts = Contacts are not confirmed yet. { $govHotline } and { $laStrada } can tell you how to reach them: 24/7, free.
svc-source = Source: { $source }. Checked: { $date }.
svc-never-checked = not yet
svc-other-language = Some details are only available in Ukrainian.
svc-btn-map = 🗺 Show on map
svc-btn-refer = 🤝 Ask them to contact me
svc-btn-more = More →
svc-oblast-text = Choose a region.
svc-region-empty = The directory has no such places yet ({ $kind }). The national lines can tell you where to turn.
svc-city-text = Choose a city.
svc-city-title = { $kind }: { $city }
svc-gone = This entry is no longer in the directory.
oblast-vinnytsia = Vinnytsia
oblast-volyn = Volyn
oblast-dnipropetrovsk = Dnipropetrovsk
oblast-donetsk = Donetsk
oblast-zhytomyr = Zhytomyr
oblast-zakarpattia = Zakarpattia
oblast-zaporizhzhia = Zaporizhzhia
oblast-ivano-frankivsk = Ivano-Frankivsk
oblast-kyiv = Kyiv city
oblast-kyiv-oblast = Kyiv region
oblast-kirovohrad = Kirovohrad
oblast-luhansk = Luhansk
oblast-lviv = Lviv
oblast-mykolaiv = Mykolaiv
oblast-odesa = Odesa
oblast-poltava = Poltava
oblast-rivne = Rivne
oblast-sumy = Sumy
oblast-ternopil = Ternopil
oblast-kharkiv = Kharkiv
oblast-kherson = Kherson
oblast-khmelnytskyi = Khmelnytskyi
oblast-cherkasy = Cherkasy
oblast-chernivtsi = Chernivtsi
oblast-chernihiv = Chernihiv
oblast-crimea = Crimea
oblast-sevastopol = Sevastopol
svc-import-wrong-file = Please send a CSV or JSON file of up to 20 MB in the directory format (see the README).
svc-import-file = File
svc-import-line = Line { $line }
svc-import-refused = The file has errors: { $count }. Nothing was changed. Please fix them and send the file again.
svc-import-more-errors = …and { $count } more: the full list is in the file below.
svc-import-dry-run = The file is checked. Applying it would give:
svc-import-summary =
    added: { $added }
    changed: { $changed }
    deactivated (not in the file): { $deactivated }
    unchanged: { $unchanged }
svc-import-question = Apply it? All changes are made together, or none.
svc-btn-import = ✅ Yes, apply
svc-import-expired = This confirmation is no longer valid. Please send the file again.
svc-import-done = Done, the directory is updated.
svc-qr-help =
    A link and QR code for a poster:
    /qr svc_&lt;id&gt;: a service’s card
    /qr hub_&lt;id&gt;: a community safety hub
    /qr rights: my rights
    /qr plan: safety plan
    /qr help: emergency numbers
svc-error-file = the file cannot be read as CSV or JSON
svc-error-bad-id = id: lower-case Latin letters, digits and hyphens, up to 24 characters
svc-error-duplicate-id = this id already appears earlier in the file
svc-error-unknown-category = unknown kind of help
svc-error-missing-name = no name
svc-error-too-long = text too long
svc-error-unknown-oblast = unknown or empty region
svc-error-missing-city = the city is needed in Ukrainian and in English
svc-error-bad-coordinates = coordinates must be numbers, latitude and longitude together
svc-error-outside-ukraine = coordinates outside Ukraine
svc-error-bad-phone = malformed phone number
svc-error-bad-website = malformed website address
svc-error-bad-telegram = malformed Telegram username
svc-error-bad-flag = must be yes or no
svc-error-bad-date = the date must look like YYYY-MM-DD
svc-error-missing-source = no source given
forget-item-find-help = the kind of help you chose before sharing a location (until the location arrives)
svc-national-fallback =
    { $govHotline } — government hotline on domestic violence: 24/7, free, anonymous
    { $laStrada } — La Strada Ukraine national hotline: 24/7, free
