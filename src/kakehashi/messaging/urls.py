from django.urls import path

from kakehashi.messaging import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("new/", views.new_thread, name="new"),
    path("preferences/", views.preferences, name="preferences"),
    path("blocks/<int:block_pk>/delete/", views.unblock, name="unblock"),
    path("<int:pk>/", views.thread_detail, name="thread"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/poll/", views.poll, name="poll"),
    path("<int:pk>/members/", views.add_member, name="add_member"),
    path("<int:pk>/block/", views.block_party, name="block"),
    path("<int:pk>/messages/<int:message_pk>/report/", views.report, name="report"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
]
