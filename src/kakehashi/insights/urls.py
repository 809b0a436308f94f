from django.urls import path

from kakehashi.insights import feedback_views, views

app_name = "insights"
urlpatterns = [
    path("", views.index, name="index"),
    path("localities/", views.locality_list, name="localities"),
    path("localities/<slug:slug>/", views.locality_dashboard, name="locality"),
    path("outcomes/new/", views.record_outcome, name="record_outcome"),
    path("follow-up/<int:pk>/", feedback_views.answer_follow_up, name="follow_up"),
    path("events/<slug:slug>/feedback/", feedback_views.event_results, name="event_feedback"),
    path("<slug:key>/", views.dashboard, name="dashboard"),
]
