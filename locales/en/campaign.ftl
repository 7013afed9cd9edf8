menu-days = 📣 16 Days messages
cmd-subscribe = 16 Days messages: subscribe
cmd-unsubscribe = 16 Days messages: unsubscribe
days-text =
    <b>16 Days against violence</b>
    From { $start } to { $end }, one short message a day at { $time } ({ $zone ->
        [kyiv] Kyiv time
       *[other] { $zone }
    }): your rights, safety, how to help others.
    By default the messages arrive without sound and begin with a neutral line, so a notification on a locked screen shows nothing telling.
days-on = You are subscribed. You can unsubscribe at any time, here or with the button under each message.
days-off = You are not subscribed.
btn-subscribe = 📣 Subscribe
btn-unsubscribe = 🔕 Unsubscribe
btn-days-silent = { $on ->
        [true] 🔇 Without sound: on
       *[false] 🔔 Without sound: off
    }
btn-days-neutral = { $on ->
        [true] 🙈 Neutral first line: on
       *[false] 👁 Neutral first line: off
    }
days-notice-on = Subscribed
days-notice-off = Unsubscribed
days-offer = During the 16 Days against violence, the bot can send you one short message a day: silently, with a neutral first line. Would you like that?
btn-days-offer-yes = 📣 Yes, please
btn-days-offer-no = No, thanks
days-offer-declined = All right, I won’t ask again. If you change your mind: /subscribe
campaign-day = 16 Days, day { $n } of { $total }
campaign-neutral = Hello! A short note for today.
forget-item-recipient = this chat’s number and language, so the bot can send you announcements
forget-item-days = 16 Days messages: subscribed ({ $silent ->
        [true] without sound
       *[false] with sound
    }, { $neutral ->
        [true] neutral first line
       *[false] no neutral line
    })
