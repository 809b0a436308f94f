"""What a visitor gets with DEBUG off, as in the demo and in production: the stylesheet, the
script and the icon are served by the app itself, and a mistyped address answers with our
own page in the reader's language, never Django's debug page listing every route."""

import pytest
from django.utils import translation


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/static/kakehashi/site.css", "text/css"),
        ("/static/kakehashi/vendor/pico/pico.min.css", "text/css"),
        ("/static/kakehashi/site.js", "text/javascript"),
        ("/static/kakehashi/favicon.svg", "image/svg+xml"),
    ],
)
def test_static_files_are_served_without_debug(client, settings, path, content_type):
    assert settings.DEBUG is False
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "vi", "ja"])
def test_a_mistyped_address_gets_our_own_page_in_the_readers_language(client, language):
    client.cookies["kakehashi_language"] = language
    response = client.get("/partnershps/")
    assert response.status_code == 404
    page = response.content.decode()
    with translation.override(language):
        assert translation.gettext("Page not found") in page
        assert translation.gettext("Back to the home page") in page
    assert "URLconf" not in page and "urlpatterns" not in page
    assert f'<html lang="{language}" ' in page


@pytest.mark.django_db
def test_every_page_says_where_it_may_load_from(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"  # no inline script, no other site
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert client.get("/api/v1/localities?country=JP")["Content-Security-Policy"] == policy
