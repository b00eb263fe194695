"""store volume as a non-negative integer

Revision ID: e5a7c9d1f305
Revises: c0b8d2f4e604
"""
from alembic import op
import sqlalchemy as sa

revision = "e5a7c9d1f305"
down_revision = "c0b8d2f4e604"


def daily_prices(volume, *checks):
    return sa.Table(
        "daily_prices", sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("symbol", sa.Text, sa.ForeignKey("companies.symbol", ondelete="CASCADE"), nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("open", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column("close_price", sa.Float),
        sa.Column("volume", volume),
        sa.UniqueConstraint("symbol", "date"),
        *checks,
    )


def upgrade():
    with op.batch_alter_table("daily_prices", copy_from=daily_prices(sa.Text), recreate="always") as batch:
        batch.alter_column("volume", type_=sa.Integer, existing_type=sa.Text)
        batch.create_check_constraint("ck_daily_prices_volume", "volume >= 0")


def downgrade():
    with op.batch_alter_table("daily_prices", copy_from=daily_prices(
            sa.Integer, sa.CheckConstraint("volume >= 0", name="ck_daily_prices_volume")), recreate="always") as batch:
        batch.drop_constraint("ck_daily_prices_volume", type_="check")
        batch.alter_column("volume", type_=sa.Text, existing_type=sa.Integer)
