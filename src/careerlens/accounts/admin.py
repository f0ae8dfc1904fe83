"""Administrators create accounts, reset passwords and manage organisations in the admin site."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.models import ApiToken, Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name_en", "kind", "catchment", "parent", "serves_in_french", "is_active"]
    list_filter = ["kind", "catchment", "serves_in_french", "is_active"]
    search_fields = ["name_en", "name_fr", "code", "city"]
    autocomplete_fields = ["parent"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active", "last_login"]
    list_filter = ["role", "is_active", "organisation__kind", "organisation__catchment"]
    autocomplete_fields = ["organisation"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("careerlens"), {"fields": ("role", "organisation", "home_catchment", "preferred_language")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "usable_password", "password1", "password2")}),
        (
            _("careerlens"),
            {
                "fields": (
                    "first_name",
                    "last_name",
                    "email",
                    "role",
                    "organisation",
                    "home_catchment",
                    "preferred_language",
                )
            },
        ),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "expires_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    fields = ["user", "name", "prefix", "expires_at", "revoked", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False  # tokens are issued with `careerlens issue-token`, which shows the key once
