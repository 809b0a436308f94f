from django.urls import path

from kakehashi.transfer import views

app_name = "transfer"
urlpatterns = [
    path("", views.index, name="index"),
    path("imports/<int:pk>/", views.batch_detail, name="batch"),
    path("imports/<int:pk>/confirm/", views.batch_confirm, name="batch_confirm"),
    path("imports/<int:pk>/encoding/", views.batch_encoding, name="batch_encoding"),
    path("imports/<int:pk>/cancel/", views.batch_cancel, name="batch_cancel"),
    path("templates/<str:kind>.csv", views.import_template, name="template"),
    path("export/<str:kind>.<str:file_format>", views.export, name="export"),
]
