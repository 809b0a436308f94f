from django.urls import path

from kakehashi.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.index, name="index"),
    path("localities/", views.locality_list, name="localities"),
    path("localities/<slug:slug>/", views.locality_dashboard, name="locality"),
    path("outcomes/new/", views.record_outcome, name="record_outcome"),
    path("<slug:key>/", views.dashboard, name="dashboard"),
]
