"""Remote attendance: a delegation may attend by video, an interpreter may join remote
meetings, and each meeting has its own unguessable video room (given one by one to the
meetings that exist, so that no two share a room)."""

from django.db import migrations, models

import kakehashi.events.models.meetings


def give_each_meeting_its_room(apps, schema_editor):
    Meeting = apps.get_model("events", "Meeting")
    for meeting in Meeting.objects.only("pk").iterator():
        Meeting.objects.filter(pk=meeting.pk).update(
            video_room=kakehashi.events.models.meetings.new_video_room()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_badges_and_checkin"),
    ]

    operations = [
        migrations.AddField(
            model_name="interpreter",
            name="joins_remotely",
            field=models.BooleanField(default=False, verbose_name="can join remote meetings"),
        ),
        migrations.AddField(
            model_name="registration",
            name="attends_remotely",
            field=models.BooleanField(default=False, verbose_name="attends remotely"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="video_room",
            field=models.CharField(max_length=64, default="", blank=True),
            preserve_default=False,
        ),
        migrations.RunPython(give_each_meeting_its_room, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="meeting",
            name="video_room",
            field=models.CharField(
                default=kakehashi.events.models.meetings.new_video_room,
                max_length=64,
                unique=True,
            ),
        ),
    ]
