from django.urls import path

from kakehashi.proposals import editing_views, translation_views, views

app_name = "proposals"
urlpatterns = [
    path("", views.proposal_list, name="list"),
    path("mine/", views.my_proposals, name="mine"),
    path("new/", editing_views.proposal_create, name="create"),
    path("interests/", views.interests_inbox, name="interests"),
    path(
        "interests/<int:interest_pk>/<str:decision>/",
        views.interest_decide,
        name="interest_decide",
    ),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("localities/<slug:slug>/investment/", views.locality_ranking, name="ranking"),
    path("<int:pk>/", views.proposal_detail, name="detail"),
    path("<int:pk>/edit/", editing_views.proposal_edit, name="edit"),
    path("<int:pk>/reject/", views.proposal_reject, name="reject"),
    path("<int:pk>/interest/", views.express_interest, name="express_interest"),
    path("<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path("<int:pk>/translate/", translation_views.translate_proposal, name="translate"),
    path("<int:pk>/<str:action>/", views.proposal_action, name="action"),
]
