from django.urls import path

from kakehashi.transfer import views

app_name = "transfer"
urlpatterns = [
    path("", views.index, name="index"),
]
