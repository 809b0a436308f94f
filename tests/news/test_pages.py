"""The desk's pages: the list (one query count whatever the number of articles), the review
page (the text escaped, the names marked, the facts beside it, the record already held named
in the reader's language)."""

import pytest

from kakehashi.news.importing import import_article
from kakehashi.news.models import ArticleStatus
from kakehashi.news.reading import store_facts
from kakehashi.partnerships.priority_list_services import (
    record_priority_list,
    save_priority_list_reference_translation,
)
from tests.factories import locality
from tests.news.conftest import VI_TEXT, client_for, mention, vi_document


def test_the_list_shows_status_language_and_pending_counts(vi_article, hcmc_editor):
    page = client_for(hcmc_editor).get("/news/").content.decode()
    assert vi_article.title in page
    assert "Vietnamese" in page
    assert "4 suggestions" in page
    # a card per article on a phone, each value under its column's name
    assert 'class="table-scroll stack-on-phone"' in page
    assert '<td data-label="Language">Vietnamese</td>' in page


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_asks_the_same_queries_for_one_or_many(
    hcmc_editor, django_assert_num_queries, count
):
    for number in range(count):
        article, _ = import_article(
            text=f"{VI_TEXT}\n\nBài số {number}.", origin="pasted", by=hcmc_editor
        )
        store_facts(article=article, document=vi_document(article.text))
    client = client_for(hcmc_editor)
    client.get("/news/")  # the session and the reference data warm up
    with django_assert_num_queries(7):
        response = client.get("/news/")
    assert response.content.decode().count("4 suggestions") == count


def test_the_review_page_marks_names_and_escapes_the_text(hcmc_editor):
    text = "Osaka <script>alert('x')</script> và TP.HCM ký kết <b>MoU</b>."
    article, _ = import_article(text=text, origin="pasted", by=hcmc_editor, language="vi")
    document = {
        "format": "kakehashi-news/1",
        "language": "vi",
        "published": None,
        "facts": [],
        "mentions": [
            mention(text, "Osaka", "locality", "osaka-prefecture"),
            mention(text, "TP.HCM", "locality", "ho-chi-minh-city"),
            # Overlapping and out-of-range mentions are left unmarked.
            mention(text, "TP.HCM ký", "organisation"),
            {"kind": "date", "start": 500, "end": 510, "text": "x", "slug": None, "key": None},
        ],
    }
    store_facts(article=article, document=document)
    page = client_for(hcmc_editor).get(article.get_absolute_url()).content.decode()
    assert '<mark class="mention-locality">Osaka</mark>' in page
    assert '<mark class="mention-locality">TP.HCM</mark> ký kết' in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "&lt;b&gt;MoU&lt;/b&gt;" in page
    assert "Nothing in this article suggests a change to the registry." in page


def test_the_review_page_shows_each_suggestion_with_its_evidence(vi_article, hcmc_editor):
    page = client_for(hcmc_editor).get(vi_article.get_absolute_url()).content.decode()
    assert page.count('class="card suggestion') == 4
    assert "Thứ trưởng Bộ Ngoại giao Nhật Bản, Yamada Kenji" in page
    assert "confidence 90%" in page
    assert "Also in the article" in page  # the partnership count
    assert 'value="2023-11-25"' in page  # the visit's date, pre-filled


def test_an_article_being_read_says_so(hcmc_editor):
    article, _ = import_article(text=VI_TEXT, origin="pasted", by=hcmc_editor)
    article.status = ArticleStatus.READING
    article.save()
    page = client_for(hcmc_editor).get(article.get_absolute_url()).content.decode()
    assert "The article is being read… This page refreshes by itself." in page


def test_an_article_the_engine_failed_on_is_read_again(
    hcmc_editor, plain_member, django_capture_on_commit_callbacks
):
    article, _ = import_article(text=VI_TEXT, origin="pasted", by=hcmc_editor)
    article.status, article.reading_error = ArticleStatus.FAILED, "RuntimeError: boom"
    article.save()
    client = client_for(hcmc_editor)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "The article could not be read. Nothing was suggested." in page
    assert client_for(plain_member).post(f"/news/{article.pk}/read/").status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/news/{article.pk}/read/")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == ArticleStatus.READY  # the engine ran (in-process in tests)
    assert article.suggestions.filter(kind="visit").exists()


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Priority partners 2021–2025"), ("ja", "2021～2025年の重点パートナー")],
)
def test_the_list_already_held_is_named_in_the_readers_language(
    vi_article, hcmc_editor, language, title
):
    known = record_priority_list(
        locality=locality("ho-chi-minh-city"),
        title="Priority partners 2021–2025",
        period_start=2021,
        period_end=2025,
        partners=[
            locality(slug) for slug in ("aichi-prefecture", "osaka-city", "osaka-prefecture")
        ],
        by=hcmc_editor,
    )
    save_priority_list_reference_translation(
        priority_list=known, language="ja", title="2021～2025年の重点パートナー"
    )
    client = client_for(hcmc_editor)
    client.cookies["kakehashi_language"] = language
    page = client.get(vi_article.get_absolute_url()).content.decode()
    card = page[
        page.index(f'id="suggestion-{vi_article.suggestions.get(kind="priority_partners").pk}"') :
    ]
    assert f"{title} (2021–2025)</a>" in card[: card.index("</article>")]
