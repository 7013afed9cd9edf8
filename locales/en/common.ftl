btn-back = ← Back
btn-menu = ☰ Menu
btn-sos = 🆘 Emergency numbers
btn-more-lines = 📞 Other support lines
btn-page-prev = ← Previous
btn-page-next = Next →
error-text =
    Sorry, something went wrong. Please try again.
    If you are in danger, call { $police }.
btn-exit = 🚪 Quick exit
btn-numbers = 📞 Numbers
rate-limit-text = That is a lot of messages at once, so I will pause for a moment. Please try again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }. If you are in danger, call { $police }.
rate-limit-notice = Too many taps at once: please try again in { $seconds } seconds. In danger? Police { $police }, hotline { $govHotline }, La Strada { $laStrada }.
