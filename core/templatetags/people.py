"""`people`: how e-mails greet their recipient (core/people.py).

{% load people %}{{ recipient|greeting_name }}
"""

from django import template

from core.people import greeting_name as _greeting_name

register = template.Library()


@register.filter
def greeting_name(user):
    return _greeting_name(user)
