from django.utils import safestring
from django.utils.safestring import mark_safe, SafeString


def render(request, title):
    mark_safe(title)  # want: B703
    mark_safe(request.GET["q"])  # want: B703
    mark_safe(f"<b>{title}</b>")  # want: B703
    SafeString("<i>%s</i>" % title)  # want: B703
    safestring.SafeText("<i>{}</i>".format(title))  # want: B703
    safestring.mark_safe("<i>{t}</i>".format(t="x"))  # want: B703
    mark_safe("<b>static</b>")
    mark_safe()


def traced():
    tag = "b"
    label = tag
    mark_safe(label)
    mark_safe("<{0}>x</{0}>".format(tag))
    mark_safe("<%s>x</%s>" % (tag, "i"))
    mark_safe("<{}>".format(*["b", tag]))
    html = "<p>"
    html += "</p>"
    mark_safe(html)


def branches(flag, user):
    if flag:
        text = "yes"
    else:
        text = "no"
    mark_safe(text)
    try:
        other = "a"
    except ValueError:
        other = user
    mark_safe(other)  # want: B703
    with open("f") as fh:
        mark_safe(fh)  # want: B703
    late = "fine"
    mark_safe(unassigned)  # want: B703


def reassigned(user):
    value = "safe"
    value = user.name
    mark_safe(value)  # want: B703
    number = 3
    mark_safe(number)  # want: B703


async def not_a_scope(user):
    # An async def is not a scope of its own here: the module is, and
    # module_level is only assigned below this line.
    mark_safe(module_level)  # want: B703


module_level = "<hr>"
mark_safe(module_level)
