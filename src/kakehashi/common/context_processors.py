from django.conf import settings

from kakehashi.common.i18n import reader_language


def site(request):
    return {
        "reader_language": reader_language(),
        "available_languages": settings.LANGUAGES,
    }
