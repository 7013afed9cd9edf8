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
rate-limit-text = That is a lot of messages, so I will pause for a moment. Please try again in a minute. If you are in danger, call { $police }.
