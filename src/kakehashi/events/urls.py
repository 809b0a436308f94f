from django.urls import path

from kakehashi.events import (
    badge_views,
    feedback_views,
    live_views,
    meeting_views,
    remote_views,
    schedule_views,
    views,
)

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("series/<slug:slug>/", views.series_detail, name="series"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/edit/", views.event_edit, name="edit"),
    path("<slug:slug>/sessions/new/", views.session_create, name="session_create"),
    path("<slug:slug>/sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
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
    path("<slug:slug>/programme/", meeting_views.programme, name="programme"),
    path("<slug:slug>/schedule/", schedule_views.schedule, name="schedule"),
    path("<slug:slug>/schedule/run/", schedule_views.schedule_run, name="schedule_run"),
    path("<slug:slug>/schedule/publish/", schedule_views.schedule_publish, name="schedule_publish"),
    path(
        "<slug:slug>/schedule/meetings/new/",
        schedule_views.organiser_meeting,
        name="organiser_meeting",
    ),
    path(
        "<slug:slug>/schedule/meetings/<int:pk>/",
        schedule_views.meeting_update,
        name="meeting_update",
    ),
    path("<slug:slug>/meetings/", meeting_views.my_meetings, name="my_meetings"),
    path("<slug:slug>/meetings/book/", live_views.book, name="book"),
    path("<slug:slug>/meetings/<int:pk>/cancel/", live_views.cancel, name="cancel_meeting"),
    path(
        "<slug:slug>/registrations/<int:pk>/remote/",
        remote_views.registration_remote,
        name="registration_remote",
    ),
    path(
        "<slug:slug>/meetings/requests/<int:pk>/answer/",
        meeting_views.answer_request,
        name="answer_request",
    ),
    path("<slug:slug>/agenda.ics", meeting_views.agenda_download, name="agenda_ics"),
    path("<slug:slug>/agenda.pdf", meeting_views.agenda_print, name="agenda_pdf"),
    path("<slug:slug>/calendar/<str:token>.ics", meeting_views.calendar_feed, name="calendar_feed"),
    path("<slug:slug>/schedule/sheets/", schedule_views.sheets, name="sheets"),
    path(
        "<slug:slug>/meetings/<int:pk>/outcome/",
        meeting_views.record_outcome,
        name="record_outcome",
    ),
    # The event day: badges, check-in, table cards and the room overview.
    path("<slug:slug>/badges/", badge_views.badges, name="badges"),
    path("<slug:slug>/badges/print/", badge_views.badges_print, name="badges_print"),
    path("<slug:slug>/badges/<int:pk>/revoke/", badge_views.badge_revoke, name="badge_revoke"),
    path("<slug:slug>/check-in/", badge_views.check_in_desk, name="check_in"),
    path("<slug:slug>/table-cards.pdf", badge_views.table_cards, name="table_cards"),
    path("<slug:slug>/room-overview.pdf", badge_views.room_overview, name="room_overview"),
    path(
        "<slug:slug>/meetings/<int:pk>/feedback/",
        feedback_views.meeting_feedback,
        name="meeting_feedback",
    ),
    path(
        "<slug:slug>/meetings/<int:pk>/check-in/",
        feedback_views.check_in,
        name="meeting_check_in",
    ),
    path("<slug:slug>/networking/", feedback_views.networking_figures, name="networking"),
]
