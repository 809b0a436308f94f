from django.urls import path

from kakehashi.obstacles import translation_views, views

app_name = "obstacles"

urlpatterns = [
    path("", views.my_obstacles, name="mine"),
    path("new/", views.file_obstacle, name="file"),
    path("queue/", views.queue, name="queue"),
    path("resolved/", views.resolved, name="resolved"),
    path("rules/", views.routing_rules, name="rules"),
    path("rules/<int:pk>/delete/", views.delete_rule, name="delete_rule"),
    path("<int:pk>/", views.obstacle_detail, name="detail"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/start/", views.start, name="start"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/route/", views.route, name="route"),
    path("<int:pk>/comments/", views.comment, name="comment"),
    path("<int:pk>/translate/", translation_views.translate_obstacle, name="translate"),
    path("<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path("<int:pk>/<str:outcome>/", views.close, name="close"),
]
