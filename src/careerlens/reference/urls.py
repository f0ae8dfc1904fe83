from django.urls import path

from careerlens.reference import views

app_name = "reference"
urlpatterns = [
    path("occupations/", views.occupation_search, name="occupations"),
    path("occupations/<str:code>/", views.occupation_detail, name="occupation"),
    path("catchments/", views.catchment_list, name="catchments"),
    path("catchments/<slug:code>/", views.catchment_detail, name="catchment"),
    path("sources/", views.source_list, name="sources"),
]
