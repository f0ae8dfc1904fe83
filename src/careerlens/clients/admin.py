"""Client records in the admin site (administrators only); merges and referral moves go through the pages."""

from django.contrib import admin

from careerlens.clients.models import (
    AssistanceSpell,
    Client,
    Consent,
    ProgramMembership,
    Referral,
    ReferralTransition,
)


class MembershipInline(admin.TabularInline):
    model = ProgramMembership
    extra = 0


class SpellInline(admin.TabularInline):
    model = AssistanceSpell
    extra = 0


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "date_of_birth", "postal_code", "catchment", "registered_by"]
    list_filter = ["catchment", "language"]
    search_fields = ["last_name", "first_name", "postal_code"]
    raw_id_fields = ["user", "merged_into", "registered_by"]
    inlines = [MembershipInline, SpellInline]


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["client", "organisation", "topic", "until", "granted_at", "withdrawn_at"]
    list_filter = ["topic"]
    raw_id_fields = ["client", "organisation", "recorded_by", "withdrawn_by"]


class TransitionInline(admin.TabularInline):
    model = ReferralTransition
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "actor", "at", "reason"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    list_display = ["client", "provider", "source", "status", "created_at", "status_changed_at"]
    list_filter = ["status", "source"]
    raw_id_fields = ["client", "provider", "from_organisation", "referred_by"]
    readonly_fields = ["status", "status_changed_at"]  # statuses move only through the state machine
    inlines = [TransitionInline]
