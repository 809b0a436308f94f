from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0004_missedindexupdate"),
    ]

    operations = [
        migrations.AddField(
            model_name="indexentry",
            name="latent",
            field=models.BinaryField(null=True),
        ),
    ]
