from django.utils.safestring import mark_safe
import django.utils.safestring as ss

mark_safe(html)  # want: B308
ss.mark_safe(html)  # want: B308

format_html("<b>{}</b>", name)
escape(html)
