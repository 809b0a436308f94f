from django.urls import path

from kakehashi.news import feed_views, views

app_name = "news"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("import/", views.article_import, name="import"),
    path("<int:pk>/", views.article_review, name="article"),
    path("<int:pk>/read/", views.article_read_again, name="read_again"),
    path("suggestions/<int:pk>/accept/", views.suggestion_accept, name="accept"),
    path("suggestions/<int:pk>/reject/", views.suggestion_reject, name="reject"),
    path("feeds/", feed_views.feed_list, name="feeds"),
    path("feeds/<int:pk>/read/", feed_views.feed_poll, name="feed_poll"),
    path("feeds/<int:pk>/remove/", feed_views.feed_remove, name="feed_remove"),
]
