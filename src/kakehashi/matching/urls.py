from django.urls import path

from kakehashi.matching import views

app_name = "matching"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("mine/", views.my_matches, name="my_matches"),
    path("saved/", views.saved_searches, name="saved_searches"),
    path("saved/new/", views.save_search, name="save_search"),
    path("saved/<int:pk>/delete/", views.delete_search, name="delete_search"),
    path("follow/<int:proposal_pk>/", views.follow, name="follow"),
]
