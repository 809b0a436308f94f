from django.urls import path

from kakehashi.events import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("series/<slug:slug>/", views.series_detail, name="series"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/edit/", views.event_edit, name="edit"),
    path("<slug:slug>/sessions/new/", views.session_create, name="session_create"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/registrations/", views.registrations, name="registrations"),
    path(
        "<slug:slug>/registrations/<int:pk>/decide/",
        views.registration_decide,
        name="registration_decide",
    ),
    path(
        "<slug:slug>/registrations/<int:pk>/cancel/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path("<slug:slug>/participants.csv", views.participants_csv, name="participants_csv"),
]
