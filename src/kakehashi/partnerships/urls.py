from django.urls import path

from kakehashi.partnerships import translation_views, views

app_name = "partnerships"
urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("new/", views.partnership_create, name="create"),
    path("<int:pk>/", views.partnership_detail, name="detail"),
    path("<int:pk>/edit/", views.partnership_edit, name="edit"),
    path("<int:pk>/translate/", translation_views.translate_partnership, name="translate"),
    path("<int:pk>/delete/", views.partnership_delete, name="delete"),
    path("<int:pk>/documents/", views.document_upload, name="document_upload"),
    path("<int:pk>/documents/<int:document_pk>/", views.document_download, name="document"),
    path("<int:pk>/visits/new/", views.visit_create, name="visit_create"),
    path(
        "priority-lists/<int:pk>/translate/",
        translation_views.translate_priority_list,
        name="translate_priority_list",
    ),
    path(
        "visits/<int:pk>/translate/",
        translation_views.translate_visit,
        name="translate_visit",
    ),
]
