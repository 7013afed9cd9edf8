cmd-broadcast = Staff: new broadcast
cmd-broadcasts = Staff: broadcasts
cmd-stats = Staff: statistics
stats-head =
    <b>Statistics</b> (anonymous counters, UTC days; numbers only)
    Subscribed to 16 Days messages now: { $subscribers }
stats-week = last 7 days:
stats-none = No counts yet.
btn-stats-csv = 📄 CSV, every day
bc-audience-name = { $audience ->
        [subscribers] all subscribers
        [subscribers-uk] subscribers reading Ukrainian
        [subscribers-en] subscribers reading English
       *[everyone] everyone who has not blocked the bot
    }
bc-status = { $status ->
        [scheduled] scheduled
        [running] sending
        [done] finished
       *[cancelled] cancelled
    }
bcs-head = <b>Broadcasts</b> (newest first)
bcs-none = No broadcasts yet. Start one with /broadcast.
bcs-line = #{ $id } · { $status } · { $audience } · { $when }
    Recipients { $total }, sent { $sent }, failed { $failed }
btn-bc-cancel = ✖ Cancel #{ $id }
btn-bc-cancel-yes = ✖ Yes, cancel it
bc-cancel-question = Cancel broadcast #{ $id }? Nobody else will get it; messages already sent stay.
bc-cancel-done = Cancelled
bc-cancel-too-late = It has already finished
bc-progress-head = <b>Broadcast #{ $id }</b>: { $status }
bc-progress = Sent { $sent } · failed { $failed } · remaining { $remaining }
bc-progress-eta = about { $minutes } min { $seconds } s left
kept-broadcast-draft = a broadcast being written (its text until you finish or cancel)
bc-btn-cancel = ✖ Cancel
bc-use-buttons = Please choose with the buttons above.
bc-text-only = Please send the text as a message (no files or stickers).
bc-cancelled = Broadcast cancelled; nothing was sent.
bc-html-bad = Telegram could not read this HTML: { $problem }. Please send the text again.
bc-start =
    <b>New broadcast</b>
    One text for every language, or a text in Ukrainian and one in English?
bc-btn-one = One text for all
bc-btn-each = Ukrainian and English
bc-ask-text = Send the text. HTML works: &lt;b&gt;bold&lt;/b&gt;, &lt;i&gt;italic&lt;/i&gt;, &lt;a href="https://…"&gt;link&lt;/a&gt;.
bc-ask-text-in = Send the text in { $language }. HTML works: &lt;b&gt;, &lt;i&gt;, &lt;a href="…"&gt;.
bc-audience = { $audience } ({ $count })
bc-ask-audience = Who should get it?
bc-preview = Preview, exactly as recipients will see it:
bc-ask-when = When should it go out?
bc-btn-now = Now
bc-btn-later = At a date and time
bc-ask-time = Send the date and time ({ $zone }), e.g. 2026-12-05 14:30
bc-time-bad = I could not read that. Please write it like 2026-12-05 14:30 ({ $zone }).
bc-time-past = That time has passed. Please choose a time in the future.
bc-when-now = now
bc-confirm = Send to { $count } people ({ $audience }), { $when }?
bc-btn-send = ✅ Send
bc-scheduled = Broadcast #{ $id } is scheduled: { $when }. /broadcasts lists it and can cancel it.
bc-started = Broadcast #{ $id }: sending…
