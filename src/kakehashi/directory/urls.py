from django.urls import path

from kakehashi.directory import translation_views, views

app_name = "directory"
urlpatterns = [
    path("localities/", views.locality_list, name="localities"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisations/<int:pk>/translate/",
        translation_views.translate_organisation,
        name="organisation_translate",
    ),
    path("organisations/<int:pk>/people/<int:person_pk>/", views.person_detail, name="person"),
    path(
        "organisations/<int:pk>/people/<int:person_pk>/translate-position/",
        translation_views.translate_position,
        name="position_translate",
    ),
    path(
        "organisations/<int:pk>/members/", views.organisation_members, name="organisation_members"
    ),
]
