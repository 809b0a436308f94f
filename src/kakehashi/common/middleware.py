from django.shortcuts import render


class RejectNullCharactersMiddleware:
    """A NUL character in a query or form parameter is never meaningful, and PostgreSQL
    refuses it in text: answer 400 before any view can pass one to the database. (Django's
    form fields refuse it too; this also covers filters read straight from the query.) The API
    answers such input itself, in its JSON error format."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/") and self._has_null(request):
            return render(request, "common/error.html", {"status": 400}, status=400)
        return self.get_response(request)

    @staticmethod
    def _has_null(request) -> bool:
        if "\x00" in request.path:
            return True
        values = [v for values in request.GET.lists() for v in (values[0], *values[1])]
        if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            values += [v for values in request.POST.lists() for v in (values[0], *values[1])]
        return any("\x00" in value for value in values)


class ContentSecurityPolicyMiddleware:
    """Every response says where its page may load things from (settings.CONTENT_SECURITY_POLICY):
    scripts and styles from this site's own files only (no inline script: the pages' behaviour
    lives in static/kakehashi/site.js), images from the site or data: URIs (Pico's icons),
    no plugins, no framing by other sites, forms sent only here. An injected <script> or
    on*= attribute therefore does not run."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.policy = "; ".join(
            f"{directive} {' '.join(sources)}"
            for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
